// Crash recovery, in plain JavaScript because the wasm module is what stopped.
// A Rust panic in the browser aborts the module (a WebAssembly.RuntimeError:
// "unreachable"); from then on no Rust code runs. This overlay offers the
// last autosave (the UI writes it to localStorage and the page's fragment a
// moment after every change) or a clean start. It is a classic script file,
// not inline, so the page works under `script-src 'self'`.
(function () {
  'use strict';
  var SAVE_KEY = 'rollout-lab/session'; // src/ui/state/storage.rs SAVE_KEY
  var shown = false;

  function isWasmFailure(error) {
    return typeof WebAssembly !== 'undefined' && (
      error instanceof WebAssembly.RuntimeError ||
      error instanceof WebAssembly.CompileError ||
      error instanceof WebAssembly.LinkError);
  }

  function button(label, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  function pageWithoutFragment() {
    return location.href.split('#')[0];
  }

  function show(error) {
    if (shown) return;
    shown = true;
    var zh = /^zh/i.test(document.documentElement.lang || '');
    var overlay = document.createElement('div');
    overlay.className = 'crash';
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-labelledby', 'crash-title');
    var title = document.createElement('h2');
    title.id = 'crash-title';
    title.textContent = zh ? 'Rollout Lab 出错并停止了' : 'Rollout Lab stopped after an internal error';
    var text = document.createElement('p');
    text.textContent = zh
      ? '你的会话在出错前已自动保存。可以从上次保存处重新加载，或重新开始。'
      : 'Your session was saved automatically a moment before. Reload it from the last save, or start over.';
    var detail = document.createElement('pre');
    detail.textContent = String(error && error.message || error);
    var reload = button(zh ? '从上次保存处重新加载' : 'Reload from last save', function () {
      // The autosave is in localStorage; the fragment may be an older link.
      location.replace(pageWithoutFragment());
    });
    reload.className = 'primary';
    var fresh = button(zh ? '重新开始' : 'Start over', function () {
      try { localStorage.removeItem(SAVE_KEY); } catch (e) { /* storage refused */ }
      location.replace(pageWithoutFragment());
    });
    var actions = document.createElement('div');
    actions.className = 'crash__actions';
    actions.append(reload, fresh);
    overlay.append(title, text, detail, actions);
    document.body.append(overlay);
    reload.focus();
  }

  addEventListener('error', function (event) {
    if (isWasmFailure(event.error)) show(event.error);
  });
  addEventListener('unhandledrejection', function (event) {
    if (isWasmFailure(event.reason)) show(event.reason);
  });
})();
