// The Rollout status: Complete, Progressing with the time left before the progress deadline, Paused for
// the canary, and ProgressDeadlineExceeded with what it means and an Undo.
const path = require('path');
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('rollout status: complete, progressing towards its deadline, paused, exceeded with an undo', async ({ page }) => {
  const app = new App(page);
  await app.open();
  const status = page.getByRole('status', { name: 'Rollout status' });
  await expect(status).toContainText('Complete');
  await expect(status).toContainText('deployment "test-deployment" successfully rolled out');

  // progressDeadlineSeconds is editable: the field issues a kubectl patch.
  const deadline = page.getByRole('spinbutton', { name: 'progressDeadlineSeconds' });
  await expect(deadline).toHaveValue('600');
  await deadline.fill('90');
  await deadline.press('Enter');
  await expect(app.console).toContainText('patch deployment/test-deployment -p');
  await expect(deadline).toHaveValue('90');
  await app.setImage('test_web:v2');
  await app.button('Step').click();
  await expect(status).toContainText('Progressing');
  await expect(status).toContainText('progress deadline in 90s');
  await app.stepUntilIdle();
  await expect(status).toContainText('Complete');

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Canary: pause after the first new pod' });
  await app.stepUntilIdle();
  await expect(status).toContainText('Paused');
  // Stepping on a paused rollout says why nothing happens.
  await expect(page.getByRole('region', { name: 'Why this step' })).toContainText('The rollout is paused: it goes no further until kubectl rollout resume.');

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Stuck rollout: deadline exceeded, then undo' });
  for (let i = 0; i < 60 && !(await status.getByText('ProgressDeadlineExceeded').count()); i++) {
    await app.button('Step').click();
  }
  await expect(status).toContainText('ProgressDeadlineExceeded');
  await expect(status).toContainText('error: deployment "test-deployment" exceeded its progress deadline');
  await expect(status).toContainText('nothing rolls back by itself');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'status-exceeded.png'), fullPage: true });
  await status.getByRole('button', { name: 'Undo this rollout' }).click();
  await expect(app.console).toContainText('deployment.apps/test-deployment rolled back');
  await expect(status).toContainText('Progressing');
  expect(app.errors).toEqual([]);
});
