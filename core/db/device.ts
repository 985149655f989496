import * as v from 'valibot';
import type { LocketDatabase } from './schema';

const DEVICE_ID_KEY = 'deviceId';
const DeviceIdSchema = v.pipe(v.string(), v.nonEmpty(), v.maxLength(100));

/**
 * This install's device id, created on first open. One readwrite transaction, so two contexts
 * opening at once agree on a single id. A stored value that is not a valid id is replaced:
 * the install then counts as a new device, which sync tolerates, rather than never opening.
 */
export const loadDeviceId = async (db: LocketDatabase, newId: () => string): Promise<string> => {
  const tx = db.transaction('meta', 'readwrite');
  const stored = v.safeParse(DeviceIdSchema, await tx.store.get(DEVICE_ID_KEY));
  const deviceId = stored.success ? stored.output : newId();
  if (!stored.success) await tx.store.put(deviceId, DEVICE_ID_KEY);
  await tx.done;
  return deviceId;
};
