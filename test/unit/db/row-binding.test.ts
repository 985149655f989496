import { describe, expect, it } from 'vitest';
import type { StoredChangeSet, StoredRecord } from '../../../core/db/rows';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { randomBytes, testDeps } from '../vault/helpers';
import { createHarness, person, saved } from '../store/harness';

/**
 * Each ciphertext is sealed to the row it was written for: a body copied into another
 * record's row, or change values copied into another change set, must not read back as
 * that other row's data.
 */
const encryptedHarness = () => createHarness({}, createAesGcmCodec(randomBytes(32), testDeps()));

describe('ciphertexts bound to their rows', () => {
  it('refuses one record body moved into another record id', async () => {
    const { store, db } = await encryptedHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const grace = saved(await store.create('person', person('Grace', 'Hopper')));
    const adaRow = await db.get('records', ada.id) as StoredRecord;
    const graceRow = await db.get('records', grace.id) as StoredRecord;
    await db.put('records', { ...graceRow, body: adaRow.body });
    await expect(store.get(grace.id)).rejects.toThrow(/altered|another/);
    expect(await store.get(ada.id)).toMatchObject({ fields: { lastName: 'Lovelace' } });
  });

  it('refuses a body moved to a row of the same id but another kind', async () => {
    const { store, db } = await encryptedHarness();
    const acme = saved(await store.create('organisation', { name: 'Acme' }));
    const row = await db.get('records', acme.id) as StoredRecord;
    await db.put('records', { ...row, kind: 'case', listKey: ['case', row.updatedAt] });
    await expect(store.get(acme.id)).rejects.toThrow(/altered|another/);
  });

  it('refuses change values moved into another change set', async () => {
    const { store, db } = await encryptedHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    saved(await store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    const sets = await db.getAllFromIndex('changes', 'byRecord', ada.id) as StoredChangeSet[];
    const [created, updated] = sets;
    if (!created || !updated) throw new Error('expected two change sets');
    await db.put('changes', { ...updated, values: created.values });
    await expect(store.changesFor(ada.id)).rejects.toThrow(/altered|another/);
  });

});
