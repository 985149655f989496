import type { Page } from '@playwright/test';
import * as v from 'valibot';
import { ExportReportSchema, ImportReportSchema, WorkerImportReportSchema } from './bench-api';
import type { ExtensionBrowser } from './browser';
import { describeLongTasks, describeSettle, during, longestOf, withWatchedPanel } from './retention-scenarios';
import type { VaultOutcome } from './vault-scenarios';

const perSecond = (records: number, ms: number): number => (ms > 0 ? (records * 1000) / ms : 0);
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * The worker's export of the seeded records beside its unavoidable parts, measured in the same
 * page, with a side panel open and watched for long tasks meanwhile.
 */
export const measureExport = async (browser: ExtensionBrowser, page: Page, records: number, profileDir?: string): Promise<VaultOutcome> => {
  const { value: report, longTasks: allTasks, settledMs } = await withWatchedPanel(browser, page, records, async () => v.parse(ExportReportSchema, await page.evaluate(() => {
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.exportAll();
  })), profileDir === undefined ? undefined : { dir: profileDir, name: `export-${records}` });
  // Only the worker's export counts: the parts that follow are timed in the bench page, whose tasks every extension page shares.
  const duringExport = during(allTasks, report.exportStartedAt, report.exportMs);
  if (report.rows !== report.records) throw new Error(`the export wrote ${report.rows} rows for ${report.records} live records`);
  const parts = report.getAllMs + report.decodeMs + report.unparseMs;
  // The floor adds what the export must do besides its parts: check each body, read its cells, zip.
  const floor = parts + report.validateMs + report.cellsMs + report.zipMs;
  return {
    figures: {
      'export.full': report.exportMs, 'export.parts': parts, 'export.ratio': parts > 0 ? report.exportMs / parts : 0,
      'export.floor': floor, 'export.floorRatio': floor > 0 ? report.exportMs / floor : 0,
      'export.longestTask': longestOf(duringExport),
    },
    notes: [`export: ${report.rows} rows, zip of ${megabytes(report.bytes)} in ${ms(report.exportMs)}; parts getAll ${ms(report.getAllMs)}, `
      + `decodeMany ${ms(report.decodeMs)}, Papa.unparse ${ms(report.unparseMs)}; outside the parts, in the floor: zip (fflate level 6) ${ms(report.zipMs)}, `
      + `parseFields ${ms(report.validateMs)}, cells, linked names and neutralising ${ms(report.cellsMs)}; outside both: four counts, the audit entry, `
      + `the worker round trip; ${describeSettle(settledMs)}; side panel long tasks during the worker's export: ${describeLongTasks(duringExport)}`
      + ` (during the parts, timed in the bench page: ${describeLongTasks(allTasks.filter((task) => !duringExport.includes(task)))})`],
  };
};

/** A contacts file of `rows` rows through the worker's import API into a scratch database, beside parsing alone and bare puts. */
export const measureImport = async (page: Page, rows: number, seed: number): Promise<VaultOutcome> => {
  const report = v.parse(ImportReportSchema, await page.evaluate(([count, seedValue]) => {
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.importContacts(count, seedValue);
  }, [rows, seed] as const));
  if (report.invalid > 0 || report.failed > 0 || report.written + report.skipped !== report.rows) {
    throw new Error(`import wrote ${report.written} of ${report.rows} rows (${report.skipped} skipped, ${report.invalid} invalid, ${report.failed} failed${report.failure ? `: ${report.failure}` : ''})`);
  }
  const importRate = perSecond(report.rows, report.planMs + report.runMs);
  const putRate = perSecond(report.rows, report.putMs);
  return {
    figures: {
      'import.full': importRate, 'import.put': putRate, 'import.ratio': putRate > 0 ? importRate / putRate : 0, 'import.parse': report.parseMs,
      ...(report.floorMs === undefined ? {} : {
        'import.schemaFloor': perSecond(report.rows, report.floorMs), 'import.floorRatio': report.floorMs > 0 ? report.putMs / report.floorMs : 0,
      }),
      ...(report.ownRowsFloorMs === undefined ? {} : {
        'import.ownRowsFloor': perSecond(report.rows, report.ownRowsFloorMs),
        'import.ownRowsFloorRatio': report.ownRowsFloorMs > 0 ? report.putMs / report.ownRowsFloorMs : 0,
        'import.toOwnRowsFloor': report.ownRowsFloorMs > 0 ? (report.planMs + report.runMs) / report.ownRowsFloorMs : 0,
      }),
    },
    notes: [`import: ${report.rows} contact rows (${megabytes(report.bytes)}) in ${ms(report.planMs + report.runMs)}, ${report.written} written, `
      + `${report.skipped} skipped as duplicates of earlier rows: `
      + `planImport ${ms(report.planMs)} (parsing included), runImport ${ms(report.runMs)}; parseCsv alone ${ms(report.parseMs)}; `
      + `bare put ${ms(report.putMs)}${report.floorMs === undefined ? '' : `; with Locket's indexes, a change set and an outbox row per 1000 ${ms(report.floorMs)}`}`
      + `${report.ownRowsFloorMs === undefined ? '' : `; the rows and sets the import wrote, added again bare ${ms(report.ownRowsFloorMs)}`}`],
  };
};

/** Rows of the file imported through the worker while a side panel is watched: enough to run for seconds, whatever the data set's size. */
const WATCHED_IMPORT_ROWS = 10_000;

/**
 * A contacts file of new people imported into the seeded account through the worker, as the
 * import page does, then undone through it, with a side panel open and watched for long tasks
 * throughout: the import's rule that no surface's task passes 50 ms.
 */
export const measureWatchedImport = async (browser: ExtensionBrowser, page: Page, records: number, seed: number): Promise<VaultOutcome> => {
  const rows = Math.min(records, WATCHED_IMPORT_ROWS);
  const { value: report, longTasks: allTasks } = await withWatchedPanel(browser, page, records, async () => v.parse(WorkerImportReportSchema, await page.evaluate(([count, seedValue]) => {
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.importThroughWorker(count, seedValue);
  }, [rows, seed] as const)));
  if (report.written === 0 || report.removed !== report.written) throw new Error(`the watched import wrote ${report.written} and its undo removed ${report.removed}`);
  const longTasks = during(allTasks, report.startedAt, report.planMs + report.runMs + report.undoMs);
  return {
    figures: { 'import.longestTask': longestOf(longTasks) },
    notes: [`import through the worker into the account: ${report.written} of ${report.rows} rows new, planImport ${ms(report.planMs)}, `
      + `runImport ${ms(report.runMs)}, undone in ${ms(report.undoMs)}; side panel long tasks meanwhile: ${describeLongTasks(longTasks)}`],
  };
};
