import { defineConfig } from '@playwright/test';

// The app's demo analysed with one and with two approach threads (measure-threads.spec.mjs), on the
// e2e suite's local host and Debian's Chromium. Build the renderer first:
//   node test/support/build.mjs renderer && npx playwright test -c renderer/analysis/dev/playwright.measure.config.mjs
export default defineConfig({
  testDir: '.',
  testMatch: 'measure-threads.spec.mjs',
  globalSetup: '../../../test/e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  timeout: 1_800_000,
  reporter: [['list']],
  outputDir: '../../../test-results/measure',
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'],
    },
  },
});
