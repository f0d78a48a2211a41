// maxSurge and maxUnavailable say what they resolve to as they are typed, and a value the API server would
// refuse gets its message beside the field, before anything is sent.
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('maxSurge and maxUnavailable show what they resolve to as you type', async ({ page }) => {
  const app = new App(page);
  await app.open();
  const surge = app.textbox('maxSurge');
  const unavailable = app.textbox('maxUnavailable');
  await expect(surge).toHaveAccessibleDescription('25% of 3 = 0.75, rounded up to 1');
  await expect(unavailable).toHaveAccessibleDescription('25% of 3 = 0.75, rounded down to 0');
  await surge.fill('50%');
  await expect(surge).toHaveAccessibleDescription('50% of 3 = 1.5, rounded up to 2');
  await expect(app.console).not.toContainText('patch');
  await surge.fill('0');
  await surge.press('Enter');
  await expect(app.console).toContainText('deployment.apps/test-deployment patched');
  await expect(surge).toHaveAccessibleDescription('0, as given');
  // maxUnavailable 0 as well: the API server's message and why, before anything is sent, beside the
  // field: nothing under it moves.
  const below = page.getByRole('spinbutton', { name: 'minReadySeconds' });
  const before = await below.boundingBox();
  await unavailable.fill('0');
  await expect(unavailable).toHaveAccessibleDescription(
    /spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0/,
  );
  await expect(unavailable).toHaveAccessibleDescription(/could neither add a new pod nor remove an old one/);
  expect(await below.boundingBox()).toEqual(before);
  await page.screenshot({ path: require('path').join(__dirname, 'test-results', 'zero-zero.png') });
  await expect(app.console).not.toContainText('maxUnavailable');
  // Recreate has no rolling budgets: both fields are disabled, and RollingUpdate brings them back.
  await unavailable.fill('25%');
  await unavailable.press('Enter');
  const strategy = page.getByRole('combobox', { name: 'Strategy' });
  await strategy.selectOption('Recreate');
  await expect(app.console).toContainText('"type":"Recreate"');
  await expect(surge).toBeDisabled();
  await expect(unavailable).toBeDisabled();
  await strategy.selectOption('RollingUpdate');
  await expect(surge).toBeEnabled();
  // The seconds fields are patched into the spec under their own names, as numbers.
  const minReady = page.getByRole('spinbutton', { name: 'minReadySeconds' });
  await minReady.fill('5');
  await minReady.press('Enter');
  await expect(app.console).toContainText(`$ kubectl patch deployment/test-deployment -p '{"spec":{"minReadySeconds":5}}'`);
  await expect(minReady).toHaveValue('5');
  expect(app.errors).toEqual([]);
});
