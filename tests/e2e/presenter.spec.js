// Presenter mode is for a projector: the stage fills the screen, pods at least twice their size, the
// latest explanation as a large caption, the rest hidden; Escape leaves it.
const path = require('path');
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('presenter mode fills a 1920x1080 screen with the stage', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const app = new App(page);
  await app.open();
  await app.run('set image deployment/test-deployment web=test_web:v2');
  await app.button('Step').click();
  await app.button('Step').click();
  const pod = page.getByRole('listitem', { name: /^pod / }).first();
  const normal = await pod.boundingBox();
  const why = page.getByRole('region', { name: 'Why this step' });
  const normalFont = await why.locator('p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));

  await app.button('Presenter mode').click();
  await expect(app.button('Presenter mode')).toHaveAttribute('aria-pressed', 'true');
  const big = await page.getByRole('listitem', { name: /^pod / }).first().boundingBox();
  expect(big.width).toBeGreaterThanOrEqual(2 * normal.width - 1);
  expect(big.height).toBeGreaterThanOrEqual(2 * normal.height - 1);
  // The explanation is a caption: large type.
  const captionFont = await why.locator('p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(captionFont).toBeGreaterThanOrEqual(Math.max(24, 1.8 * normalFont));
  await expect(why).toContainText('from 3 to 2');
  // The stage fills the width; settings, tabs, story and chart are hidden.
  const lane = await app.lanes().first().boundingBox();
  expect(lane.width).toBeGreaterThan(0.85 * 1920);
  for (const hidden of [app.kubectl, page.getByRole('spinbutton', { name: 'Replicas' }), page.getByRole('log', { name: 'Story' }), page.getByRole('img', { name: 'Pods over time' })]) {
    await expect(hidden).toBeHidden();
  }
  await expect(app.button('Play')).toBeVisible();
  await expect(page.getByRole('img', { name: 'at most 4 pods (replicas 3 + maxSurge 1)' })).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'presenter-1920x1080.png') });
  // Escape leaves presenter mode.
  await page.keyboard.press('Escape');
  await expect(app.button('Presenter mode')).toHaveAttribute('aria-pressed', 'false');
  await expect(app.kubectl).toBeVisible();
  expect(app.errors).toEqual([]);
});
