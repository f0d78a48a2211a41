// kubectl delete in the console: a deleted pod is replaced by its ReplicaSet (the classic demonstration);
// deleting the Deployment leaves an empty stage and a working page.
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('a deleted pod turns Terminating and its ReplicaSet starts a new one', async ({ page }) => {
  const app = new App(page);
  await app.open();
  const label = await app.pods('Available').first().getAttribute('aria-label');
  const name = label.split(' ')[1];
  await app.run(`delete pod ${name}`);
  await expect(app.console).toContainText(`pod "${name}" deleted from default namespace`);
  await expect(page.getByRole('listitem', { name: `pod ${name} Terminating` })).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Fine steps' }).check();
  await app.button('Step').click();
  await expect(app.pods('ContainerCreating')).toHaveCount(1);
  await app.stepUntilIdle();
  await expect(app.pods('Available')).toHaveCount(3);
  await expect(page.getByRole('listitem', { name: new RegExp(`^pod ${name} `) })).toHaveCount(0);
  // A dry run changes nothing.
  const other = (await app.pods('Available').first().getAttribute('aria-label')).split(' ')[1];
  await app.run(`delete pod ${other} --dry-run=client`);
  await expect(app.console).toContainText(`pod "${other}" deleted from default namespace (dry run)`);
  await expect(app.pods('Available')).toHaveCount(3);
  expect(app.errors).toEqual([]);
});

test('deleting the Deployment empties the stage and the page keeps working', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.run('delete deployment test-deployment');
  await expect(app.console).toContainText('deployment.apps "test-deployment" deleted from default namespace');
  await app.stepUntilIdle();
  await expect(page.getByRole('listitem', { name: /^pod / })).toHaveCount(0);
  await app.run('get deployments');
  await expect(app.console).toContainText('No resources found in default namespace.');
  await app.button('Reset').click();
  await expect(app.pods('Available')).toHaveCount(3);
  expect(app.errors).toEqual([]);
});
