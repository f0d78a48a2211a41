// Step means the next decision: the seed rollout is six presses, one ScalingReplicaSet event each, then
// its outcome; Step back mirrors it; the Story lists each decision with its time, the current one marked;
// Fine steps (the box, or Shift with the arrows) keep the old unit: one controller action or pod change.
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('Step goes decision by decision, and the Story tells them', async ({ page }) => {
  const app = new App(page);
  await app.open();
  const story = page.getByRole('log', { name: 'Story' });
  const entries = story.getByRole('listitem');
  const why = page.getByRole('region', { name: 'Why this step' });
  await app.run('set image deployment/test-deployment web=test_web:v2');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('set image deployment/test-deployment web=test_web:v2');

  const shapes = ['from 0 to 1', 'from 3 to 2', 'from 1 to 2', 'from 2 to 1', 'from 2 to 3', 'from 1 to 0'];
  for (const [i, shape] of shapes.entries()) {
    await app.button('Step').click();
    await expect(entries).toHaveCount(i + 2);
    const entry = entries.last();
    await expect(entry).toContainText(new RegExp(`^t = \\d+(\\.\\d)? s Scaled (up|down) replica set test-deployment-\\w+ ${shape}`));
    await expect(entry).toHaveAttribute('aria-current', 'step');
    // "Why this step" has the same decision, with its numbers.
    await expect(why).toContainText(shape);
  }
  await app.tab('Events');
  await expect(app.events.locator('tbody tr')).toHaveCount(6);
  // No scaling is left: the next Step runs until the outcome shows.
  await app.button('Step').click();
  await expect(entries.last()).toContainText('The rollout is complete');
  await expect(page.getByRole('status', { name: 'Rollout status' })).toContainText('Complete');
  await expect(entries).toHaveCount(8);
  await expect(story.locator('[aria-current="step"]')).toHaveCount(1);

  // Step back mirrors Step: one decision at a time.
  await app.button('Step back').click();
  await expect(entries).toHaveCount(7);
  await expect(entries.last()).toContainText('from 1 to 0');
  await expect(page.getByRole('status', { name: 'Rollout status' })).toContainText('Progressing');
  await page.keyboard.press('ArrowLeft');
  await expect(entries).toHaveCount(6);
  await expect(entries.last()).toContainText('from 2 to 3');
  await page.keyboard.press('ArrowRight');
  await expect(entries).toHaveCount(7);
  await expect(entries.last()).toContainText('from 1 to 0');
  expect(app.errors).toEqual([]);
});

test('fine steps move one controller action or pod change at a time', async ({ page }) => {
  const app = new App(page);
  await app.open();
  const entries = page.getByRole('log', { name: 'Story' }).getByRole('listitem');
  const why = page.getByRole('region', { name: 'Why this step' });
  await app.run('set image deployment/test-deployment web=test_web:v2');
  await page.getByRole('checkbox', { name: 'Fine steps' }).check();
  await app.button('Step').click();
  await expect(why).toContainText('from 0 to 1');
  await expect(entries).toHaveCount(2);
  // The ReplicaSet controller creating the pod is a fine step, not a decision.
  await app.button('Step').click();
  await expect(why).toContainText('The ReplicaSet controller synced');
  await expect(entries).toHaveCount(2);
  await expect(page.getByRole('listitem', { name: /^pod .* ContainerCreating$/ })).toHaveCount(1);
  // Shift with an arrow is a fine step whatever the box says.
  await page.getByRole('checkbox', { name: 'Fine steps' }).uncheck();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(why).toContainText('from 0 to 1');
  await expect(page.getByRole('listitem', { name: /^pod .* ContainerCreating$/ })).toHaveCount(0);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('listitem', { name: /^pod .* ContainerCreating$/ })).toHaveCount(1);
  // Without Shift the arrow goes on to the next decision.
  await page.keyboard.press('ArrowRight');
  await expect(entries).toHaveCount(3);
  await expect(entries.last()).toContainText('from 3 to 2');
  expect(app.errors).toEqual([]);
});
