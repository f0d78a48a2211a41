// Page object for Rollout Lab: every locator is a role and an accessible name.
const { expect } = require('@playwright/test');

class App {
  constructor(page) {
    this.page = page;
    this.errors = [];
    page.on('pageerror', (e) => this.errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') this.errors.push(m.text()); });
    page.on('response', (r) => { if (r.status() >= 400) this.errors.push(`HTTP ${r.status()} ${r.url()}`); });
  }
  button(name) { return this.page.getByRole('button', { name, exact: true }); }
  textbox(name) { return this.page.getByRole('textbox', { name, exact: true }); }
  get events() { return this.page.getByRole('log', { name: 'Events' }); }
  get console() { return this.page.getByRole('log', { name: 'kubectl output' }); }
  get kubectl() { return this.textbox('kubectl'); }
  get history() { return this.page.getByRole('table', { name: 'Rollout history' }); }
  get replicaSets() { return this.page.getByRole('table', { name: 'ReplicaSets' }); }
  lanes() { return this.page.locator('.lanes').getByRole('group'); }
  pods(state) { return this.page.getByRole('listitem', { name: new RegExp(`^pod .* ${state}$`) }); }
  async open() {
    await this.page.goto('./');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Rollout Lab' })).toBeVisible();
  }
  /** Chooses a tab beside the stage (Console, Events, ReplicaSets, History, YAML). */
  async tab(name) {
    const tab = this.page.getByRole('tab', { name, exact: true });
    // On a phone the tabs are in a sheet, opened from the transport.
    if (!(await tab.isVisible())) await this.button('Details').click();
    await tab.click();
  }
  async run(line) {
    await this.tab('Console');
    await this.kubectl.fill(line);
    await this.kubectl.press('Enter');
  }
  async stepUntilIdle(max = 200) {
    const why = this.page.getByRole('region', { name: 'Why this step' });
    for (let i = 0; i < max; i++) {
      await this.button('Step').click();
      // Idle: nothing left, or a paused rollout waiting for `rollout resume`.
      if (await why.getByText(/^(Nothing is left to happen\.|The rollout is paused: )/).count()) return i;
    }
    throw new Error('still stepping after ' + max + ' steps');
  }
  /** Types an image into the Image field and presses Set image (`kubectl set image`). */
  async setImage(image) {
    await this.textbox('Image').fill(image);
    await this.button('Set image').click();
  }
  /** Set image, then step until nothing is left to happen. */
  async rollOut(image) {
    await this.setImage(image);
    return this.stepUntilIdle();
  }
  /** Clicks a download button: the file's suggested name and its text. */
  async download(name) {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.button(name).click()]);
    return { name: file.suggestedFilename(), text: require('fs').readFileSync(await file.path(), 'utf8') };
  }
  async scalingEvents() {
    await this.tab('Events');
    const cells = this.events.locator('tbody tr td:last-child');
    return (await cells.allTextContents()).filter((t) => t.startsWith('Scaled'));
  }
}
module.exports = { App };
