// Export the run: each button downloads a file made from the session.
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('the scenario, events, chart and shell script of a rollout download as files', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.rollOut('test_web:v2');

  const scenario = await app.download('Export scenario');
  expect(scenario.name).toBe('test-deployment-scenario.json');
  const parsed = JSON.parse(scenario.text);
  expect(parsed.steps[0]).toEqual({ kubectl: 'set image deployment/test-deployment web=test_web:v2' });
  expect(parsed.steps.at(-1)).toHaveProperty('advance');
  expect(parsed.deployment.metadata.name).toBe('test-deployment');

  const events = await app.download('Export events');
  expect(events.name).toBe('test-deployment-events.txt');
  const lines = events.text.trim().split('\n');
  expect(lines[0]).toMatch(/^TIME\(s\)\s+TYPE\s+REASON/);
  expect(lines.filter((l) => l.includes('ScalingReplicaSet'))).toHaveLength(6);

  const chart = await app.download('Export chart');
  expect(chart.name).toBe('test-deployment-chart.svg');
  expect(chart.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(chart.text.match(/<polyline/g)).toHaveLength(3);

  const script = await app.download('Export shell script');
  expect(script.name).toBe('test-deployment-lesson.sh');
  expect(script.text).toContain("kubectl apply -f - <<'MANIFEST'");
  expect(script.text).toContain('\nkubectl set image deployment/test-deployment web=test_web:v2\n');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('a session the scenario format cannot express says why instead of downloading', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.rollOut('test_web:v2');
  await page.getByRole('spinbutton', { name: 'Pod start seconds' }).fill('9');
  await page.getByRole('spinbutton', { name: 'Pod start seconds' }).press('Enter');
  let downloaded = false;
  page.on('download', () => { downloaded = true; });
  await app.button('Export scenario').click();
  await expect(page.getByRole('alert')).toContainText('Could not export: The pod start time changed at ');
  expect(downloaded).toBe(false);
});
