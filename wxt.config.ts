import { defineConfig } from 'wxt';
import { EXTENSION_KEY } from './extension-key';
import { EXTENSION_PAGES_CSP } from './content-security-policy';
import { CODE_SPLITTING } from './code-splitting';

const isStoreBuild = Boolean(process.env.LOCKET_STORE_BUILD);
const isBenchBuild = process.env.LOCKET_BENCH === '1';

/** Only the bench build carries the benchmark pages; every other build leaves them out. */
const BENCH_ENTRYPOINTS: readonly string[] = ['bench', 'bench-open'];

/** Add-on id on addons.mozilla.org and in Firefox profiles; MV3 add-ons must carry one. */
const FIREFOX_ADDON_ID = 'locket@locket-crm';

// Quick capture reads a page only on the user's gesture (activeTab + scripting); no host permissions.
// unlimitedStorage: this device holds the only copy of the records, so the origin's quota must not refuse
// them as they grow, and the browser must not evict them when the disk runs low.
// notifications: a task's reminder and the morning summary (platform/tasks/task-reminders.ts).
const SHARED_PERMISSIONS = ['storage', 'unlimitedStorage', 'alarms', 'activeTab', 'scripting', 'contextMenus', 'notifications'];

const sharedManifest = {
  name: 'Locket',
  description: 'A local-first CRM that keeps your contacts on your device.',
  // Sync reaches the one relay the owner names, asked for when they connect (platform/permissions):
  // any https host, plain http only on this computer; no host is granted until the owner allows it.
  optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
  commands: {
    'capture-page': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Capture this page' },
  },
  content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
};

const chromiumManifest = {
  ...sharedManifest,
  // offscreen: the background's scheduled sweep runs in a worker, which only a document can start.
  permissions: [...SHARED_PERMISSIONS, 'sidePanel', 'offscreen'],
  // sidePanel.open() from a user gesture arrived in Chrome 116.
  minimum_chrome_version: '116',
  ...(isStoreBuild ? {} : { key: EXTENSION_KEY }),
  // The bench drives sync against a relay on this computer; headless Chromium cannot answer the prompt.
  ...(isBenchBuild ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
};

/**
 * Firefox: WXT declares the side panel as sidebar_action and the background as an event page
 * (a document, which starts the sweep's worker itself, so no offscreen document); the id is
 * fixed because MV3 requires one.
 */
const firefoxManifest = {
  ...sharedManifest,
  permissions: SHARED_PERMISSIONS,
  browser_specific_settings: {
    gecko: {
      id: FIREFOX_ADDON_ID,
      // data_collection_permissions is read from 140 on the desktop and 142 on Android; storage.session in MV3 needs 115.
      strict_min_version: '142.0',
      // Locket collects nothing; the optional relay receives only ciphertext the owner sends to a relay they chose.
      data_collection_permissions: { required: ['none'] },
    },
  },
};

export default defineConfig({
  manifest: ({ browser }) => (browser === 'firefox' ? firefoxManifest : chromiumManifest),
  ...(isBenchBuild ? { outDirTemplate: 'bench' } : {}),
  // Store packages build apart, so that they never replace the keyed build the tests load.
  ...(isStoreBuild ? { outDir: '.output/store' } : {}),
  hooks: {
    // filterEntrypoints is an allow-list, and per-entrypoint include/exclude is per
    // browser, so the bench pages are dropped here, before WXT imports them.
    'entrypoints:found': (_wxt, infos) => {
      if (isBenchBuild) return;
      for (let index = infos.length - 1; index >= 0; index--) {
        if (BENCH_ENTRYPOINTS.includes(infos[index]?.name ?? '')) infos.splice(index, 1);
      }
    },
  },
  vite: () => ({
    worker: { format: 'es' },
    build: { rollupOptions: { output: { codeSplitting: CODE_SPLITTING } } },
    resolve: {
      // @simplewebauthn/server imports the full polyfill, whose fallback for finding the global
      // object evaluates strings (refused by the pages' CSP anyway, and flagged by Firefox's
      // add-on linter); the lite build relies on globalThis, which every supported browser has.
      alias: [{ find: /^reflect-metadata$/, replacement: 'reflect-metadata/lite' }],
    },
  }),
});
