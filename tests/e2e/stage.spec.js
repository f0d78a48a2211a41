// The stage: lanes, budgets and the transport on screen together at the common screen sizes; the
// budgets drawn as slots with their numbers as names; the limit that holds a stuck rollout; the text
// views in tabs beside the stage.
const path = require('path');
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

/** Whether an element lies wholly inside the viewport (nothing to scroll to see it) and nothing covers it
 * (the transport bar sticks over the page: what it hides does not count as seen). */
async function inView(page, locator) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  const inside = box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;
  return inside && locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    // Inside the rounded corners.
    const inset = Math.min(12, r.width / 3, r.height / 3);
    const corners = [[r.left + inset, r.top + inset], [r.right - inset, r.top + inset], [r.left + inset, r.bottom - inset], [r.right - inset, r.bottom - inset]];
    return corners.every(([x, y]) => { const hit = document.elementFromPoint(x, y); return hit !== null && (el === hit || el.contains(hit)); });
  });
}

for (const [width, height] of [[1280, 800], [1366, 768], [1920, 1080], [390, 844]]) {
  test(`at ${width}x${height} the lanes, budgets and transport are in view mid-rollout`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const app = new App(page);
    await app.open();
    await app.run('set image deployment/test-deployment web=test_web:v2');
    for (let i = 0; i < 3; i++) await app.button('Step').click();
    await expect(app.lanes()).toHaveCount(2);
    // On a phone the console is a sheet over the stage: once it is closed, the stage is all in view.
    if (width < 720) {
      await page.keyboard.press('Escape');
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    const targets = [
      ...(await app.lanes().all()),
      page.getByRole('img', { name: 'at most 4 pods (replicas 3 + maxSurge 1)' }),
      page.getByRole('img', { name: 'at least 3 available (replicas 3 − maxUnavailable 0)' }),
      app.button('Step back'),
      app.button('Play'),
      app.button('Step'),
      page.getByRole('slider', { name: 'Timeline' }),
      page.getByRole('timer', { name: 'Simulated time' }),
    ];
    for (const target of targets) expect(await inView(page, target), String(target)).toBe(true);
    // Pressing Play does not move the stage out of view.
    await app.button('Play').click();
    expect(await inView(page, app.lanes().first())).toBe(true);
    expect(await inView(page, app.button('Pause'))).toBe(true);
    await page.screenshot({ path: path.join(__dirname, 'test-results', `stage-${width}x${height}.png`) });
    expect(app.errors).toEqual([]);
  });
}

test('budgets carry their numbers, and a stuck rollout says which limit holds it', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.run(`patch deployment/test-deployment -p '{"spec":{"replicas":10,"strategy":{"rollingUpdate":{"maxSurge":"30%","maxUnavailable":"20%"}}}}'`);
  await expect(page.getByRole('img', { name: 'at most 13 pods (replicas 10 + maxSurge 3)', exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'at least 8 available (replicas 10 − maxUnavailable 2)', exact: true })).toBeVisible();
  const budget = page.getByRole('region', { name: 'Budget' });
  await app.stepUntilIdle();
  await expect(budget.getByRole('listitem')).toHaveCount(0);

  // A new image that cannot be pulled: 5 new pods that never become available next to 8 old ones.
  await page.getByRole('checkbox', { name: 'New image fails to pull' }).check();
  await app.setImage('test_web:v2');
  const floor = budget.getByRole('listitem').filter({ hasText: "can't remove: would go below 8 available" });
  const cap = budget.getByRole('listitem').filter({ hasText: "can't add: surge cap reached" });
  for (let i = 0; i < 40 && !(await floor.count() && await cap.count()); i++) await app.button('Step').click();
  await expect(floor).toHaveCount(1);
  await expect(cap).toHaveCount(1);
  // The new ReplicaSet asks for 5 pods; its sync creates the ones it lacks.
  const newPods = page.getByRole('group', { name: /\(revision 2, test_web:v2\)$/ }).getByRole('listitem');
  for (let i = 0; i < 5 && (await newPods.count()) < 5; i++) await app.button('Step').click();
  await expect(newPods).toHaveCount(5);
  await expect(floor).toHaveCount(1);
  await expect(cap).toHaveCount(1);
  await expect(page.getByRole('group', { name: /\(revision 1, test_web:v1\)$/ }).getByRole('listitem', { name: /Available$/ })).toHaveCount(8);
  expect(app.errors).toEqual([]);
});

test('console, events, ReplicaSets, history and YAML are tabs beside the stage', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await expect(page.getByRole('tab', { name: 'Console' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.kubectl).toBeVisible();
  await app.tab('ReplicaSets');
  await expect(page.getByRole('tab', { name: 'ReplicaSets' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.replicaSets.getByRole('row')).toHaveCount(2);
  await expect(app.kubectl).toBeHidden();
  await app.tab('YAML');
  const yaml = page.getByRole('tabpanel', { name: 'YAML' });
  await expect(yaml).toContainText('kind: Deployment');
  await expect(yaml).toContainText('image: test_web:v1');
  // The YAML follows the cluster.
  await app.run('set image deployment/test-deployment web=test_web:v2');
  await app.tab('YAML');
  await expect(yaml).toContainText('image: test_web:v2');
  await expect(yaml).toContainText('deployment.kubernetes.io/revision: "1"');
  expect(app.errors).toEqual([]);
});

test('each scenario opens with a goal card, in English and Chinese', async ({ page }) => {
  const app = new App(page);
  await app.open();
  const goal = page.getByRole('region', { name: 'What to watch for' });
  await expect(goal).toContainText('Rolling update (the seed note)');
  await expect(goal).toContainText('never more than 4 pods, never fewer than 3 available');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Canary: pause after the first new pod' });
  await expect(goal).toContainText('the status reads Paused until you resume');
  await app.stepUntilIdle();
  await expect(page.getByRole('status', { name: 'Rollout status' })).toContainText('Paused');
  await app.button('Got it').click();
  await expect(goal).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Recreate: all old pods go first' });
  await expect(goal).toContainText('Recreate removes every old pod');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('region', { name: '看点' })).toContainText('重建会在启动任何新 Pod 之前删除所有旧 Pod');
  expect(app.errors).toEqual([]);
});

test('on a phone the controls and the text tabs open as sheets over the stage', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new App(page);
  await app.open();
  await expect(page.getByRole('spinbutton', { name: 'Replicas' })).toBeHidden();
  await expect(app.kubectl).toBeHidden();
  await app.button('Controls').click();
  await expect(app.button('Controls')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('spinbutton', { name: 'Replicas' })).toBeVisible();
  await app.button('Close').click();
  await expect(page.getByRole('spinbutton', { name: 'Replicas' })).toBeHidden();
  await app.button('Details').click();
  await expect(app.kubectl).toBeVisible();
  await app.kubectl.fill('set image deployment/test-deployment web=test_web:v2');
  await app.kubectl.press('Enter');
  // The transport stays usable over an open sheet.
  await app.button('Step').click();
  await expect(app.console).toContainText('deployment.apps/test-deployment image updated');
  await page.screenshot({ path: path.join(__dirname, 'test-results', 'phone-sheet.png') });
  await page.keyboard.press('Escape');
  await expect(app.kubectl).toBeHidden();
  await expect(app.lanes()).toHaveCount(2);
  expect(app.errors).toEqual([]);
});
