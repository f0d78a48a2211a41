// Shows index.html's prerendered first view (build/prerender.js) while the wasm module loads, when the
// app will open on exactly that view: the bare address (no link, no ?embed), no autosaved session, and
// English (src/i18n.rs Lang::from_tags: the first of the browser's languages that is English or Chinese,
// unless a language was chosen). The loading state then shrinks to a strip. src/main.rs removes both.
(function () {
  'use strict';
  var view = document.getElementById('first-view');
  if (!view || !view.firstElementChild || location.search || location.hash) return;
  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  if (stored('rollout-lab/session') !== null) return;
  var lang = stored('rollout-lab/lang');
  if (lang === null) {
    var tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    lang = 'en';
    for (var i = 0; i < tags.length; i++) {
      var primary = String(tags[i]).split(/[-_]/)[0].toLowerCase();
      if (primary === 'zh' || primary === 'en') { lang = primary; break; }
    }
  }
  if (lang !== 'en') return;
  view.hidden = false;
  var loading = document.getElementById('loading');
  if (loading) loading.classList.add('loading--strip');
})();
