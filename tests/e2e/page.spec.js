// The placeholder page loads, renders, and its Step button updates the status line.
const path = require('path');
const { test, expect } = require('@playwright/test');

test('page renders and Step updates the status', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });

  await page.goto('./');
  await expect(page).toHaveTitle('Rollout Lab');
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout Lab' })).toBeVisible();

  const status = page.getByRole('status');
  await expect(status).toHaveText('0 steps');
  const step = page.getByRole('button', { name: 'Step' });
  await step.click();
  await expect(status).toHaveText('1 step');
  await step.click();
  await step.click();
  await expect(status).toHaveText('3 steps');

  await page.screenshot({ path: path.join(__dirname, 'test-results', 'home.png'), fullPage: true });
  expect(errors).toEqual([]); // catches wasm instantiation errors and panics
});
