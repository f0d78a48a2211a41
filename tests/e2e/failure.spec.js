// The failure lab in the page: a readiness probe that never passes stalls the rollout at its budgets until
// the progress deadline; the page says which limit holds it and what the deadline means.
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('a readiness probe that never passes: Running (not ready), held by the floor, then past the deadline', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Readiness probe that never passes, then undo' });
  await expect(page.getByRole('region', { name: 'What to watch for' })).toContainText('readiness probe never passes (Running, 0/1)');
  const status = page.getByRole('status', { name: 'Rollout status' });
  for (let i = 0; i < 20 && !(await status.getByText('ProgressDeadlineExceeded').count()); i++) await app.button('Step').click();
  await expect(status).toContainText('ProgressDeadlineExceeded');
  await expect(app.pods('Running \\(not ready\\)')).toHaveCount(1);
  await expect(app.pods('Available')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Budget' }).getByRole('listitem').filter({ hasText: "can't remove: would go below 3 available" })).toHaveCount(1);
  await app.run('get pods');
  await expect(app.console).toContainText('0/1     Running');
  // The script's undo brings the old revision back.
  await app.stepUntilIdle();
  await expect(status).toContainText('Complete');
  await expect(app.pods('Available')).toHaveCount(3);
  expect(app.errors).toEqual([]);
});

test('New image never becomes ready: the new pods run unready and the rollout holds', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByRole('checkbox', { name: 'New image never becomes ready' }).check();
  await app.setImage('test_web:v2');
  // The first decision scales the new ReplicaSet to 1; no other decision comes, so the next Step runs
  // to the rollout's outcome: the progress deadline.
  await app.button('Step').click();
  await expect(page.getByRole('status', { name: 'Rollout status' })).toContainText('Progressing');
  await app.button('Step').click();
  await expect(page.getByRole('status', { name: 'Rollout status' })).toContainText('ProgressDeadlineExceeded');
  await expect(app.pods('Running \\(not ready\\)')).toHaveCount(1);
  await expect(app.pods('Available')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Budget' })).toContainText("can't remove: would go below 3 available");
  expect(app.errors).toEqual([]);
});

test('a crashing app that minReadySeconds catches: restarts and CrashLoopBackOff on the stage, the old pods stay', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'A crashing app that minReadySeconds catches' });
  await expect(page.getByRole('region', { name: 'What to watch for' })).toContainText('crashes 5 s after each start');
  const status = page.getByRole('status', { name: 'Rollout status' });
  // The script runs: the new pod exits at 6 s (Error), is restarted at once, exits again and backs off.
  const fine = page.getByRole('checkbox', { name: 'Fine steps' });
  await fine.check();
  for (let i = 0; i < 30 && !(await app.pods('Error, 1 restart').count()); i++) await app.button('Step').click();
  // Why this step gives the crash's numbers: how long it ran, the back-off, and minReadySeconds.
  const why = page.getByRole('region', { name: 'Why this step' });
  await expect(why).toContainText('exited with code 1 after running 5 s');
  await expect(why).toContainText('restarted once, so the kubelet waits 10 s (CrashLoopBackOff)');
  await expect(why).toContainText('less than minReadySeconds (10 s)');
  for (let i = 0; i < 30 && !(await app.pods('CrashLoopBackOff, 1 restart').count()); i++) await app.button('Step').click();
  await expect(app.pods('CrashLoopBackOff, 1 restart')).toHaveCount(1);
  await expect(app.pods('Available')).toHaveCount(3);
  await app.run('get pods');
  await expect(app.console).toContainText(/0\/1 +CrashLoopBackOff +1 \(\d+s ago\)/);
  // On to the deadline: the back-off has grown past the 60 s deadline between two Ready moments.
  await fine.uncheck();
  for (let i = 0; i < 20 && !(await status.getByText('ProgressDeadlineExceeded').count()); i++) await app.button('Step').click();
  await expect(status).toContainText('ProgressDeadlineExceeded');
  await expect(app.pods('CrashLoopBackOff, 4 restarts')).toHaveCount(1);
  await expect(app.pods('Available')).toHaveCount(3);
  await app.stepUntilIdle();
  await expect(status).toContainText('Complete');
  expect(app.errors).toEqual([]);
});

test('New image crashes 5 s after it starts: the pods crash-loop and links keep the setting', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByRole('checkbox', { name: 'New image crashes 5 s after it starts' }).check();
  await app.setImage('test_web:v2');
  await page.getByRole('checkbox', { name: 'Fine steps' }).check();
  for (let i = 0; i < 40 && !(await app.pods('Error').count()); i++) await app.button('Step').click();
  await expect(app.pods('Error')).not.toHaveCount(0);
  // A link opens on the same pods, restart counts and all.
  await app.button('Step').click();
  const pods = () => page.getByRole('listitem', { name: /^pod / }).evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
  const before = await pods();
  expect(before.some((name) => name.endsWith(', 1 restart'))).toBe(true);
  await app.button('Copy link').click();
  const link = await app.textbox('Share link').inputValue();
  const other = new App(await page.context().newPage());
  await other.page.goto(link);
  await expect.poll(() => other.page.getByRole('listitem', { name: /^pod / }).evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')))).toEqual(before);
  expect(app.errors).toEqual([]);
});

test('a full node: the surge pod waits Pending, the nodes panel says why, maxUnavailable makes room', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'A full node: the surge pod waits, then maxUnavailable makes room' });
  await expect(page.getByRole('region', { name: 'What to watch for' })).toContainText('only 100m is left, so it stays Pending');
  const nodes = page.getByRole('region', { name: 'Nodes' });
  await expect(nodes).toContainText('node-1: 900m of 1 CPU · 0Mi of 4Gi memory · 3 of 110 pods requested');
  const fine = page.getByRole('checkbox', { name: 'Fine steps' });
  await fine.check();
  for (let i = 0; i < 20 && !(await app.pods('Pending').count()); i++) await app.button('Step').click();
  await expect(app.pods('Pending')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Why this step' })).toContainText('0/1 nodes are available: 1 Insufficient cpu.');
  await expect(page.getByRole('region', { name: 'Why this step' })).toContainText('it requests 300m of CPU and the most any node has left is 100m');
  await expect(nodes).toContainText('1 pod waits for a node with room (Pending).');
  await fine.uncheck();
  const status = page.getByRole('status', { name: 'Rollout status' });
  for (let i = 0; i < 20 && !(await status.getByText('ProgressDeadlineExceeded').count()); i++) await app.button('Step').click();
  await expect(status).toContainText('ProgressDeadlineExceeded');
  await expect(app.pods('Pending')).toHaveCount(1);
  await app.run('get pods -o wide');
  await expect(app.console).toContainText(/0\/1 +Pending +0 +\d+s +<none> +<none>/);
  await app.stepUntilIdle();
  await expect(status).toContainText('Complete');
  await expect(app.pods('Pending')).toHaveCount(0);
  await expect(app.pods('Available')).toHaveCount(3);
  await expect(nodes).toContainText('node-1: 900m of 1 CPU');
  expect(app.errors).toEqual([]);
});

test('a quota without room: the surge pod is refused, ReplicaFailure shows, maxUnavailable lets the rollout through', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'A quota without room for the surge pod' });
  await expect(page.getByRole('region', { name: 'What to watch for' })).toContainText('refuses the surge pod (FailedCreate: exceeded quota)');
  const status = page.getByRole('status', { name: 'Rollout status' });
  for (let i = 0; i < 20 && !(await status.getByText('ProgressDeadlineExceeded').count()); i++) await app.button('Step').click();
  await expect(status).toContainText('ProgressDeadlineExceeded');
  // The cause, which rollout status does not print: the Deployment's ReplicaFailure condition.
  await expect(status).toContainText(/ReplicaFailure FailedCreate: pods "test-deployment-\w+-\w+" is forbidden: exceeded quota: quota, requested: pods=1, used: pods=3, limited: pods=3/);
  await expect(app.pods('Available')).toHaveCount(3);
  await expect(page.getByText('ResourceQuota quota: pods 3/3')).toBeVisible();
  await app.run('get quota');
  await expect(app.console).toContainText(/quota +pods: 3\/3/);
  // Every object's events show why: the ReplicaSet's FailedCreate, refused by the quota.
  await app.tab('Events');
  await page.getByRole('checkbox', { name: "Every object's events (kubectl get events)" }).check();
  await expect(app.events).toContainText('exceeded quota: quota, requested: pods=1, used: pods=3, limited: pods=3');
  await expect(app.events.getByRole('row').filter({ hasText: 'FailedCreate' }).first()).toContainText(/replicaset\/test-deployment-\w+/);
  await app.tab('Console');
  await app.run('describe deployment test-deployment');
  await expect(app.console).toContainText(/ReplicaFailure +True +FailedCreate/);
  await app.stepUntilIdle();
  await expect(status).toContainText('Complete');
  await expect(app.pods('Available')).toHaveCount(3);
  expect(app.errors).toEqual([]);
});
