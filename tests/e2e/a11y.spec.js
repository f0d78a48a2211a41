// axe-core finds no WCAG 2.1 A/AA violation at rest, mid-rollout, in presenter mode, in the embed and on
// a phone; new animations respect prefers-reduced-motion.
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;
const { App } = require('./app');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function midRollout(app) {
  await app.run('set image deployment/test-deployment web=test_web:v2');
  await app.button('Step').click();
  await app.button('Step').click();
  await expect(app.lanes()).toHaveCount(2);
}

for (const scheme of ['light', 'dark']) {
  test(`no axe violations at rest, mid-rollout and in presenter mode (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new App(page);
    await app.open();
    expect(await violations(page)).toEqual([]);
    await midRollout(app);
    expect(await violations(page)).toEqual([]);
    for (const tab of ['Events', 'ReplicaSets', 'History', 'YAML']) {
      await app.tab(tab);
      expect(await violations(page), tab).toEqual([]);
    }
    await app.button('View as table').click();
    expect(await violations(page)).toEqual([]);
    await app.button('Presenter mode').click();
    expect(await violations(page)).toEqual([]);
  });
}

test('no axe violations in the embed and on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 450 });
  await page.goto('./?embed&console&scenario=canary');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Rollout status' })).toContainText('Paused');
  expect(await violations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new App(page);
  await app.open();
  await midRollout(app);
  expect(await violations(page)).toEqual([]);
});

for (const [motion, animates] of [['no-preference', true], ['reduce', false]]) {
  test(`a new pod grows in ${animates ? 'with' : 'without'} animation when motion is ${motion}`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: motion });
    const app = new App(page);
    await app.open();
    await app.run('set image deployment/test-deployment web=test_web:v2');
    await page.getByRole('checkbox', { name: 'Fine steps' }).check();
    await app.button('Step').click(); // the Deployment controller scales the new ReplicaSet to 1
    await app.button('Step').click(); // the ReplicaSet controller creates its pod
    await expect(page.getByRole('listitem', { name: /^pod .* ContainerCreating$/ })).toHaveCount(1);
    const running = await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running' || a.playState === 'finished').length);
    expect(running > 0).toBe(animates);
  });
}

for (const scheme of ['light', 'dark']) {
  test(`no axe violations in the failure lab: crash loops, a pending pod, the nodes and quota lines, every object's events (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new App(page);
    await app.open();
    for (const label of ['A crashing app that minReadySeconds catches', 'A full node: the surge pod waits, then maxUnavailable makes room', 'A quota without room for the surge pod']) {
      await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label });
      for (let i = 0; i < 4; i++) await app.button('Step').click();
      await app.tab('Events');
      await page.getByRole('checkbox', { name: "Every object's events (kubectl get events)" }).check();
      expect(await violations(page), label).toEqual([]);
      await app.tab('Console');
    }
  });
}
