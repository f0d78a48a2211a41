// Lanes are named by ReplicaSet, revision and image; a ReplicaSet at 0 collapses to a thin row; the undo
// menu names each revision's image.
const { test, expect } = require('@playwright/test');
const { App } = require('./app');

test('lanes and the undo menu name revisions with their image; an empty ReplicaSet is a thin row', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await expect(page.getByRole('group', { name: /^ReplicaSet test-deployment-\w+ \(revision 1, test_web:v1\)$/ })).toBeVisible();
  await app.rollOut('test_web:v2');
  const fresh = page.getByRole('group', { name: /\(revision 2, test_web:v2\)$/ });
  const old = page.getByRole('group', { name: /\(revision 1, test_web:v1\)$/ });
  await expect(fresh.getByText('rev 2 · test_web:v2')).toBeVisible();
  await expect(old.getByRole('listitem')).toHaveCount(0);
  const [oldBox, freshBox] = [await old.boundingBox(), await fresh.boundingBox()];
  expect(oldBox.height).toBeLessThan(freshBox.height / 2);
  const menu = page.getByRole('combobox', { name: 'To revision' });
  await expect(menu.locator('option')).toHaveText(['previous revision', 'rev 1 · test_web:v1', 'rev 2 · test_web:v2']);
  expect(app.errors).toEqual([]);
});

test("a lane says when its ReplicaSet's status does not count its pods yet, until the controller syncs", async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.setImage('test_web:v2');
  await page.getByRole('checkbox', { name: 'Fine steps' }).check();
  const behind = page.locator('.lanes').getByText('status syncs next');
  // The ReplicaSet controller creates the new pod and writes the status it saw before creating it.
  for (let i = 0; i < 10 && !(await behind.count()); i++) await app.button('Step').click();
  await expect(behind).toHaveCount(1);
  await expect(behind).toHaveAttribute('title', /the ReplicaSet's status, which its controller writes when it syncs/);
  await expect(page.getByRole('group', { name: /\(revision 2, test_web:v2\)$/ }).getByText('status syncs next')).toBeVisible();
  // Its next sync counts the pod.
  for (let i = 0; i < 10 && (await behind.count()); i++) await app.button('Step').click();
  await expect(behind).toHaveCount(0);
  expect(app.errors).toEqual([]);
});
