// "Pods over time": an img with axes in seconds and whole pods, a legend by revision and image, the
// budget lines labelled, a data table behind "View as table", and a playhead that drags like the Timeline.
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('the chart reads as seconds and pods, lists its data, and scrubs', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.rollOut('test_web:v2');
  const chart = page.getByRole('img', { name: 'Pods over time' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('text')).toContainText(['0', '1', '2', '3', '4', 'max pods', 'min available', 'time (s)']);
  const figure = page.getByRole('figure');
  await expect(figure).toContainText('rev 1 · test_web:v1');
  await expect(figure).toContainText('rev 2 · test_web:v2');

  await app.button('View as table').click();
  await expect(app.button('View as table')).toHaveAttribute('aria-pressed', 'true');
  const table = page.getByRole('table', { name: 'Pods over time' });
  await expect(table.getByRole('columnheader')).toContainText(['time (s)', 'rev 1 · test_web:v1 available', 'rev 1 · test_web:v1 not available', 'rev 2 · test_web:v2 available', 'rev 2 · test_web:v2 not available', 'max pods', 'min available']);
  // The last row: the old revision at 0, the new at 3 available, the budgets 4 and 3.
  await expect(table.getByRole('row').last().getByRole('cell')).toHaveText(['0', '0', '3', '0', '4', '3']);

  // Pressing on the chart's left edge moves the clock to the start of the session.
  const clock = page.getByRole('timer', { name: 'Simulated time' });
  const end = await clock.textContent();
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + box.width * 0.06, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.up();
  await expect(clock).not.toHaveText(end);
  await expect(clock).toHaveText(/^t = 0(\.\d)? s$/);
  expect(app.errors).toEqual([]);
});
