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
