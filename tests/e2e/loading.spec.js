// While the wasm module loads (seconds on a slow phone), the page is never blank: it shows its title and a
// loading state, which goes when the app mounts.
const path = require('path');
const { test, expect } = require('@playwright/test');

test('while the wasm loads, the page shows its title and a loading state', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  const loading = page.getByRole('status', { name: 'Loading Rollout Lab' });
  await expect(loading).toBeVisible();
  await expect(loading.getByText('Rollout Lab', { exact: true })).toBeVisible();
  await expect(loading.getByText('Loading the lab…', { exact: false })).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'loading.png') });
  release();
  await expect(page.getByRole('listitem', { name: /^pod / }).first()).toBeVisible();
  await expect(loading).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout Lab' })).toHaveCount(1);
});

/** Opens `url` with the wasm module held back; returns the function that lets it through. */
async function openHeld(page, url) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(url);
  return release;
}

test('a fresh English visit sees the prerendered first view at once, which the app replaces', async ({ page }) => {
  const release = await openHeld(page, './');
  // The prerendered view is inert and hidden from assistive technology: the status speaks for it.
  const view = page.locator('#first-view');
  await expect(view).toBeVisible();
  await expect(view.locator('li[aria-label^="pod "]')).toHaveCount(3);
  await expect(view.locator('input[aria-label="maxSurge"]')).toHaveValue('25%');
  await expect(page.getByRole('status', { name: 'Loading Rollout Lab' })).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'first-view.png') });
  release();
  await expect(page.getByRole('listitem', { name: /^pod / })).toHaveCount(3);
  await expect(view).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout Lab' })).toHaveCount(1);
});

for (const [what, url, locale] of [['a link', './#s1.x', 'en-US'], ['an embed', './?embed', 'en-US'], ['a Chinese browser', './', 'zh-CN']]) {
  test(`${what} does not see the prerendered first view, which is the default's`, async ({ browser }) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await openHeld(page, url);
    await expect(page.getByRole('status', { name: 'Loading Rollout Lab' })).toBeVisible();
    await expect(page.locator('#first-view')).toBeHidden();
    await context.close();
  });
}
