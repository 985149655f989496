import { defineConfig } from '@playwright/test';

// The extension is loaded from .output/chrome-mv3, so `npm test` builds before this runs.
export default defineConfig({
  testDir: 'test/e2e',
  // Each test launches its own Chromium; two cores do not carry two of them well.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  reporter: 'list',
  outputDir: 'test-results',
  forbidOnly: Boolean(process.env.CI),
});
