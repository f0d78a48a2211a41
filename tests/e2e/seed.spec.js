// The seed note's flow: set image, play to completion, six scaling events
// in order, rollout history, undo, step back.
const path = require('path');
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('first visit shows the seed Deployment rolled out', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('0');
  await expect(page.getByRole('spinbutton', { name: 'Replicas' })).toHaveValue('3');
  await expect(page.getByRole('combobox', { name: 'Strategy' })).toHaveValue('RollingUpdate');
  await expect(app.textbox('maxSurge')).toHaveValue('25%');
  await expect(app.textbox('maxUnavailable')).toHaveValue('25%');
  await expect(app.textbox('Image')).toHaveValue('test_web:v1');
  await expect(app.lanes()).toHaveCount(1);
  await expect(app.pods('Available')).toHaveCount(3);
  await expect(page.getByRole('img', { name: 'at most 4 pods (replicas 3 + maxSurge 1)' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'at least 3 available (replicas 3 − maxUnavailable 0)' })).toBeVisible();
  await expect(page.getByText('kubectl set image deployment/test-deployment web=test_web:v2, or type test_web:v2 in Image and press Set image.')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'seed-1280x800.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'seed-390x844.png'), fullPage: true });
  expect(app.errors).toEqual([]);
});

test('set image, play to completion, six scaling events, history, undo, step back', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.setImage('test_web:v2');
  await expect(app.console).toContainText('$ kubectl set image deployment/test-deployment web=test_web:v2');
  await expect(app.console).toContainText('deployment.apps/test-deployment image updated');

  await page.getByRole('slider', { name: 'Speed' }).fill('5');
  await app.button('Play').click();
  await expect(app.button('Pause')).toBeVisible();
  await expect.poll(async () => (await app.scalingEvents()).length, { timeout: 15_000 }).toBe(6);
  const shapes = (await app.scalingEvents()).map((m) => m.replace(/replica set \S+/, 'replica set RS'));
  expect(shapes).toEqual([
    'Scaled up replica set RS from 0 to 1',
    'Scaled down replica set RS from 3 to 2',
    'Scaled up replica set RS from 1 to 2',
    'Scaled down replica set RS from 2 to 1',
    'Scaled up replica set RS from 2 to 3',
    'Scaled down replica set RS from 1 to 0',
  ]);
  await expect(app.button('Play')).toBeVisible({ timeout: 10_000 });
  await expect(app.pods('Available')).toHaveCount(3);
  await app.tab('History');
  await expect(app.history.locator('tbody tr')).toHaveCount(2);
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'seed-rolled-out.png'), fullPage: true });

  // Step back undoes exactly one change; Step redoes it.
  await app.tab('Events');
  const before = await app.events.textContent();
  await app.button('Step back').click();
  await app.button('Step').click();
  expect(await app.events.textContent()).toBe(before);

  await app.button('Undo').click();
  await app.tab('Console');
  await expect(app.console).toContainText('deployment.apps/test-deployment rolled back');
  await app.stepUntilIdle();
  await app.tab('History');
  const revisions = await app.history.locator('tbody tr td:first-child').allTextContents();
  expect(revisions).toEqual(['2', '3']);
  expect(app.errors).toEqual([]);
});

test('a command after a Step lands between two syncs: no pod moves until the next Step', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.setImage('test_web:v2');
  // The Deployment controller scales the new ReplicaSet up; its own sync, which creates the pod, is next.
  await app.button('Step').click();
  const why = page.getByRole('region', { name: 'Why this step' });
  await expect(why).toContainText('from 0 to 1');
  const pods = () => page.getByRole('listitem', { name: /^pod / }).evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
  const before = await pods();
  await app.button('Undo').click();
  await app.tab('Console');
  await expect(app.console).toContainText('deployment.apps/test-deployment rolled back');
  expect(await pods()).toEqual(before);
  await app.button('Step').click();
  await expect.poll(pods).not.toEqual(before);
  await app.stepUntilIdle();
  await expect(app.pods('Available')).toHaveCount(3);
  expect(app.errors).toEqual([]);
});

test('the console runs the seed commands and answers the typo as kubectl does', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.run('kubectl rollout resume deploy deployment/test-deployment');
  await expect(app.console).toContainText('there is no need to specify a resource type as a separate argument');
  // Typed with the `kubectl` the prompt already shows, the line is echoed with it once.
  await expect(app.console).toContainText('$ kubectl rollout resume deploy deployment/test-deployment');
  await expect(app.console).not.toContainText('kubectl kubectl');
  await expect(page.getByRole('region', { name: 'Why this step' })).toContainText('kubectl rollout resume deploy deployment/test-deployment failed and wrote nothing.');
  await expect(page.getByRole('alert')).toContainText('there is no need to specify a resource type');
  // The failure's banner goes once the user moves the session on.
  await app.button('Step').click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await app.run('rollout history deployment/test-deployment');
  await expect(app.console).toContainText('REVISION  CHANGE-CAUSE');
  // History: Up brings back the last command.
  await app.kubectl.press('ArrowUp');
  await expect(app.kubectl).toHaveValue('rollout history deployment/test-deployment');
  // Tab completes.
  await app.kubectl.fill('rollout st');
  await app.kubectl.press('Tab');
  await expect(app.kubectl).toHaveValue('rollout status ');
  expect(app.errors).toEqual([]);
});

test('a rollover typed while a rollout plays keeps the typed image, and the Image box follows the Deployment', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByRole('slider', { name: 'Speed' }).fill('6'); // the fastest
  await app.setImage('test_web:v2');
  await app.button('Play').click();
  await expect(app.lanes()).toHaveCount(2);
  // Typed mid-rollout: the session keeps changing while it plays, and the typed text stays.
  await app.tab('Events');
  const events = await app.events.getByRole('row').count();
  await app.textbox('Image').fill('test_web:v3');
  await expect.poll(() => app.events.getByRole('row').count()).toBeGreaterThan(events);
  await expect(app.textbox('Image')).toHaveValue('test_web:v3');
  await app.button('Set image').click();
  await app.tab('Console');
  await expect(app.console).toContainText('$ kubectl set image deployment/test-deployment web=test_web:v3');
  await expect(app.lanes()).toHaveCount(3);
  // A change from elsewhere (the console) shows in the box.
  await app.run('set image deployment/test-deployment web=test_web:v4');
  await expect(app.textbox('Image')).toHaveValue('test_web:v4');
  expect(app.errors).toEqual([]);
});
