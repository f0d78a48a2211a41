// Space, → and ← drive playback after a button or a menu; the shortcuts are shown and `?` lists them; the
// console keeps its newest output in view and kubectl's wide tables keep their columns.
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('keys drive playback after a button or a menu, and ? lists them', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await expect(page.getByText('Keys: Space play · → step · ← back · Shift fine · ? all')).toBeVisible();
  await app.setImage('test_web:v2'); // the button keeps the focus
  await page.keyboard.press('Space');
  await expect(app.button('Pause')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(app.button('Play')).toBeVisible();
  await app.button('Step back').click();
  const why = page.getByRole('region', { name: 'Why this step' });
  const before = await why.textContent();
  await page.keyboard.press('ArrowRight');
  await expect(why).not.toHaveText(before);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Canary: pause after the first new pod' });
  await page.keyboard.press('Space');
  await expect(app.button('Pause')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(app.button('Play')).toBeVisible();

  await page.keyboard.press('?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list).toBeVisible();
  await expect(list).toContainText('Play or pause');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('the console shows its newest output and keeps wide tables whole', async ({ page }) => {
  const app = new App(page);
  await app.open();
  for (let i = 0; i < 12; i++) await app.run('get rs -o wide');
  await expect(app.console.getByText('$ kubectl get rs -o wide')).toHaveCount(12);
  const atEnd = () => app.console.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2);
  await expect.poll(atEnd).toBe(true);
  const last = app.console.locator('pre').filter({ hasText: 'SELECTOR' }).last();
  await expect(last).toHaveCSS('white-space', 'pre');
  expect(app.errors).toEqual([]);
});
