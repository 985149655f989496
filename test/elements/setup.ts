import { afterEach } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from './fake-browser';
import { forgetDownloads } from './downloads';
import { unmountAll } from './mount';

// Before any element module loads: wxt/browser picks `browser` or `chrome` once, at import.
Object.assign(globalThis, { browser: fakeBrowser });

afterEach(async () => {
  unmountAll();
  forgetDownloads();
  await resetFakeBrowser();
});
