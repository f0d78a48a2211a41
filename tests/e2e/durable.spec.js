// Nothing lost: the session is autosaved (localStorage and the page's
// fragment) and comes back after a reload, a crash, or a link pasted into
// the same tab.
const path = require('path');
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

async function podNames(page) {
  return page.getByRole('listitem', { name: /^pod / }).evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
}

// Starts a rollout and takes a few fine steps, then waits for the autosave.
async function midRollout(app, steps) {
  await app.open();
  await app.page.getByRole('checkbox', { name: 'Fine steps' }).check();
  await app.setImage('test_web:v2');
  for (let i = 0; i < steps; i++) await app.button('Step').click();
  const saved = () => app.page.evaluate(() => [location.hash.slice(1), localStorage.getItem('rollout-lab/session')]);
  await expect.poll(async () => { const [hash, stored] = await saved(); return hash.startsWith('s1.') && hash === stored; }).toBe(true);
  return podNames(app.page);
}

test('a fresh visit keeps a bare address; a change is saved and a reload restores it', async ({ page }) => {
  const app = new App(page);
  await app.open();
  expect(new URL(page.url()).hash).toBe('');
  const pods = await midRollout(app, 4);
  expect(pods.some((p) => p.endsWith('Pending') || p.endsWith('ContainerCreating'))).toBe(true);

  await page.reload();
  await expect.poll(() => podNames(page)).toEqual(pods);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Without the fragment, the localStorage save is opened.
  await page.goto('./');
  await expect.poll(() => podNames(page)).toEqual(pods);
  await app.tab('History');
  await expect(app.history.getByRole('row')).toHaveCount(3); // header + revisions 1 and 2
  expect(app.errors).toEqual([]);
});

test('a crash in the wasm module shows a recoverable overlay that reloads the last save', async ({ page }) => {
  const app = new App(page);
  const pods = await midRollout(app, 3);
  await page.evaluate(() => setTimeout(() => window.wasmBindings.simulate_crash(), 0));
  const overlay = page.getByRole('alertdialog', { name: 'Rollout Lab stopped after an internal error' });
  await expect(overlay).toBeVisible();
  await expect(overlay.getByRole('button', { name: 'Reload from last save' })).toBeFocused();
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'crash-overlay.png') });
  await overlay.getByRole('button', { name: 'Reload from last save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout Lab' })).toBeVisible();
  await expect.poll(() => podNames(page)).toEqual(pods);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  // The recovered session goes on.
  await app.stepUntilIdle();
  await expect(app.pods('Available')).toHaveCount(3);
});

test('Start over after a crash clears the save', async ({ page }) => {
  const app = new App(page);
  await midRollout(app, 2);
  await page.evaluate(() => setTimeout(() => window.wasmBindings.simulate_crash(), 0));
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout Lab' })).toBeVisible();
  await expect(app.pods('Available')).toHaveCount(3);
  await expect(app.lanes()).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem('rollout-lab/session'))).toBeNull();
});

test('a link pasted into the address bar of an open page is opened', async ({ page, context }) => {
  const other = new App(await context.newPage());
  await other.open();
  await other.run('kubectl scale deployment/test-deployment --replicas=5');
  await other.stepUntilIdle();
  await other.button('Copy link').click();
  const link = await other.textbox('Share link').inputValue();

  const app = new App(page);
  await page.bringToFront();
  await app.open();
  await page.evaluate((hash) => { location.hash = hash; }, link.split('#')[1]);
  await expect(app.pods('Available')).toHaveCount(5);
  await page.evaluate(() => { location.hash = 's1.damaged!'; });
  await expect(page.getByRole('alert')).toContainText('Could not open the shared link: the link is damaged');
  await expect(app.pods('Available')).toHaveCount(5); // the open session is kept
});
