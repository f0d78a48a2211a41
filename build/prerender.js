// Prerenders the first view into dist/index.html (run by .ci/build-web after `trunk build`):
// the page as a fresh English visit first shows it (the seed scenario, rolled out), so that a visitor
// sees the lab while the wasm module is still on its way (seconds on a phone). The view is inert and
// hidden from assistive technology; src/ui/first_view.js shows it only when the app will open on exactly
// that view (no link, no query, no saved session, English), and src/main.rs removes it on mount.
//
// The page runs under a strict CSP (`style-src 'self'`: no inline style attributes), so the style
// attributes the components set are moved into a stylesheet of their own, first-view-HASH.css.
'use strict';
const fs = require('fs');
const path = require('path');
const { serveStatic } = require('./static-server');
const crypto = require('crypto');

const DIST = path.resolve(__dirname, '../dist');
const { chromium } = require(path.resolve(__dirname, '../tests/e2e/node_modules/playwright'));


(async () => {
  const indexPath = path.join(DIST, 'index.html');
  let html = fs.readFileSync(indexPath, 'utf8');
  const slot = /<div[^>]*\bid="?first-view"?[^>]*><\/div>/;
  if (!slot.test(html)) throw new Error('prerender: index.html has no empty <div id="first-view">');
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.locator('body > .app li[aria-label^="pod "]').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500); // entrance animations end
  const { markup, rules } = await page.evaluate(() => {
    const live = document.querySelector('body > .app');
    const app = live.cloneNode(true);
    // Form values are properties the components set, not attributes: write them down.
    const fields = (root) => root.querySelectorAll('input, select, textarea');
    const copies = fields(app);
    fields(live).forEach((field, i) => {
      const copy = copies[i];
      if (field.type === 'checkbox' || field.type === 'radio') {
        if (field.checked) copy.setAttribute('checked', '');
      } else if (field.tagName === 'SELECT') {
        copy.querySelectorAll('option').forEach((option, j) => {
          if (j === field.selectedIndex) option.setAttribute('selected', '');
        });
      } else if (field.tagName === 'TEXTAREA') {
        copy.textContent = field.value;
      } else {
        copy.setAttribute('value', field.value);
      }
    });
    const rules = [];
    app.querySelectorAll('[style]').forEach((el, i) => {
      el.classList.add(`fv-${i}`);
      rules.push(`#first-view .fv-${i}{${el.getAttribute('style')}}`);
      el.removeAttribute('style');
    });
    // Ids would repeat the mounted app's for a moment; the view needs none.
    app.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
    return { markup: app.outerHTML, rules };
  });
  await browser.close();
  server.close();

  const css = rules.join('\n') + '\n';
  const cssName = `first-view-${crypto.createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  for (const old of fs.readdirSync(DIST).filter((f) => /^first-view-[0-9a-f]+\.css$/.test(f))) fs.unlinkSync(path.join(DIST, old));
  fs.writeFileSync(path.join(DIST, cssName), css);
  const integrity = `sha384-${crypto.createHash('sha384').update(css).digest('base64')}`;
  html = html.replace('</head>', `<link rel="stylesheet" href="./${cssName}" integrity="${integrity}"></head>`);
  html = html.replace(slot, () => `<div id="first-view" hidden inert aria-hidden="true">${markup}</div>`);
  fs.writeFileSync(indexPath, html);
  console.log(`prerender: the first view (${markup.length} bytes, ${rules.length} style rules in ${cssName}) is in dist/index.html`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
