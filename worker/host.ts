import type { LocketWorkerApi, OpenWorkerApi } from './contract';

/**
 * An API that answers as soon as it is exposed and waits inside each call for the real
 * one. The worker must listen for messages from its first moment: a page may call before
 * the store has opened, and a message that arrives with no listener is lost.
 */
export const deferWorkerApi = (
  ready: Promise<OpenWorkerApi>,
  open: LocketWorkerApi['open'],
): LocketWorkerApi => ({
  open,
  indexStatus: async () => (await ready).indexStatus(),
  whenIndexed: async () => (await ready).whenIndexed(),
  search: async (query, options) => (await ready).search(query, options),
  insertMany: async (kind, inputs) => (await ready).insertMany(kind, inputs),
  exportCsv: async (files, options, onProgress) => (await ready).exportCsv(files, options, onProgress),
  cancelExport: async () => (await ready).cancelExport(),
  previewImport: async (files) => (await ready).previewImport(files),
  planImport: async (files, mappings, policy) => (await ready).planImport(files, mappings, policy),
  runImport: async (planRef, onProgress) => (await ready).runImport(planRef, onProgress),
  undoImport: async (batchId) => (await ready).undoImport(batchId),
  listImports: async () => (await ready).listImports(),
  proposeRetention: async (rule) => (await ready).proposeRetention(rule),
  createBackup: async (password, onProgress) => (await ready).createBackup(password, onProgress),
  restoreBackup: async (file, password, onProgress) => (await ready).restoreBackup(file, password, onProgress),
  listSnapshots: async () => (await ready).listSnapshots(),
  takeSnapshot: async () => (await ready).takeSnapshot(),
  restoreSnapshot: async (id, onProgress) => (await ready).restoreSnapshot(id, onProgress),
});
