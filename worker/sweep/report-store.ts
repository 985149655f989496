import * as v from 'valibot';
import { RECORD_KINDS } from '../../core/records/types';
import type { LocketDatabase } from '../../core/db/schema';
import type { SweepReport } from '../sweep-contract';
import { STORAGE_FULL_REPORT, type WriteFailure } from '../../core/db/store-errors';

export const SWEEP_REPORT_KEY = 'sweep-report';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Time = v.pipe(v.number(), v.finite());

/** The stored report is read back through this schema, never trusted; messages carry it too. */
export const SweepReportSchema = v.strictObject({
  trigger: v.picklist(['page', 'alarm', 'manual']),
  startedAt: Time,
  finishedAt: Time,
  durationMs: v.pipe(Time, v.minValue(0)),
  purged: v.record(v.picklist(RECORD_KINDS), Count),
  changeSetsDeleted: Count,
  changeSetsRewritten: Count,
  changeSetsAwaitingKey: Count,
  loginsDeleted: Count,
  snapshotsDeleted: Count,
  snapshotTaken: v.nullable(v.pipe(v.string(), v.maxLength(100))),
  // Optional: reports kept by earlier versions lack them and still read back.
  snapshotSkipped: v.optional(v.nullable(v.strictObject({ type: v.literal('low-storage'), availableBytes: Count, neededBytes: Count })), null),
  accountDeleted: v.boolean(),
  held: v.optional(v.nullable(v.variant('type', [
    v.strictObject({ type: v.literal('clock-behind'), clockAt: Time, seenAt: Time }),
    v.strictObject({ type: v.literal('clock-jumped'), clockAt: Time, seenAt: Time, confirmAfter: Time }),
  ])), null),
  error: v.nullable(v.union([
    v.strictObject({ type: v.literal('storage-full') }),
    v.strictObject({ type: v.literal('write-failed'), message: v.pipe(v.string(), v.maxLength(1000)) }),
    // Reports kept by earlier versions hold the message itself, or the storage-full code as a string.
    v.pipe(v.string(), v.maxLength(1000), v.transform((message): WriteFailure =>
      (message === STORAGE_FULL_REPORT ? { type: 'storage-full' } : { type: 'write-failed', message }))),
  ])),
}) satisfies v.GenericSchema<unknown, SweepReport>;

/** The last sweep's report; null before the first, or when what is stored is not a report. */
export const readSweepReport = async (db: LocketDatabase): Promise<SweepReport | null> => {
  const parsed = v.safeParse(SweepReportSchema, await db.get('meta', SWEEP_REPORT_KEY));
  return parsed.success ? parsed.output : null;
};

export const writeSweepReport = async (db: LocketDatabase, report: SweepReport): Promise<void> => {
  await db.put('meta', report, SWEEP_REPORT_KEY);
};
