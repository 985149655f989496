import { describe, expect, it } from 'vitest';
import { recordAad, settingsAad, type EncodedValue, type ValueCodec } from '../../../core/codec';
import { readSnapshot, takeSnapshot } from '../../../core/snapshots/snapshots';
import { bindStoredValues, valuesAreBound } from '../../../core/store/codec-migration';
import type { StoredRecord } from '../../../core/db/rows';
import { createStore } from '../../../core/store/store';
import { createHlc } from '../../../core/hlc';
import { createIdFactory } from '../../../core/ids';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { randomBytes } from '../vault/helpers';
import { createHarness, person, saved, type Harness } from './harness';

/** Values as Locket wrote them before binding: AES-GCM without additional data and without `v`. */
const versionOneCodec = (accountKey: Uint8Array<ArrayBuffer>): ValueCodec => {
  const key = crypto.subtle.importKey('raw', accountKey, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const encode = async (value: unknown): Promise<EncodedValue> => {
    const iv = randomBytes(12);
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key, new TextEncoder().encode(JSON.stringify(value)));
    return { codec: 'aes-gcm', iv, data: new Uint8Array(data) };
  };
  const decode = async (encoded: EncodedValue): Promise<unknown> => {
    if (encoded.codec !== 'aes-gcm') throw new Error('not encrypted');
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: encoded.iv }, await key, encoded.data);
    return JSON.parse(new TextDecoder().decode(plain));
  };
  return {
    encode, decode, encodeMany: (values) => Promise.all(values.map(encode)), decodeMany: (values) => Promise.all(values.map(decode)),
  };
};

/** The same database seen by today's store, whose codec refuses version-1 values. */
const currentStore = ({ db, clock, bus }: Harness, accountKey: Uint8Array<ArrayBuffer>) => createStore({
  db, codec: createAesGcmCodec(accountKey), clock, newId: createIdFactory(clock),
  hlc: createHlc({ clock, nodeId: 'device-b' }), deviceId: 'device-a', author: 'owner@example.com', bus, auditKeys: null,
});

const seedVersionOne = async () => {
  const accountKey = randomBytes(32);
  const harness = await createHarness({}, versionOneCodec(accountKey));
  const ada = saved(await harness.store.create('person', person('Ada', 'Lovelace')));
  saved(await harness.store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
  saved(await harness.store.saveSettings({ ownerName: 'Grace' }));
  const snapshot = await takeSnapshot(harness.db, { clock: harness.clock, newId: () => 'snapshot-1', reason: 'manual' });
  return { accountKey, harness, ada, snapshot };
};

describe('binding values written before codec version 2', () => {
  it('keeps old rows readable: rewritten bound at unlock, then read by the strict codec', async () => {
    const { accountKey, harness, ada } = await seedVersionOne();
    const store = currentStore(harness, accountKey);
    await expect(store.get(ada.id)).rejects.toThrow(/before values were bound/);

    const rewritten = await bindStoredValues(harness.db, createAesGcmCodec(accountKey, undefined, { acceptUnbound: true }));

    expect(rewritten).toBeGreaterThanOrEqual(4);
    expect(await valuesAreBound(harness.db)).toBe(true);
    expect(await store.get(ada.id)).toMatchObject({ fields: { lastName: 'Lovelace', jobTitle: 'Analyst' } });
    expect((await store.changesFor(ada.id)).map((change) => change.values)).toEqual([
      expect.objectContaining({ lastName: 'Lovelace' }), { jobTitle: 'Analyst' },
    ]);
    expect(await store.getSettings()).toMatchObject({ ownerName: 'Grace' });
  });

  it('binds the copies inside snapshots too, so an older snapshot still restores', async () => {
    const { accountKey, harness, ada, snapshot } = await seedVersionOne();
    await bindStoredValues(harness.db, createAesGcmCodec(accountKey, undefined, { acceptUnbound: true }));
    const contents = await readSnapshot(harness.db, snapshot.id);
    if (!contents.ok) throw new Error('snapshot unreadable');
    const codec = createAesGcmCodec(accountKey);
    const row = contents.value.rows.find((each) => each.id === ada.id);
    if (!row) throw new Error('row missing');
    expect(await codec.decode(row.body, recordAad(row))).toMatchObject({ lastName: 'Lovelace' });
    const settings = contents.value.settingsRows[0];
    if (!settings) throw new Error('settings missing');
    expect(await codec.decode(settings.value, settingsAad(settings.key))).toMatchObject({ ownerName: 'Grace' });
  });

  it('runs once: an old ciphertext put into a row afterwards is refused, not rewritten into a bound one', async () => {
    const { accountKey, harness, ada } = await seedVersionOne();
    const oldRow = await harness.db.get('records', ada.id) as StoredRecord;
    const legacyCodec = createAesGcmCodec(accountKey, undefined, { acceptUnbound: true });
    await bindStoredValues(harness.db, legacyCodec);
    const grace = saved(await currentStore(harness, accountKey).create('person', person('Grace', 'Hopper')));
    const graceRow = await harness.db.get('records', grace.id) as StoredRecord;
    await harness.db.put('records', { ...graceRow, body: oldRow.body });

    expect(await bindStoredValues(harness.db, legacyCodec)).toBe(0);
    await expect(currentStore(harness, accountKey).get(grace.id)).rejects.toThrow(/before values were bound/);
  });
});
