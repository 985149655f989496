import { V7Generator } from 'uuidv7';
import type { Clock } from './clock';
import type { RecordId } from './records/types';

/**
 * A clock rollback up to this size keeps ids increasing (the generator reuses its last
 * timestamp); a larger one restarts from the clock, as a corrected system clock should.
 */
const ROLLBACK_ALLOWANCE_MS = 10_000;

/**
 * Record ids: UUIDv7 stamped with the injected clock's time, so ids sort (as strings) in
 * the order they were created, including several within the same millisecond.
 */
export const createIdFactory = (clock: Clock): (() => RecordId) => {
  const generator = new V7Generator();
  generator.setRollbackAllowance(ROLLBACK_ALLOWANCE_MS);
  return () => generator.generateOrResetWithTs(Math.max(0, Math.floor(clock.now()))).toString();
};

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** True for an id this factory could have made (lower-case canonical UUIDv7). */
export const isRecordId = (value: unknown): value is RecordId =>
  typeof value === 'string' && UUID_V7.test(value);
