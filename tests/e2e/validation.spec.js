// An invalid maxSurge/maxUnavailable pair gets the API server's message and changes nothing.
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('maxSurge 0 and maxUnavailable 0 is refused with the API server message', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.textbox('maxSurge').fill('0');
  await app.textbox('maxSurge').press('Enter');
  await expect(app.console).toContainText('deployment.apps/test-deployment patched');
  await app.textbox('maxUnavailable').fill('0');
  await app.textbox('maxUnavailable').press('Enter');
  await expect(page.getByRole('alert')).toContainText(
    'The Deployment "test-deployment" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
  );
  // Nothing changed: the Deployment still says 25%.
  await expect(app.textbox('maxUnavailable')).toHaveValue('25%');
  expect(app.errors).toEqual([]);
});
