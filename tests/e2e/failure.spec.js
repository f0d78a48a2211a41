// The failure lab in the page: a readiness probe that never passes stalls the rollout at its budgets until
// the progress deadline; the page says which limit holds it and what the deadline means.
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('a readiness probe that never passes: Running (not ready), held by the floor, then past the deadline', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Readiness probe that never passes, then undo' });
  await expect(page.getByRole('region', { name: 'What to watch for' })).toContainText('readiness probe never passes (Running, 0/1)');
  const status = page.getByRole('status', { name: 'Rollout status' });
  for (let i = 0; i < 20 && !(await status.getByText('ProgressDeadlineExceeded').count()); i++) await app.button('Step').click();
  await expect(status).toContainText('ProgressDeadlineExceeded');
  await expect(app.pods('Running \\(not ready\\)')).toHaveCount(1);
  await expect(app.pods('Available')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Budget' }).getByRole('listitem').filter({ hasText: "can't remove: would go below 3 available" })).toHaveCount(1);
  await app.run('get pods');
  await expect(app.console).toContainText('0/1     Running');
  // The script's undo brings the old revision back.
  await app.stepUntilIdle();
  await expect(status).toContainText('Complete');
  await expect(app.pods('Available')).toHaveCount(3);
  expect(app.errors).toEqual([]);
});

test('New image never becomes ready: the new pods run unready and the rollout holds', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByRole('checkbox', { name: 'New image never becomes ready' }).check();
  await app.textbox('Image').fill('test_web:v2');
  await app.button('Set image').click();
  // The first decision scales the new ReplicaSet to 1; no other decision comes, so the next Step runs
  // to the rollout's outcome: the progress deadline.
  await app.button('Step').click();
  await expect(page.getByRole('status', { name: 'Rollout status' })).toContainText('Progressing');
  await app.button('Step').click();
  await expect(page.getByRole('status', { name: 'Rollout status' })).toContainText('ProgressDeadlineExceeded');
  await expect(app.pods('Running \\(not ready\\)')).toHaveCount(1);
  await expect(app.pods('Available')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Budget' })).toContainText("can't remove: would go below 3 available");
  expect(app.errors).toEqual([]);
});
