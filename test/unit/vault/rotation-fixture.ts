/**
 * An account with two PRF keys and data in every place the codec writes: live records, the
 * trash, the change log, settings, a snapshot, an erased (and suppressed) person and the
 * audit log. Values are read back as stored, so tests can try any key on them.
 */
import { createAuditLog } from '../../../core/audit/audit-log';
import { deriveAuditKeys } from '../../../core/audit/hash';
import { changeAad, changePreviousAad, recordAad, settingsAad, type EncodedValue } from '../../../core/codec';
import { createHlc } from '../../../core/hlc';
import { createIdFactory } from '../../../core/ids';
import { ChunkSchema } from '../../../core/snapshots/snapshot-schema';
import { takeSnapshot } from '../../../core/snapshots/snapshots';
import type { StoredChangeSet, StoredRecord } from '../../../core/db/rows';
import type { LocketStore } from '../../../core/store/contract';
import { createStore } from '../../../core/store/store';
import type { LocketDatabase } from '../../../core/db/schema';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import type { Bytes, UnlockedKeys } from '../../../core/vault/types';
import * as v from 'valibot';
import { addSoftKey, PASSWORD, withAccount, type AccessHarness } from './access-harness';
import { ok } from './helpers';
import { createRecordingBus, person, saved } from '../store/harness';

/** Every encrypted value stored, with the name it is sealed to. */
export interface StoredValue {
  readonly where: string;
  readonly value: EncodedValue;
  readonly aad: string;
}

export const storedValues = async (db: LocketDatabase): Promise<StoredValue[]> => {
  const records = (await db.getAll('records')).map((row: StoredRecord) => ({ where: `record ${row.id}`, value: row.body, aad: recordAad(row) }));
  const changes = (await db.getAll('changes')).flatMap((set: StoredChangeSet) => [
    { where: `change ${set.hlc}`, value: set.values, aad: changeAad(set.hlc) },
    ...(set.previous ? [{ where: `change ${set.hlc} previous`, value: set.previous, aad: changePreviousAad(set.hlc) }] : []),
  ]);
  const tx = db.transaction('settings');
  const [settingValues, settingKeys] = await Promise.all([tx.store.getAll(), tx.store.getAllKeys()]);
  const settings = settingValues.map((value, index) => ({ where: `setting ${settingKeys[index]}`, value, aad: settingsAad(String(settingKeys[index])) }));
  const chunks = (await db.getAll('snapshotChunks')).flatMap((stored) => {
    const chunk = v.parse(ChunkSchema, stored);
    return [
      ...chunk.records.map((row) => ({ where: `snapshot record ${row.id}`, value: row.body, aad: recordAad(row) })),
      ...chunk.settings.map((row) => ({ where: `snapshot setting ${row.key}`, value: row.value, aad: settingsAad(row.key) })),
    ];
  });
  return [...records, ...changes, ...settings, ...chunks];
};

/** What each value holds under `accountKey`, or the word "sealed" where it does not open. */
export const readWith = async (accountKey: Bytes, values: readonly StoredValue[]): Promise<Map<string, unknown>> => {
  const codec = createAesGcmCodec(accountKey);
  return new Map(await Promise.all(values.map(async ({ where, value, aad }) => {
    try {
      return [where, await codec.decode(value, aad)] as const;
    } catch {
      return [where, 'sealed'] as const;
    }
  })));
};

/** The store a page opens with the session's keys. */
export const storeFor = async (harness: AccessHarness, keys: UnlockedKeys): Promise<LocketStore> => {
  const newId = createIdFactory(harness.clock);
  return createStore({
    db: harness.db, codec: createAesGcmCodec(keys.accountKey), clock: harness.clock, newId,
    hlc: createHlc({ clock: harness.clock, nodeId: `device-a:${newId().slice(-12)}` }), deviceId: 'device-a', author: 'owner',
    bus: createRecordingBus(), auditKeys: await deriveAuditKeys(keys.accountKey),
  });
};

/** A copy of every store as it is now: what someone copying the profile folder would hold. */
export const copyOfProfile = async (db: LocketDatabase) => ({
  vault: structuredClone(await db.get('vault', 'vault')),
  values: structuredClone(await storedValues(db)),
});

export const auditLogFor = (harness: AccessHarness, keys: UnlockedKeys) =>
  createAuditLog({ db: harness.db, clock: harness.clock, keys: () => deriveAuditKeys(keys.accountKey) });

export const populatedAccount = async ({ records = 4 }: { readonly records?: number } = {}) => {
  const harness = await withAccount();
  const blue = await addSoftKey(harness, harness.keys, 'at-registration', 'Blue key');
  const red = await addSoftKey(harness, blue.keys, 'at-registration', 'Red key', blue.key);
  const keys = red.keys;
  const store = await storeFor(harness, keys);
  const people = [];
  for (let index = 0; index < records; index++) {
    people.push(saved(await store.create('person', person(`Person${index}`, 'Example', { emails: [`p${index}@example.com`] }))));
  }
  const [first, second, third] = people;
  if (!first || !second || !third) throw new Error('populatedAccount needs at least three records');
  saved(await store.update(first.id, 'person', { jobTitle: 'Engineer' }));
  saved(await store.create('note', { body: 'Met at the fair', recordId: first.id }));
  await store.remove(second.id);
  await store.saveSettings({ ownerName: 'Ada Lovelace', ownerEmail: 'ada@example.org' });
  await takeSnapshot(harness.db, { clock: harness.clock, newId: createIdFactory(harness.clock), reason: 'daily' });
  await store.erase(third.id, { suppressEmails: true });
  return { harness, blue, red, keys, store, people };
};

type PopulatedAccount = Awaited<ReturnType<typeof populatedAccount>>;

/** Removes the red key, which changes the account key (the old session's keys still in hand). */
export const removeRedKey = async ({ harness, blue, red, keys }: PopulatedAccount): Promise<void> => {
  harness.ceremonies.hold(blue.key);
  ok(await harness.account.removeKey(keys, PASSWORD, red.key.credentialId));
};

/** Locks and unlocks again with the blue key: the keys the next page opens with. */
export const unlockAgain = async ({ harness, blue }: PopulatedAccount): Promise<UnlockedKeys> => {
  harness.lock();
  harness.waitOutThrottle();
  harness.ceremonies.hold(blue.key);
  ok(await harness.access.unlock(PASSWORD));
  return harness.session()!;
};

/** The account key changed (red key removed) and the vault unlocked again: the new session, under a new account key. */
export const unlockAfterKeyChange = async (account: PopulatedAccount): Promise<UnlockedKeys> => {
  await removeRedKey(account);
  return unlockAgain(account);
};
