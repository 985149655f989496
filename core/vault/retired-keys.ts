/**
 * Account keys replaced since the last unlock, kept sealed under the current one until then.
 * Open pages drop the old key as soon as they hear of the new one (platform/page-services/
 * key-follower.ts), but a write one of them had already prepared under the old key can still
 * commit just after the change did. Nothing could open such a row afterwards; so the next
 * unlock, when no page holds any key, re-encrypts every value that opens only under a retired
 * key, and then forgets those keys. They add no way in: they open nothing the current key
 * does not, and whoever holds the current key reads everything already.
 */
import {
  changeRebinder, chunkRebinder, outboxRebinder, rebindStore, recordRebinder, settingsRebinder, type Recode,
} from '../store/codec-migration';
import { deepEqual } from '../db/deep-equal';
import type { LocketDatabase } from '../db/schema';
import { recodedIdentityRow, SYNC_IDENTITY_KEY } from '../sync-account/identity-store';
import { writeTransaction, type WriteTransaction } from '../db/transaction';
import { createAesGcmCodec } from './aes-codec';
import { defaultVaultDeps } from './deps';
import { hkdf } from './seal';
import { openKeyList, sealKeyList } from './sealed-key-list';
import type { Bytes } from './types';

/** The meta row; present only between a change of account key and the next unlock. */
export const RETIRED_ACCOUNT_KEYS = 'retired-account-keys';
const PURPOSE = 'locket/retired-account-keys';

const wrappingKey = (accountKey: Bytes): Promise<Bytes> => hkdf(accountKey, PURPOSE, 32, defaultVaultDeps());

/** Inside the change's transaction: `from` joins the keys retired since the last unlock, sealed under `to`. */
export const prepareRetiredKeys = async (db: LocketDatabase, from: Bytes, to: Bytes) => {
  const earlier = await openKeyList(await wrappingKey(from), await db.get('meta', RETIRED_ACCOUNT_KEYS), PURPOSE);
  const sealed = await sealKeyList(await wrappingKey(to), [...earlier, from], PURPOSE);
  return (tx: WriteTransaction<'meta'>) => tx.objectStore('meta').put(sealed, RETIRED_ACCOUNT_KEYS);
};

/** A value that opens under the current key stays; one that opens only under a retired key is sealed again under the current one. */
const rescuing = (accountKey: Bytes, retired: readonly Bytes[]): Recode => {
  const current = createAesGcmCodec(accountKey);
  const older = retired.map((key) => createAesGcmCodec(key)).reverse();
  return async (value, aad) => {
    try {
      await current.decode(value, aad);
      return value;
    } catch {
      // Not the current key's: tried under each retired one below.
    }
    for (const codec of older) {
      let plain: unknown;
      try {
        plain = await codec.decode(value, aad);
      } catch {
        continue;
      }
      return current.encode(plain, aad);
    }
    return value;
  };
};

/** The sync identity's sealed keys, written under a retired key just after a change: sealed again, if still as read. */
const rescueIdentityRow = async (db: LocketDatabase, recode: Recode): Promise<number> => {
  const before = await db.get('meta', SYNC_IDENTITY_KEY);
  const after = await recodedIdentityRow(before, recode);
  if (after === null) return 0;
  return writeTransaction(db, ['meta'], async (tx) => {
    const meta = tx.objectStore('meta');
    if (!deepEqual(await meta.get(SYNC_IDENTITY_KEY), before)) return 0;
    await meta.put(after, SYNC_IDENTITY_KEY);
    return 1;
  });
};

/** At unlock, before the keys reach the session. Returns how many rows were written again. */
export const rescueRetiredKeyRows = async (db: LocketDatabase, accountKey: Bytes): Promise<number> => {
  const stored = await db.get('meta', RETIRED_ACCOUNT_KEYS);
  if (stored === undefined) return 0;
  const retired = await openKeyList(await wrappingKey(accountKey), stored, PURPOSE);
  const recode = rescuing(accountKey, retired);
  let rewritten = 0;
  for (const rebinder of [recordRebinder(recode), changeRebinder(recode), settingsRebinder(recode), chunkRebinder(recode), outboxRebinder(recode)]) {
    rewritten += await rebindStore(db, rebinder as Parameters<typeof rebindStore>[1]);
  }
  rewritten += await rescueIdentityRow(db, recode);
  // Forgotten only once every store was walked: interrupted, the next unlock walks again.
  await writeTransaction(db, ['meta'], (tx) => tx.objectStore('meta').delete(RETIRED_ACCOUNT_KEYS));
  return rewritten;
};
