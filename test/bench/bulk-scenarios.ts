import type { Page } from '@playwright/test';
import * as v from 'valibot';
import { BulkTimingReportSchema } from './bench-api';
import type { VaultOutcome } from './vault-scenarios';

/** The figure: a bulk tag of 10,000 records (fewer when the seeded account holds fewer). */
export const BULK_TAG_RECORDS = 10_000;

const perSecond = (records: number, ms: number): number => (ms > 0 ? (records * 1000) / ms : 0);
const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** A bulk tag through store.applyBulk beside the raw put rate of as many records, in the same page and run. */
export const measureBulkTag = async (page: Page, count: number, seed: number): Promise<VaultOutcome> => {
  const report = v.parse(BulkTimingReportSchema, await page.evaluate(([total, seedValue]) => {
    // Runs in the page: self-contained, no closures over this module.
    if (!window.locketBench) throw new Error('window.locketBench is missing');
    return window.locketBench.bulkTag(total, seedValue);
  }, [count, seed] as const));
  if (report.changed !== report.records) throw new Error(`the bulk tag changed ${report.changed} of ${report.records} records`);
  const tagRate = perSecond(report.records, report.bulkMs);
  const putRate = perSecond(report.putRecords, report.putMs);
  const figures: Record<string, number> = { 'bulk.tag': tagRate, 'bulk.put': putRate, 'bulk.ratio': putRate > 0 ? tagRate / putRate : 0 };
  const notes = [`bulk tag: ${report.records} records in ${ms(report.bulkMs)} (one batch, transactions of 1000, AES-GCM, audit entries included); `
    + `raw put of ${report.putRecords} in ${ms(report.putMs)}, same run`];
  if (report.floorMs !== undefined) {
    const floorRate = perSecond(report.records, report.floorMs);
    figures['bulk.floor'] = floorRate;
    figures['bulk.floorRatio'] = putRate > 0 ? floorRate / putRate : 0;
    notes.push(`bulk tag floor: the same records' reads, checks, puts, change sets and outbox rows in bare IndexedDB in ${ms(report.floorMs)}`);
  }
  return { figures, notes };
};
