// UI benchmark (prints figures, not a pass/fail test): bundle size, time to
// first interactive render, and frame times while playing a rollout of 100
// and 1,000 pods. Run after `.ci/build-web` (trunk build --release): `node tests/e2e/bench.js`.
const { chromium } = require('@playwright/test');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const DIST = path.resolve(__dirname, '../../dist');
const PORT = process.env.BENCH_PORT || '8083';

// `gzip -9` as the command line writes it (what a server's gzip_static would send); Node's zlib at
// level 9 makes this wasm ~1.5 KB larger. zlib only where there is no gzip command.
function gzipSize(file, raw) {
  try {
    return execFileSync('gzip', ['-9c', file], { maxBuffer: 1 << 26 }).length;
  } catch {
    return zlib.gzipSync(raw, { level: 9 }).length;
  }
}

function bundle() {
  let total = 0;
  const rows = [];
  for (const f of fs.readdirSync(DIST)) {
    if (!/\.(wasm|js|css)$/.test(f)) continue;
    const raw = fs.readFileSync(path.join(DIST, f));
    const gz = gzipSize(path.join(DIST, f), raw);
    total += gz;
    rows.push(`  ${f.replace(/-[0-9a-f]+(_bg)?\./, '$1.')}: ${raw.length} bytes, ${gz} gzip`);
  }
  return { rows, total };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function frames(page, ms) {
  return page.evaluate((ms) => new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    const end = last + ms;
    function frame(t) {
      deltas.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(frame); else resolve(deltas);
    }
    requestAnimationFrame(frame);
  }), ms);
}

async function playRollout(page, replicas) {
  const kubectl = page.getByRole('textbox', { name: 'kubectl', exact: true });
  await kubectl.fill(`scale deployment/test-deployment --replicas=${replicas}`);
  await kubectl.press('Enter');
  await page.getByRole('slider', { name: 'Speed' }).fill('5');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 120_000 });
  await kubectl.fill('set image deployment/test-deployment web=test_web:v2');
  await kubectl.press('Enter');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const deltas = await frames(page, 3000);
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 120_000 });
  const events = await page.getByRole('log', { name: 'Events' }).locator('tbody tr').count();
  const available = await page.getByRole('meter', { name: 'Available pods' }).getAttribute('value');
  return { deltas: deltas.slice(1), events, available };
}

(async () => {
  const server = spawn('python3', ['-m', 'http.server', PORT, '--bind', '127.0.0.1', '--directory', DIST], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const { rows, total } = bundle();
    console.log(`bundle (wasm + js + css, gzip -9): ${total} bytes`);
    rows.forEach((r) => console.log(r));

    const renders = [];
    for (let i = 0; i < 11; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // The page itself notes when the first pod is in the DOM (a MutationObserver from the start), so
      // the figure does not include the test driver's polling (which added ~120 ms before).
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('[aria-label^="pod "]')) {
            observer.disconnect();
            // Drawn: the frame after the pods are in the DOM.
            requestAnimationFrame(() => { window.firstPodsAt = performance.now(); });
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.getByRole('listitem', { name: /^pod .* Available$/ }).first().waitFor();
      renders.push(await page.waitForFunction(() => window.firstPodsAt).then((h) => h.jsonValue()));
      await page.close();
    }
    console.log(`first interactive render (navigation start to pods drawn), median of 11: ${percentile(renders, 50).toFixed(0)} ms`);

    for (const replicas of [100, 1000]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`http://127.0.0.1:${PORT}/`);
      const { deltas, events, available } = await playRollout(page, replicas);
      // A frame the display had to skip shows as a delta of two intervals or more (33 ms at 60 Hz);
      // deltas of 16.6 to 16.8 ms are the vsync clock's jitter, not lost frames.
      const dropped = deltas.filter((d) => d > 25).length;
      console.log(`playing a rollout of ${replicas} pods (${events} events, ${available} available at the end): ${deltas.length} frames, frame time p50 ${percentile(deltas, 50).toFixed(1)} ms, p95 ${percentile(deltas, 95).toFixed(1)} ms, max ${Math.max(...deltas).toFixed(1)} ms, ${dropped} dropped`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
})();
