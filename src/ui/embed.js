// Embedded (`?embed`): tells the parent page this page's height whenever it
// changes, so the iframe can size itself without a scrollbar. The message:
//   { type: "rollout-lab:height", height: <CSS pixels> }
// A classic script file (not inline), so it runs under `script-src 'self'`.
(function () {
  'use strict';
  var flag = new URLSearchParams(location.search).get('embed');
  if (flag === null || flag === '0' || flag === 'false' || window.parent === window) return;
  var last = 0;
  function post() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'rollout-lab:height', height: height }, '*');
  }
  function start() {
    new ResizeObserver(post).observe(document.body);
  }
  if (document.body) start();
  else addEventListener('DOMContentLoaded', start);
})();
