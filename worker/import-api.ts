/**
 * Import in the worker: preview (headers, first rows, guessed mapping), a dry run that
 * writes nothing, then the run itself through the store (one batch, undoable). The dry
 * run's plan stays here under a reference, so the page never ships it back and forth.
 */
import type { Clock } from '../core/clock';
import {
  createRecordIndex, planImport,
  type ImportSources, type KnownRecord, type PlannedRow,
} from '../core/csv/import';
import { createIdFactory } from '../core/ids';
import { readImportFile } from '../core/csv/read-file';
import { guessMappingWithFields } from '../core/custom-fields/import-mapping';
import type { LocketStore } from '../core/store/contract';
import type { PlannedWrite } from '../core/imports/import-batch-types';
import { fileKindOf, totalTooLarge } from './import-inputs';
import type { ImportImplementation } from './contract';
import { withoutSuppressed } from './import-suppression';
import type { ImportFilePreview, ImportSummary, SummaryRow } from './import-types';
import type { ImportFileRefusal } from '../core/csv/csv-refusals';
import { refusalError } from '../core/refusals';
import { countsByFile } from '../core/csv/plan';
import { deviceTimeZone } from '../core/tasks/device-zone';
import { pipelineOf } from '../core/pipeline/pipeline-settings';

/** The zone other tools' task due dates are read in: the one their screens showed them in. */

export const SAMPLE_ROWS = 5;
export const MAX_SUMMARY_ROWS = 500;
const READ_BATCH = 1000;

/** New and updated rows in plan order, one write per record: a later row's fields win over an earlier one's. */
export const writesOf = (rows: readonly PlannedRow[], now: number): PlannedWrite[] => {
  const writes: PlannedWrite[] = [];
  const positionOf = new Map<string, number>();
  for (const row of rows) {
    if (row.action !== 'new' && row.action !== 'update') continue;
    const { id, kind, fields } = row.record;
    const at = positionOf.get(id);
    const earlier = at === undefined ? undefined : writes[at];
    if (earlier && at !== undefined) {
      writes[at] = { ...earlier, fields };
      continue;
    }
    positionOf.set(id, writes.length);
    writes.push(row.action === 'new'
      ? { op: 'create', id, kind, fields, createdAt: row.record.createdAt ?? now, updatedAt: row.record.updatedAt ?? row.record.createdAt ?? now }
      : { op: 'update', id, kind, fields });
  }
  return writes;
};

const summaryRow = (row: PlannedRow): SummaryRow => ({
  file: row.file,
  rowNumber: row.rowNumber,
  action: row.action,
  reasons: row.action === 'invalid' ? row.reasons : row.action === 'skip' ? [row.reason] : [],
  warnings: row.warnings,
});

const worthListing = (row: PlannedRow): boolean => row.action === 'invalid' || row.action === 'skip' || row.warnings.length > 0;

const NO_COUNTS = { new: 0, updated: 0, skipped: 0, invalid: 0 };

export interface ImportApiDeps {
  readonly store: LocketStore;
  readonly clock: Clock;
}

/** Arguments arrive checked against the contract (host.ts). */
export const createImportApi = ({ store, clock }: ImportApiDeps): ImportImplementation => {
  const newId = createIdFactory(clock);
  /** Only the latest dry run can be run, and only once. */
  let pending: { readonly ref: string; readonly writes: readonly PlannedWrite[] } | null = null;

  const existingRecords = async (): Promise<KnownRecord[]> => {
    const known: KnownRecord[] = [];
    // Live records only: what sits in the trash does not count as a duplicate.
    await store.forEachBatch(READ_BATCH, (records) => { for (const record of records) known.push(record); });
    return known;
  };

  const previewImport: ImportImplementation['previewImport'] = async (files) => {
    const { fieldDefinitions } = await store.getSettings();
    return Promise.all(files.map(async (file): Promise<ImportFilePreview> => {
      const read = await readImportFile(file.name, file.bytes);
      if (!read.ok) {
        return { name: file.name, refusal: read.error, headers: [], sampleRows: [], rowCount: 0, mapping: null, format: 'csv', photosSkipped: 0 };
      }
      const { format, photosSkipped, table: { headers, rows } } = read.value;
      return {
        name: file.name,
        refusal: null,
        headers,
        sampleRows: rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
        rowCount: rows.length,
        // A vCard file holds people and organisations, whatever it is called.
        mapping: guessMappingWithFields(format === 'vcard' ? 'contacts' : fileKindOf(file.name, headers), headers, fieldDefinitions),
        format,
        photosSkipped,
      };
    }));
  };

  const planImportApi: ImportImplementation['planImport'] = async (files, mappings, policy) => {
    const refusals: { name: string; refusal: ImportFileRefusal }[] = [];
    if (totalTooLarge(files)) refusals.push({ name: files.map((file) => file.name).join(', '), refusal: { type: 'files-too-large-together' } });
    if (mappings.length !== files.length) throw refusalError({ type: 'import-mapping-missing' });

    const sources: { -readonly [F in keyof ImportSources]: ImportSources[F] } = {};
    const reads = await Promise.all(files.map((file) => readImportFile(file.name, file.bytes)));
    files.forEach((file, index) => {
      const mapping = mappings[index];
      const read = reads[index];
      if (!mapping || !read) return;
      const parsed = read.ok ? { ok: true as const, value: read.value.table } : read;
      if (!parsed.ok) { refusals.push({ name: file.name, refusal: parsed.error }); return; }
      if (mapping.columns.length !== parsed.value.headers.length) { refusals.push({ name: file.name, refusal: { type: 'mapping-mismatch' } }); return; }
      if (sources[mapping.file]) { refusals.push({ name: file.name, refusal: { type: 'file-kind-twice', file: mapping.file } }); return; }
      const table = parsed.value;
      if (mapping.file === 'contacts') sources.contacts = { table, mapping };
      else if (mapping.file === 'cases') sources.cases = { table, mapping };
      else if (mapping.file === 'opportunities') sources.opportunities = { table, mapping };
      else if (mapping.file === 'tasks') sources.tasks = { table, mapping };
      else if (mapping.file === 'activities') sources.activities = { table, mapping };
      else sources.notes = { table, mapping };
    });
    pending = null;
    if (refusals.length > 0) {
      return { planRef: null, refusals, counts: countsByFile(() => NO_COUNTS), total: NO_COUNTS, rows: [], rowsLeftOut: 0 };
    }

    const [settings, existing] = await Promise.all([store.getSettings(), existingRecords()]);
    const planned = planImport(sources, {
      existing: createRecordIndex(existing), policy, newId, defaults: { owner: settings.ownerName, currency: settings.defaultCurrency },
      definitions: settings.fieldDefinitions, pipeline: pipelineOf(settings),
      tasks: { timeZone: deviceTimeZone(), now: clock.now() },
    });
    const plan = await withoutSuppressed(planned, await store.suppressionCheck());
    const listed = plan.rows.filter(worthListing);
    const writes = writesOf(plan.rows, clock.now());
    const ref = writes.length > 0 ? newId() : null;
    if (ref) pending = { ref, writes };
    const summary: ImportSummary = {
      planRef: ref, refusals, counts: plan.counts, total: plan.total,
      rows: listed.slice(0, MAX_SUMMARY_ROWS).map(summaryRow), rowsLeftOut: Math.max(0, listed.length - MAX_SUMMARY_ROWS),
    };
    return summary;
  };

  const runImport: ImportImplementation['runImport'] = async (ref, onProgress) => {
    if (!pending || pending.ref !== ref) throw refusalError({ type: 'import-check-stale' });
    const { writes } = pending;
    pending = null;
    const batchId = newId();
    const total = writes.length;
    const report = await store.applyImport(batchId, writes, (done) => { void onProgress?.({ done, total }); });
    const notWritten = report.failure?.notWritten ?? 0;
    const failed = report.refused.length + notWritten;
    await store.audit.append({ type: 'import-done', by: 'owner', subjects: [], detail: { batchId, written: report.written, failed } });
    return { batchId, written: report.written, failed, failure: report.failure?.reason ?? null };
  };

  return {
    previewImport,
    planImport: planImportApi,
    runImport,
    undoImport: async (batchId) => {
      const report = await store.undoImport(batchId);
      await store.audit.append({
        type: 'import-undone', by: 'owner', subjects: [],
        detail: { batchId, removed: report.removed, restored: report.restored, skipped: report.skipped.length },
      });
      return report;
    },
    listImports: () => store.listImports(),
  };
};
