/**
 * The layers, enforced: entrypoints → components → worker → core, nothing importing upwards.
 * Inside core, the database (core/db) sits beneath every operation on it, and the script
 * injected into pages (entrypoints/capture.ts, core/capture) reaches nothing privileged.
 * Each block lists everything its files may not import, because a later block replaces an
 * earlier one's options for the same rule instead of adding to them.
 */

/** A specifier naming one of these top-level folders, by alias or by relative path. */
const folders = (...names) => `(^|/)(${names.join('|')})(/|$)`;

const browserOnly = {
  regex: '^(wxt|#imports|comlink|@simplewebauthn/browser|@wxt-dev/)',
  message: 'core runs in the worker and in tests: no browser, extension or messaging API here; inject what it needs.',
};
const notCore = {
  regex: folders('worker', 'components', 'entrypoints', 'platform'),
  message: 'core imports no worker, component, platform or entrypoint code: they build on core, not the reverse.',
};

/** Operation folders over the database; core/db must not know any of them. */
const OPERATIONS = [
  'store', 'record-store', 'settings', 'trash', 'purge', 'imports', 'archives', 'erasure', 'snapshots', 'backup',
];
const operationsFromDb = {
  regex: `^(\\.\\./|@/core/)(${OPERATIONS.join('|')}|audit/(?!hash$))`,
  message: 'core/db is the database beneath every operation: move what both need into core/db instead.',
};

const restricted = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export const layerRules = [
  { files: ['core/**/*.ts'], rules: restricted(browserOnly, notCore) },
  { files: ['core/db/**/*.ts'], rules: restricted(browserOnly, notCore, operationsFromDb) },
  {
    // Runs inside the page the owner captured from: only page-reading code, no key, no store.
    files: ['core/capture/**/*.ts'],
    rules: restricted(browserOnly, notCore, {
      regex: '^(?!\\./|\\.\\./records/field-rules$|@/core/capture/)',
      message: 'The capture script runs in the page: it may import only core/capture and pure field rules.',
    }),
  },
  {
    files: ['entrypoints/capture.ts'],
    rules: restricted({
      regex: '^(?!@/core/capture/)',
      message: 'The capture script runs in the page: it may import only core/capture.',
    }),
  },
  {
    files: ['worker/**/*.ts'],
    rules: restricted({
      regex: folders('components', 'entrypoints'),
      message: 'The worker serves the pages: it imports no component or entrypoint code.',
    }),
  },
  {
    files: ['platform/**/*.ts'],
    rules: restricted({
      regex: folders('components', 'entrypoints'),
      message: 'The platform adapts the browser for the pages: it imports no element and no entrypoint.',
    }),
  },
  {
    files: ['components/**/*.ts'],
    rules: restricted({ regex: folders('entrypoints'), message: 'Components import no entrypoint: entrypoints mount components.' }),
  },
];
