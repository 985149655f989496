import * as v from 'valibot';
import type { TimeMark, TimeSeen } from '../../core/retention/clock-trust';
import { parseHlc } from '../../core/hlc';
import type { LocketDatabase } from '../../core/db/schema';
import { readSweepReport } from './report-store';

/** The newest time trusted sweeps have seen, in `meta` (in the clear: two times). */
export const TIME_MARK_KEY = 'sweep-time-mark';

const Time = v.pipe(v.number(), v.finite());
const TimeMarkSchema = v.strictObject({ trustedAt: Time, pendingAt: v.nullable(Time) }) satisfies v.GenericSchema<unknown, TimeMark>;

/** The change log is keyed by HLC timestamp, whose string order is time order: its last key is the newest. */
const newestChangeAt = async (db: LocketDatabase): Promise<number | null> => {
  const cursor = await db.transaction('changes').store.openKeyCursor(null, 'prev');
  return cursor ? (parseHlc(cursor.key)?.wallMs ?? null) : null;
};

/** The mark alone; a damaged one reads as none. */
export const readTimeMark = async (db: LocketDatabase): Promise<TimeMark | null> => {
  const parsed = v.safeParse(TimeMarkSchema, await db.get('meta', TIME_MARK_KEY));
  return parsed.success ? parsed.output : null;
};

/** What a sweep judges its clock against. A damaged mark reads as none, so the other evidence stands in. */
export const readTimeSeen = async (db: LocketDatabase): Promise<TimeSeen> => {
  const [mark, changeAt, report] = await Promise.all([readTimeMark(db), newestChangeAt(db), readSweepReport(db)]);
  return { mark, newestChangeAt: changeAt, lastSweepAt: report?.finishedAt ?? null };
};

export const writeTimeMark = async (db: LocketDatabase, mark: TimeMark): Promise<void> => {
  await db.put('meta', mark, TIME_MARK_KEY);
};
