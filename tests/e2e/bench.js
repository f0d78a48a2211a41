// UI benchmark (prints figures, not a pass/fail test): bundle size, first load on a throttled mobile
// profile, time to first interactive render, and frame times while playing a rollout of 100 and 1,000
// pods. Run after `.ci/build-web` (trunk build --release): `node tests/e2e/bench.js`.
//
//   node tests/e2e/bench.js               everything
//   node tests/e2e/bench.js --cold-load   only the bundle sizes and the first load (RUNS=7 by default)
//
// BENCH_DIST measures another build's dist/ (default: the repository's dist/). Only 127.0.0.1 is contacted.
const { chromium } = require('@playwright/test');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');
const zlib = require('zlib');

const DIST = path.resolve(process.env.BENCH_DIST || path.resolve(__dirname, '../../dist'));
const PORT = process.env.BENCH_PORT || '8083';
const COLD_PORT = Number(process.env.BENCH_COLD_PORT || '8084');
const RUNS = Number(process.env.RUNS || '7');
const COLD_ONLY = process.argv.includes('--cold-load');

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

// Lighthouse's mobile profile (its "slow 4G" and mid-range phone): 1.6 Mbps down, 750 kbps up, 150 ms
// RTT, the CPU 4x slower, a Moto G Power's screen.
const MOBILE = {
  network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) },
  cpuSlowdown: 4,
  context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
};

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves DIST on 127.0.0.1 as a static host with gzip does: html, js, css and wasm compressed ahead
 * (`gzip -9`, as gzip_static would send them) with `Content-Encoding: gzip`, nothing cacheable.
 */
function gzipServer(port) {
  const files = new Map();
  for (const f of fs.readdirSync(DIST)) {
    const file = path.join(DIST, f);
    if (!fs.statSync(file).isFile()) continue;
    const raw = fs.readFileSync(file);
    const ext = path.extname(f);
    const compress = ['.html', '.js', '.css', '.wasm'].includes(ext);
    const body = compress ? gzipped(file, raw) : raw;
    files.set(`/${f}`, { body, compress, type: MIME[ext] || 'application/octet-stream' });
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const f = files.get(url.pathname === '/' ? '/index.html' : url.pathname);
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'Content-Type': f.type, 'Content-Length': f.body.length, 'Cache-Control': 'no-store' };
    if (f.compress) headers['Content-Encoding'] = 'gzip';
    res.writeHead(200, headers);
    res.end(f.body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

function gzipped(file, raw) {
  try {
    return execFileSync('gzip', ['-9c', file], { maxBuffer: 1 << 26 });
  } catch {
    return zlib.gzipSync(raw, { level: 9 });
  }
}

/**
 * One first load in a fresh browser context (empty cache, cache disabled), throttled as MOBILE: ms from
 * navigation start (performance.timeOrigin) to the frame after the first pod is in the DOM.
 */
async function coldLoad(browser, url) {
  const context = await browser.newContext(MOBILE.context);
  const foreign = [];
  await context.route(/.*/, (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.protocol === 'data:') return route.continue();
    foreign.push(u.href);
    return route.abort();
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', MOBILE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpuSlowdown });
  await page.addInitScript(() => {
    // The first pod drawn: in the prerendered first view once it shows (src/ui/first_view.js), or in the
    // mounted app. Interactive: the app mounted (its root is a child of <body>), pods in it.
    const drawn = () => [...document.querySelectorAll('li[aria-label^="pod "]')].some((li) => li.getClientRects().length > 0);
    new MutationObserver((_, observer) => {
      if (!window.firstPodSeen && drawn()) {
        window.firstPodSeen = true;
        requestAnimationFrame(() => { window.firstPodAt = performance.now(); });
      }
      if (document.querySelector('body > .app li[aria-label^="pod "]')) {
        observer.disconnect();
        requestAnimationFrame(() => { window.interactiveAt = performance.now(); });
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  });
  await page.goto(url, { timeout: 60_000 });
  const ms = await page.waitForFunction(() => window.firstPodAt, null, { timeout: 60_000, polling: 200 }).then((h) => h.jsonValue());
  const interactive = await page.waitForFunction(() => window.interactiveAt, null, { timeout: 60_000, polling: 200 }).then((h) => h.jsonValue());
  const { transferred, wasmLoaded } = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'));
    return {
      transferred: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
      wasmLoaded: Math.max(...entries.filter((e) => e.name.endsWith('.wasm')).map((e) => e.responseEnd)),
    };
  });
  await context.close();
  if (foreign.length) throw new Error(`the page asked for other hosts: ${foreign.join(', ')}`);
  return { ms, interactive, transferred, wasmLoaded };
}

function gzipSizes() {
  const sizes = { wasm: 0, js: 0, css: 0 };
  for (const f of fs.readdirSync(DIST)) {
    const ext = path.extname(f).slice(1);
    if (!(ext in sizes)) continue;
    const file = path.join(DIST, f);
    sizes[ext] += gzipSize(file, fs.readFileSync(file));
  }
  return { ...sizes, total: sizes.wasm + sizes.js + sizes.css };
}

async function firstLoad(browser) {
  const server = await gzipServer(COLD_PORT);
  try {
    const url = `http://127.0.0.1:${COLD_PORT}/`;
    await coldLoad(browser, url); // warms the OS's file cache and Chromium's process pool; not counted
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldLoad(browser, url));
    const ms = runs.map((r) => r.ms);
    const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
    const g = gzipSizes();
    console.log(`first load, mobile profile (1.6 Mbps down / 750 kbps up / 150 ms RTT, CPU 4x slower, cache disabled, gzip), navigation start to first pod drawn, ${RUNS} runs: median ${percentile(ms, 50).toFixed(0)} ms, min ${Math.min(...ms).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`);
    const interactive = runs.map((r) => r.interactive);
    console.log(`  interactive (the app mounted, its pods drawn): median ${percentile(interactive, 50).toFixed(0)} ms, min ${Math.min(...interactive).toFixed(0)} ms, max ${Math.max(...interactive).toFixed(0)} ms`);
    console.log(`  runs: ${ms.map((m) => m.toFixed(0)).join(', ')} ms; transferred ${kb(runs[0].transferred)} per load; the wasm's last byte arrived at ${percentile(runs.map((r) => r.wasmLoaded), 50).toFixed(0)} ms (median)`);
    console.log(`  gzip -9: wasm ${kb(g.wasm)} (${g.wasm} bytes), js ${kb(g.js)} (${g.js}), css ${kb(g.css)} (${g.css}); wasm + js + css ${kb(g.total)} (${g.total} bytes)`);
  } finally {
    server.close();
  }
}

function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
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
  await page.getByRole('tab', { name: 'Events', exact: true }).click();
  const events = await page.getByRole('log', { name: 'Events' }).locator('tbody tr').count();
  // Chips (`pod NAME Available`), or blocks of many (`N pods Available`).
  const available = await page.evaluate(() => [...document.querySelectorAll('body > .app li[aria-label]')]
    .map((li) => li.getAttribute('aria-label'))
    .reduce((sum, name) => sum + (/^pod .* Available$/.test(name) ? 1 : Number((/^(\d+) pods Available$/.exec(name) || [0, 0])[1])), 0));
  await page.getByRole('tab', { name: 'Console', exact: true }).click();
  return { deltas: deltas.slice(1), events, available };
}

(async () => {
  if (COLD_ONLY) {
    const browser = await launch();
    try {
      await firstLoad(browser);
    } finally {
      await browser.close();
    }
    return;
  }
  const server = spawn('python3', ['-m', 'http.server', PORT, '--bind', '127.0.0.1', '--directory', DIST], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const browser = await launch();
  try {
    const { rows, total } = bundle();
    console.log(`bundle (wasm + js + css, gzip -9): ${total} bytes`);
    rows.forEach((r) => console.log(r));

    await firstLoad(browser);

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
