/**
 * The worker's edge for a team member's role (issue 13): every write of the store and every
 * worker method that exports or replaces the data asks the member's standing first, and a
 * refused act throws RoleRefused with nothing written. The relay refuses the same acts when
 * pushed; refusing them here too keeps a member's device from holding changes it can never share.
 * Owners and devices in no team pass through unchanged.
 */
import { assertMayAct, type LocalAct } from '../core/team/local-rights';
import type { StandingSource } from '../core/sync-account/local-standing';
import type { LocketStore } from '../core/store/contract';
import { changesTeamSettings } from '../core/settings/settings';
import type { OpenWorkerImplementation } from './contract';

// Any async function: each guarded method keeps its own signature (generics included).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AsyncCall = (...args: any[]) => Promise<unknown>;

const gate = <F extends AsyncCall>(standing: StandingSource, act: LocalAct, call: F): F =>
  (async (...args: Parameters<F>) => {
    assertMayAct(await standing(), act);
    return call(...args);
  }) as F;

/** The store's writes, each with the act the role table decides it by. */
export const guardStore = (store: LocketStore, standing: StandingSource): LocketStore => ({
  ...store,
  create: gate(standing, 'create', store.create),
  insertMany: gate(standing, 'create', store.insertMany),
  applyTrack: gate(standing, 'create', store.applyTrack),
  startNextTrackStep: gate(standing, 'create', store.startNextTrackStep),
  // An import creates and edits: what a standing that may create may also do.
  applyImport: gate(standing, 'create', store.applyImport),
  update: gate(standing, 'edit', store.update),
  remove: gate(standing, 'trash', store.remove),
  removeMany: gate(standing, 'trash', store.removeMany),
  restore: gate(standing, 'restore', store.restore),
  deleteForever: gate(standing, 'purge', store.deleteForever),
  emptyTrash: gate(standing, 'purge', store.emptyTrash),
  erase: gate(standing, 'erase', store.erase),
  undoImport: gate(standing, 'undo-import', store.undoImport),
  // A member keeps their own lists and views; changing the team's settings is an admin's act.
  saveSettings: async (patch) => {
    if (changesTeamSettings(await store.getSettings(), patch)) assertMayAct(await standing(), 'settings');
    return store.saveSettings(patch);
  },
  // A merge or convert edits the survivor and trashes the other: a standing that may do both.
  mergeRecords: gate(standing, 'trash', gate(standing, 'edit', store.mergeRecords)),
  convertRecord: gate(standing, 'trash', gate(standing, 'create', store.convertRecord)),
  undoMerge: gate(standing, 'restore', gate(standing, 'edit', store.undoMerge)),
  applyBulk: async (ids, action, onProgress) => {
    assertMayAct(await standing(), action.type === 'trash' ? 'trash' : 'edit');
    return store.applyBulk(ids, action, onProgress);
  },
  renameTag: gate(standing, 'edit', store.renameTag),
  // Undoing a bulk change is undoing a batch, as undoing an import is.
  undoBulk: gate(standing, 'undo-import', store.undoBulk),
});

/**
 * The worker methods that do not write through the store: exports and backups need the export
 * right; a restore replaces every record, which is a restore's right.
 */
export const guardWorker = (api: OpenWorkerImplementation, standing: StandingSource): OpenWorkerImplementation => ({
  ...api,
  exportCsv: gate(standing, 'export', api.exportCsv),
  exportVcard: gate(standing, 'export', api.exportVcard),
  exportTasksIcs: gate(standing, 'export', api.exportTasksIcs),
  exportCsvSelection: gate(standing, 'export', api.exportCsvSelection),
  createBackup: gate(standing, 'export', api.createBackup),
  restoreBackup: gate(standing, 'restore', api.restoreBackup),
  restoreSnapshot: gate(standing, 'restore', api.restoreSnapshot),
  // The pipeline writes records and settings beside the store (core/pipeline/pipeline-writes.ts).
  moveOpportunity: gate(standing, 'edit', api.moveOpportunity),
  closeOpportunity: gate(standing, 'edit', api.closeOpportunity),
  savePipeline: gate(standing, 'settings', api.savePipeline),
  deleteMilestone: gate(standing, 'settings', api.deleteMilestone),
});
