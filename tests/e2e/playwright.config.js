// Playwright e2e tests for the Trunk-built dist/ (run `trunk build --release` at the repo root first).
// Uses Debian's chromium: `npx playwright install` is never run (no browser downloads on this machine).
const path = require('path');
const { defineConfig } = require('@playwright/test');

const PORT = process.env.E2E_PORT || '8081';
const CSP_PORT = process.env.CSP_PORT || '8082';
const DIST = path.resolve(__dirname, '../../dist');

module.exports = defineConfig({
  testDir: '.',
  testMatch: '*.spec.js',
  outputDir: 'test-results',
  timeout: 30_000,
  forbidOnly: !!process.env.CI,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory "${DIST}"`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'ignore',
      stderr: 'ignore',
    },
    {
      // The strict-CSP host of the embed tests (csp-server.js).
      command: `node csp-server.js`,
      url: `http://127.0.0.1:${CSP_PORT}/docs/embed.html`,
      env: { CSP_PORT },
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
