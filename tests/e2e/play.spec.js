// Play shows the cluster at the clock it shows: sampled frames of the seed rollout at 1x never show a pod
// Ready before it has started, and the lanes' counts agree with their pods in every frame.
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

/** One frame, read in one go: the simulated clock and, per lane, its text and its pods' names. */
function frame(page) {
  return page.evaluate(() => ({
    clock: document.querySelector('[role="timer"]').textContent,
    lanes: [...document.querySelectorAll('[role="group"]')]
      .filter((g) => g.querySelector('ul'))
      .map((g) => ({
        name: g.getAttribute('aria-label'),
        text: g.textContent,
        // The lanes' pods are list items (li), named "pod NAME STATE".
        pods: [...g.querySelectorAll('li')].map((li) => li.getAttribute('aria-label')),
      })),
  }));
}

test('during Play at 1x the pods, the counts and the clock agree in every sampled frame', async ({ page }) => {
  const app = new App(page);
  await app.open();
  const timer = page.getByRole('timer', { name: 'Simulated time' });
  await expect(timer).toHaveText(/^t = \d+\.\d s$/);
  const started = parseFloat((await timer.textContent()).slice(4));
  await app.setImage('test_web:v2');
  await expect(page.getByRole('slider', { name: 'Speed' })).toHaveValue('2'); // 1x
  await app.button('Play').click();
  const frames = [];
  while (frames.length < 200) {
    frames.push(await frame(page));
    if (await app.button('Play').count()) break; // the rollout is over: Play is offered again
    await page.waitForTimeout(50);
  }
  expect(frames.length).toBeGreaterThan(20);
  let startingSeen = 0;
  for (const f of frames) {
    const t = parseFloat(f.clock.slice(4));
    for (const lane of f.lanes) {
      const ready = lane.pods.filter((p) => / (Ready|Available)$/.test(p)).length;
      const counted = Number(/ready (\d+)/.exec(lane.text)[1]);
      expect(ready, `${f.clock} ${lane.name}: ${lane.pods.join(', ')} | ${lane.text}`).toBe(counted);
      // The new ReplicaSet's first pod is created as Play starts and takes 2 s to start.
      if (lane.text.includes('test_web:v2') && t < started + 2) {
        expect(ready, `${f.clock}: ${lane.pods.join(', ')}`).toBe(0);
        startingSeen += lane.pods.length;
      }
    }
  }
  expect(startingSeen, 'frames showing the new pod starting').toBeGreaterThan(0);
  expect(app.errors).toEqual([]);
});
