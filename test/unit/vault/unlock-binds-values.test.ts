import { describe, expect, it } from 'vitest';
import { recordAad, type EncodedValue } from '../../../core/codec';
import { valuesAreBound } from '../../../core/store/codec-migration';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { PASSWORD, withAccount } from './access-harness';
import { ok, randomBytes } from './helpers';

const ID = '0190a0b0-0000-7000-8000-000000000001';

describe('unlocking an account whose values were written before codec version 2', () => {
  it('binds them before the session opens, so the strict codec reads them', async () => {
    const harness = await withAccount();
    expect(await valuesAreBound(harness.db)).toBe(true);
    // As an earlier version left it: no `v`, no additional data, and not yet marked bound.
    const iv = randomBytes(12);
    const key = await crypto.subtle.importKey('raw', harness.keys.accountKey, 'AES-GCM', false, ['encrypt']);
    const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode('{"firstName":"Ada","lastName":"Lovelace"}')));
    const body: EncodedValue = { codec: 'aes-gcm', iv, data };
    await harness.db.put('records', { id: ID, kind: 'person', createdAt: 1, updatedAt: 1, deletedAt: null, links: [], body, listKey: ['person', 1] });
    await harness.db.delete('meta', 'codec-version');
    harness.lock();

    ok(await harness.access.unlock(PASSWORD));

    const row = await harness.db.get('records', ID);
    if (!row) throw new Error('row missing');
    expect(await createAesGcmCodec(harness.keys.accountKey).decode(row.body, recordAad(row))).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
    expect(await valuesAreBound(harness.db)).toBe(true);
  });
});
