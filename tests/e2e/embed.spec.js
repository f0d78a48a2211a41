// Embedding: the sample doc page (examples/embed.html) embeds the built lab
// from a sub-path, on a host whose every response carries a strict
// Content-Security-Policy (csp-server.js). The lab plays, sizes its iframe
// by postMessage, and asks for nothing but its own files.
const path = require('path');
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

const HOST = `http://127.0.0.1:${process.env.CSP_PORT || '8082'}`;

// Collects what would show a CSP problem or a request outside the host.
function watch(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(HOST + '/') && !r.url().startsWith('data:')) problems.push('request ' + r.url()); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`); });
  return problems;
}

test('the sample doc page embeds the lab under a strict CSP: it autoplays, sizes itself, stays read-only', async ({ page }) => {
  const problems = watch(page);
  await page.goto(`${HOST}/docs/embed.html`);
  const csp = (await page.request.get(`${HOST}/docs/lab/`)).headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");

  const frame = page.frameLocator('iframe.rollout-lab');
  // Lanes and playback, no page chrome.
  await expect(frame.getByRole('button', { name: 'Step', exact: true })).toBeVisible();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await expect(frame.getByRole('spinbutton', { name: 'Replicas' })).toHaveCount(0);
  // Read-only console: the scenario's commands, no prompt.
  await expect(frame.getByRole('log', { name: 'kubectl output' })).toBeVisible();
  await expect(frame.getByRole('textbox', { name: 'kubectl' })).toHaveCount(0);
  // Autoplay runs the canary scenario to its pause: one new pod next to the three old ones.
  const lanes = frame.locator('.lanes').getByRole('group');
  await expect(lanes).toHaveCount(2, { timeout: 15_000 });
  await expect(frame.getByRole('log', { name: 'kubectl output' })).toContainText('deployment.apps/test-deployment paused', { timeout: 15_000 });
  await expect(lanes.first().getByRole('listitem', { name: /^pod .* Available$/ })).toHaveCount(1, { timeout: 15_000 });

  // The iframe took the lab's height (postMessage) instead of its 480 px attribute.
  const inner = await page.frame({ url: /\/docs\/lab\// }).evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await expect.poll(async () => (await page.locator('iframe.rollout-lab').boundingBox()).height).toBeGreaterThanOrEqual(inner);
  expect(inner).not.toBe(480);
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'embed-docs-page.png'), fullPage: true });

  // An embed never autosaves over the visitor's own session.
  expect(await page.frame({ url: /\/docs\/lab\// }).evaluate(() => localStorage.getItem('rollout-lab/session'))).toBeNull();
  expect(problems).toEqual([]);
});

test('the full page also works under the strict CSP from a sub-path', async ({ page }) => {
  const problems = watch(page);
  const app = new App(page);
  await page.goto(`${HOST}/docs/lab/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout Lab' })).toBeVisible();
  await app.setImage('test_web:v2');
  await app.stepUntilIdle();
  await expect(app.lanes()).toHaveCount(2);
  expect(problems).toEqual([]);
});

test('Copy embed code gives an iframe of this scenario that opens embedded', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Recreate: all old pods go first' });
  await app.button('Copy embed code').click();
  const code = await app.textbox('Embed code').inputValue();
  expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed&scenario=recreate" title="Rollout Lab: Recreate: all old pods go first" /);
  const src = code.match(/src="([^"]+)"/)[1];
  await page.setContent(`<!DOCTYPE html><body>${code}</body>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('button', { name: 'Step', exact: true })).toBeVisible();
  await expect(frame.getByRole('textbox', { name: 'kubectl' })).toHaveCount(0); // no console unless asked
  expect(src).not.toContain('#');

  // After changes, the snippet carries the session's link. (The page may
  // reopen the autosaved Recreate session: pick the seed again.)
  await app.open();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Rolling update (the seed note)' });
  await app.run('kubectl scale deployment/test-deployment --replicas=4');
  await app.stepUntilIdle();
  await app.button('Copy embed code').click();
  const moved = await app.textbox('Embed code').inputValue();
  expect(moved).toMatch(/\?embed&scenario=seed#s1\.[A-Za-z0-9_-]+" /);
  const embedded = new App(await page.context().newPage());
  await embedded.page.goto(moved.match(/src="([^"]+)"/)[1]);
  await expect(embedded.pods('Available')).toHaveCount(4);
  await expect(embedded.page.getByRole('heading', { level: 1 })).toHaveCount(0);
});

test('an unknown embed scenario or a bad flag says so and shows the default', async ({ page }) => {
  await page.goto('./?embed&scenario=nope');
  await expect(page.getByRole('alert')).toContainText('Unknown scenario "nope" (one of: seed, rollover, rollback, canary, recreate, stuck, proportional, readiness, crashloop, unschedulable, quota)');
  await expect(page.locator('.lanes').getByRole('group')).toHaveCount(1);
  await page.goto('./?embed&autoplay=maybe');
  await expect(page.getByRole('alert')).toContainText('the embed option autoplay="maybe" should be 1, 0, true or false');
});

test('loop starts the scenario over after it ends', async ({ page }) => {
  await page.goto('./?embed&scenario=canary&autoplay&loop&console');
  const output = page.getByRole('log', { name: 'kubectl output' });
  const seconds = async () => parseFloat((await page.getByText(/^t = [\d.]+ s$/).textContent()).slice(4));
  await expect(output).toContainText('deployment.apps/test-deployment paused');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible(); // the scenario ended
  await expect.poll(seconds).toBe(2);
  // After a pause the clock starts over and the script plays again.
  await expect.poll(seconds, { timeout: 10_000 }).toBeLessThan(1.5);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(output).toContainText('deployment.apps/test-deployment paused', { timeout: 10_000 });
  await expect(page.locator('.lanes').getByRole('group')).toHaveCount(2);
  // The console is not read-only here: the reader can type.
  await expect(page.getByRole('textbox', { name: 'kubectl' })).toBeVisible();
});

/** Whether the page needs no scrolling at its viewport's size. */
async function fits(page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    return d.scrollHeight <= window.innerHeight && d.scrollWidth <= window.innerWidth;
  });
}

test('at 700x450 the canary embed fits: a title with its goal, the stage, a one-line transport, a link out', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 450 });
  await page.goto('./?embed&scenario=canary&autoplay');
  const status = page.getByRole('status', { name: 'Rollout status' });
  await expect(status).toContainText('Paused', { timeout: 15_000 });
  await expect(page.getByText('Canary: pause after the first new pod')).toBeVisible();
  await expect(page.getByText('one new pod serves beside three old ones')).toBeVisible();
  await expect(page.getByRole('img', { name: 'at most 4 pods (replicas 3 + maxSurge 1)' })).toBeVisible();
  expect(await fits(page)).toBe(true);
  // The transport is one line: its buttons and clock share a row.
  const tops = await Promise.all(['Step back', 'Play', 'Step'].map(async (name) => (await page.getByRole('button', { name, exact: true }).boundingBox()).y));
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(4);
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'embed-canary-700x450.png') });
  // "Open in Rollout Lab" opens the full page on this session.
  const [full] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: 'Open in Rollout Lab' }).click()]);
  await expect(full.getByRole('heading', { level: 1, name: 'Rollout Lab' })).toBeVisible();
  expect(new URL(full.url()).search).toBe('');
  expect(new URL(full.url()).hash).toMatch(/^#s1\./);
  await expect(full.locator('.lanes').getByRole('group')).toHaveCount(2);
  await expect(full.getByRole('status', { name: 'Rollout status' })).toContainText('Paused');
});

test('at 700x450 the console embed fits too, mid-rollout', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 450 });
  await page.goto('./?embed&console&scenario=canary');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Rollout status' })).toContainText('Paused');
  await expect(page.getByRole('textbox', { name: 'kubectl' })).toBeVisible();
  expect(await fits(page)).toBe(true);
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'embed-console-700x450.png') });
});
