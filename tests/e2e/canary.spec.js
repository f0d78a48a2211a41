// The canary scenario: maxSurge 1, maxUnavailable 0, pause after the first new pod.
const path = require('path');
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('canary by pause: one new pod next to the three old ones, rollout paused', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Canary: pause after the first new pod' });
  await expect(app.textbox('maxSurge')).toHaveValue('1');
  await expect(app.textbox('maxUnavailable')).toHaveValue('0');
  await app.stepUntilIdle();
  await expect(app.lanes()).toHaveCount(2);
  await expect(app.pods('Available')).toHaveCount(4);
  await expect(app.console).toContainText('deployment.apps/test-deployment paused');
  await expect(app.console).toContainText('1 out of 3 new replicas have been updated');
  // Paused, held at 4 pods: the cap is reached and the floor allows no old pod to go.
  await expect(page.getByRole('status', { name: 'Rollout status' })).toContainText('Paused');
  await expect(page.getByRole('img', { name: 'at most 4 pods (replicas 3 + maxSurge 1)' })).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'canary.png'), fullPage: true });
  // Resume finishes the rollout.
  await app.button('Resume rollout').click();
  await app.stepUntilIdle();
  // The newest lane is on top: all three replicas run the new image now.
  await expect(app.lanes().first().getByRole('listitem')).toHaveCount(3);
  await expect(app.pods('Available')).toHaveCount(3);
  expect(app.errors).toEqual([]);
});

test("the script's advance 0 says no time passes, not that time passed until now", async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Canary: pause after the first new pod' });
  await page.getByRole('checkbox', { name: 'Fine steps' }).check();
  const why = page.getByRole('region', { name: 'Why this step' });
  // set image, then the controllers at t = 0, then the script's advance 0 ends.
  for (let i = 0; i < 12 && !(await why.getByText(/^No time passes/).count()); i++) await app.button('Step').click();
  await expect(why).toContainText('No time passes (the script advances 0 s): at t = 0.0 s nothing is left for the controllers to do.');
  await expect(why).not.toContainText('Time passed until t = 0.0 s');
  expect(app.errors).toEqual([]);
});
