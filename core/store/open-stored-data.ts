import { createAesGcmCodec } from '../vault/aes-codec';
import type { UnlockedKeys } from '../vault/types';
import { bindStoredValues } from './codec-migration';
import type { LocketDatabase } from './schema';

/**
 * What unlocking does to the stored data before the keys reach the session: values written
 * before codec version 2 are bound to their rows (once; afterwards nothing opens them).
 */
export const openStoredData = async (db: LocketDatabase, keys: UnlockedKeys): Promise<void> => {
  await bindStoredValues(db, createAesGcmCodec(keys.accountKey, undefined, { acceptUnbound: true }));
};
