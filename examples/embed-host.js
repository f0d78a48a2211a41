// Sizes every Rollout Lab iframe on this page to the height the lab reports
// ({ type: "rollout-lab:height", height }), so it never shows a scrollbar.
'use strict';
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'rollout-lab:height' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe.rollout-lab')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(data.height)}px`;
  }
});
