import * as v from 'valibot';
import type { LocketDatabase } from './schema';
import { writeTransaction } from './transaction';

const DEVICE_ID_KEY = 'deviceId';
const DeviceIdSchema = v.pipe(v.string(), v.nonEmpty(), v.maxLength(100));

/**
 * This install's device id, created on first open. One readwrite transaction, so two contexts
 * opening at once agree on a single id. A stored value that is not a valid id is replaced:
 * the install then counts as a new device, which sync tolerates, rather than never opening.
 */
export const loadDeviceId = (db: LocketDatabase, newId: () => string): Promise<string> =>
  writeTransaction(db, ['meta'], async (tx) => {
    const meta = tx.objectStore('meta');
    const stored = v.safeParse(DeviceIdSchema, await meta.get(DEVICE_ID_KEY));
    if (stored.success) return stored.output;
    const deviceId = newId();
    await meta.put(deviceId, DEVICE_ID_KEY);
    return deviceId;
  });
