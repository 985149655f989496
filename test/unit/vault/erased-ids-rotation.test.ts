import { describe, expect, it } from 'vitest';
import { erasedIdsAad } from '../../../core/codec';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { populatedAccount, unlockAfterKeyChange } from './rotation-fixture';

describe('a change of account key keeps an unacknowledged erasure able to reach the relay', () => {
  it('seals the erase set’s ids in the outbox again under the new key', async () => {
    const account = await populatedAccount();
    const { harness, keys } = account;
    const setId = '0001736931600000-0000-device-a';
    const ids = [{ id: 'person-erased-here', kind: 'person' }];
    const sealed = await createAesGcmCodec(keys.accountKey).encode(ids, erasedIdsAad(setId));
    const key = await harness.db.add('outbox', { setId, erased: sealed });

    const session = await unlockAfterKeyChange(account);
    expect(session.accountKey).not.toEqual(keys.accountKey);

    const row = await harness.db.get('outbox', key);
    expect(row?.setId).toBe(setId);
    expect(await createAesGcmCodec(session.accountKey).decode(row!.erased!, erasedIdsAad(setId))).toEqual(ids);
  });
});
