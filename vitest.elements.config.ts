import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromePath } from './test/support/chromium';

/**
 * Element tests: each element mounted alone, with fake services, in a real Chromium (the one
 * the end-to-end tests use, or CHROME_PATH). Kept apart from the Node unit suite, whose
 * config is vitest.config.ts.
 */
export default defineConfig({
  // Bundled before the first test: a dependency found mid-run makes Vite reload the page under a running test.
  optimizeDeps: {
    include: [
      'lit', 'lit/decorators.js', 'lit/directives/keyed.js', 'lit/directives/live.js', 'lit/directives/ref.js', 'lit/directives/repeat.js',
      '@lit-labs/virtualizer', '@simplewebauthn/browser', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common',
      '@zxcvbn-ts/language-en', 'comlink', 'fflate', 'idb', 'lean-qr', 'minisearch', 'papaparse', 'uuidv7', 'valibot', 'wxt/browser',
    ],
  },
  test: {
    include: ['components/**/*.test.ts'],
    setupFiles: ['test/elements/setup.ts'],
    // The password policy's dictionaries and a fresh IndexedDB per test need headroom on a loaded machine.
    testTimeout: 15_000,
    // One page for all element files: each file still starts from a fresh store and empty extension storage.
    isolate: false,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          // Playwright never downloads a browser here: the system's Chromium is the one to drive.
          executablePath: chromePath(),
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
            '--disable-sync', '--no-first-run'],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
