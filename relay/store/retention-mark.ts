/**
 * What the relay's retention sweep judges its clock against (core/retention/clock-trust.ts, the
 * rule the extension's sweeps use): the mark kept in `relay_meta`, and the newest time the relay
 * stamped on a stored set.
 */
import * as v from 'valibot';
import type { TimeMark, TimeSeen } from '../../core/retention/clock-trust';
import type { SqlDriver } from './sql-driver';

const MARK_KEY = 'retention_time_mark';
const Time = v.pipe(v.number(), v.finite());
const TimeMarkSchema = v.strictObject({ trustedAt: Time, pendingAt: v.nullable(Time) }) satisfies v.GenericSchema<unknown, TimeMark>;

const parseMark = (text: string | undefined): TimeMark | null => {
  if (text === undefined) return null;
  try {
    const parsed = v.safeParse(TimeMarkSchema, JSON.parse(text));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
};

/** A damaged mark reads as none: the newest stored set's time stands in. */
export const readRelayTimeSeen = async (driver: SqlDriver): Promise<TimeSeen> => {
  const mark = (await driver.all<{ value: string }>(`SELECT value FROM relay_meta WHERE key = ?`, [MARK_KEY]))[0]?.value;
  const newest = (await driver.all<{ newest: number | null }>(`SELECT MAX(received_at) AS newest FROM change_sets`))[0]?.newest ?? null;
  return { mark: parseMark(mark), newestChangeAt: newest === null ? null : Number(newest), lastSweepAt: null };
};

export const writeRelayTimeMark = async (driver: SqlDriver, mark: TimeMark): Promise<void> => {
  await driver.run(
    `INSERT INTO relay_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [MARK_KEY, JSON.stringify(mark)],
  );
};
