import { defineConfig } from 'wxt';
import { EXTENSION_KEY } from './extension-key';

const isStoreBuild = Boolean(process.env.LOCKET_STORE_BUILD);
const isBenchBuild = process.env.LOCKET_BENCH === '1';

/** Only the bench build carries the benchmark page; every other build leaves it out. */
const BENCH_ENTRYPOINT = 'bench';

export default defineConfig({
  manifest: {
    name: 'Locket',
    description: 'A local-first CRM that keeps your contacts on your device.',
    // Quick capture reads a page only on the user's gesture (activeTab + scripting); no host permissions.
    // offscreen: the background's scheduled sweep runs in a worker, which only a document can start.
    // unlimitedStorage: this device holds the only copy of the records, so the origin's quota must not refuse
    // them as they grow, and the browser must not evict them when the disk runs low.
    permissions: ['storage', 'unlimitedStorage', 'sidePanel', 'alarms', 'activeTab', 'scripting', 'contextMenus', 'offscreen'],
    // Sync reaches the one relay the owner names, asked for when they connect (platform/permissions):
    // any https host, plain http only on this computer; no host is granted until the owner allows it.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    commands: {
      'capture-page': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Capture this page' },
    },
    // sidePanel.open() from a user gesture arrived in Chrome 116.
    minimum_chrome_version: '116',
    ...(isStoreBuild ? {} : { key: EXTENSION_KEY }),
  },
  ...(isBenchBuild ? { outDirTemplate: 'bench' } : {}),
  hooks: {
    // filterEntrypoints is an allow-list, and per-entrypoint include/exclude is per
    // browser, so the bench page is dropped here, before WXT imports it.
    'entrypoints:found': (_wxt, infos) => {
      if (isBenchBuild) return;
      const benchIndex = infos.findIndex((info) => info.name === BENCH_ENTRYPOINT);
      if (benchIndex !== -1) infos.splice(benchIndex, 1);
    },
  },
  vite: () => ({
    worker: { format: 'es' },
  }),
});
