// Languages: English and 简体中文, chosen from the browser, switched by
// [combobox "Language"], remembered. kubectl output stays English.
const path = require('path');
const { test, expect } = require('@playwright/test');

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('gets the Chinese UI; a rollout explains itself in Chinese; kubectl stays English', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('zh-CN');
    await page.getByRole('textbox', { name: '镜像' }).fill('test_web:v2');
    await page.getByRole('button', { name: '设置镜像' }).click();
    await page.getByRole('button', { name: '单步', exact: true }).click();
    const why = page.getByRole('region', { name: '为什么这样做' });
    await expect(why).toContainText('模板变了，所以创建了新的 ReplicaSet。maxSurge = 1（3 的 25% = 0.75，向上取整为 1）');
    // Event messages and kubectl output are English, as kubectl prints them.
    await expect(why).toContainText('Scaled up replica set test-deployment-86b8f4f5dc from 0 to 1');
    await expect(page.getByRole('log', { name: 'kubectl 输出' })).toContainText('deployment.apps/test-deployment image updated');
    await expect(page.getByRole('img', { name: '至少 3 个可用（replicas 3 − maxUnavailable 0）' })).toBeVisible();
    // Five more decisions: the last scales the old ReplicaSet down, as maxUnavailable allows.
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: '单步', exact: true }).click();
    await page.screenshot({ path: path.join(__dirname, 'test-results', 'zh-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(__dirname, 'test-results', 'zh-390x844.png'), fullPage: true });
    // Nothing is wider than the phone (the Scenario menu's longest Chinese title once made the page scroll sideways).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Switch to English: every string follows, and the choice is remembered.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
    await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Why this step' })).toContainText('(25% of 3 = 0.75, rounded ');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test('an English browser gets English, and Chinese is one choice away', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
  await expect(page.getByRole('button', { name: '播放' })).toBeVisible();
  await page.getByRole('tab', { name: '历史' }).click();
  await expect(page.getByRole('table', { name: '发布历史' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '场景' })).toContainText('滚动更新（种子笔记的例子）');
});
