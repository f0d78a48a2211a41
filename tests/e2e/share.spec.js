// Share by link: Copy link puts the session in the fragment; opening the
// link restores the same pods, console and view. A damaged link says so
// and opens the default scenario.
const path = require('path');
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

async function podNames(page) {
  return page.getByRole('listitem', { name: /^pod / }).evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
}

test('a copied link reopens the same moment of a rollout', async ({ page, context }) => {
  const app = new App(page);
  await app.open();
  await app.setImage('test_web:v2');
  for (let i = 0; i < 5; i++) await app.button('Step').click();
  const consoleText = await app.console.textContent();
  await app.button('Presenter mode').click();
  await app.button('Copy link').click();
  const link = await app.textbox('Share link').inputValue();
  expect(link).toMatch(/#s1\.[A-Za-z0-9_-]+$/);
  expect(page.url()).toBe(link);
  expect(link.split('#')[1].length).toBeLessThan(600);
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'share-copied.png') });
  const pods = await podNames(page);
  expect(pods.length).toBeGreaterThan(3);

  const other = await context.newPage();
  const opened = new App(other);
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: 'Rollout Lab' })).toBeVisible();
  await expect.poll(() => podNames(other)).toEqual(pods);
  await expect(opened.button('Presenter mode')).toHaveAttribute('aria-pressed', 'true');
  // Presenter mode hides the console; out of it, the console is the original's.
  await other.keyboard.press('Escape');
  expect(await opened.console.textContent()).toBe(consoleText);
  await expect(other.getByRole('alert')).toHaveCount(0);
  // The opened session goes on exactly like the original.
  await opened.stepUntilIdle();
  await page.bringToFront(); // background tabs get no animation frames, which clicks wait for
  await page.keyboard.press('Escape'); // out of presenter mode: the tabs show
  await app.stepUntilIdle();
  expect(await podNames(other)).toEqual(await podNames(page));
  expect(await opened.scalingEvents()).toEqual(await app.scalingEvents());
  expect(app.errors).toEqual([]);
  expect(opened.errors).toEqual([]);
});

test('a damaged link says so and opens the default scenario', async ({ page }) => {
  const app = new App(page);
  await page.goto('./#s1.eJzLSM3JyVcozy_KSQEAGgQEXQ');
  await expect(page.getByRole('alert')).toContainText('Could not open the shared link');
  await expect(app.pods('Available')).toHaveCount(3);
  await page.goto('./#hello');
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('not a Rollout Lab link');
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'share-damaged.png') });
  await app.setImage('test_web:v2');
  await expect(app.console).toContainText('deployment.apps/test-deployment image updated');
  expect(app.errors).toEqual([]);
});

test('a link taken at a scrubbed moment reopens at that moment', async ({ page, context }) => {
  const app = new App(page);
  await app.open();
  await app.rollOut('test_web:v2');
  await page.getByRole('slider', { name: 'Timeline' }).fill('2900');
  const clock = page.getByRole('timer', { name: 'Simulated time' });
  await expect(clock).toHaveText('t = 2.9 s');
  const pods = await podNames(page);
  await app.button('Copy link').click();
  const link = await app.textbox('Share link').inputValue();
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('timer', { name: 'Simulated time' })).toHaveText('t = 2.9 s');
  await expect.poll(() => podNames(other)).toEqual(pods);
});

test('Copy link while playing does not stop Play', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.setImage('test_web:v2');
  await app.button('Play').click();
  await app.button('Copy link').click();
  await expect(app.textbox('Share link')).toHaveValue(/#s1\./);
  await expect(app.button('Pause')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('rollout-lab/session'))).toBe(new URL(page.url()).hash.slice(1));
});
