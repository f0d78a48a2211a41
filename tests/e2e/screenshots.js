// The README's screenshots, taken from the built dist/ at the sizes people use:
// `node tests/e2e/screenshots.js` (after .ci/build-web) serves dist/ and writes tests/e2e/screenshots/*.png.
const path = require('path');
const { serveStatic } = require('../../build/static-server');
const { chromium } = require('playwright');

const DIST = path.resolve(__dirname, '../../dist');
const OUT = path.join(__dirname, 'screenshots');


/** The seed rollout, two decisions in: two lanes, the budgets holding, the story so far. */
async function midRollout(page) {
  const kubectl = page.getByRole('textbox', { name: 'kubectl', exact: true });
  // On a phone the console is in a sheet: open it, and close it after.
  const sheet = !(await kubectl.isVisible());
  if (sheet) await page.locator('.sheet-buttons button').nth(1).click();
  await kubectl.fill('set image deployment/test-deployment web=test_web:v2');
  await kubectl.press('Enter');
  if (sheet) await page.keyboard.press('Escape');
  const step = page.locator('.transport__bar button').nth(2); // Step ("单步" in Chinese)
  for (let i = 0; i < 2; i++) await step.click();
  await page.evaluate(() => window.scrollTo(0, 0));
}

(async () => {
  const server = await serveStatic(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const shots = [
    ['stage-1280x800.png', 1280, 800, '', midRollout],
    ['stage-1366x768.png', 1366, 768, '', midRollout],
    ['stage-1920x1080.png', 1920, 1080, '', midRollout],
    ['presenter-1920x1080.png', 1920, 1080, '', async (page) => {
      await midRollout(page);
      await page.getByRole('button', { name: 'Presenter mode' }).click();
    }],
    ['phone-390x844.png', 390, 844, '', midRollout],
    ['embed-canary-700x450.png', 700, 450, '?embed&scenario=canary', async (page) => {
      for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    }],
    ['zh-1280x800.png', 1280, 800, '', async (page) => {
      await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await midRollout(page);
    }],
  ];
  for (const [name, width, height, query, setUp] of shots) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(base + query);
    await page.locator('.transport__bar button').nth(2).waitFor();
    await setUp(page);
    await page.waitForTimeout(400); // the last chip's entrance animation
    await page.screenshot({ path: path.join(OUT, name) });
    await page.close();
    console.log(`${name} ${width}x${height}`);
  }
  await browser.close();
  server.close();
})();
