import { describe, expect, it } from 'vitest';
import { deriveAuditKeys } from '../../../core/audit/hash';
import { openStore } from '../../../core/store/open-store';
import type { LocketStore } from '../../../core/store/contract';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import type { UnlockedKeys } from '../../../core/vault/types';
import { createKeyFollower } from '../../../platform/page-services/key-follower';
import { PASSWORD, type AccessHarness } from '../vault/access-harness';
import { ok } from '../vault/helpers';
import { populatedAccount, readWith, storedValues } from '../vault/rotation-fixture';
import { createRecordingBus, person, saved } from '../store/harness';

/** What another open page holds: its own connection and a store on the session's key. */
const pageStore = (harness: AccessHarness) => async (keys: UnlockedKeys): Promise<LocketStore> => openStore({
  factory: harness.factory, name: harness.dbName, codec: createAesGcmCodec(keys.accountKey), clock: harness.clock,
  bus: createRecordingBus(), author: 'owner', auditKeys: await deriveAuditKeys(keys.accountKey),
});

describe('another open page when the account key is replaced', () => {
  it('stops writing with the old key and carries on with the new one, keeping its surface', async () => {
    const { harness, blue, red, keys } = await populatedAccount();
    const opened: UnlockedKeys[] = [];
    const handedOver: (readonly [LocketStore, LocketStore | undefined])[] = [];
    const follower = createKeyFollower<LocketStore>(async (session) => {
      opened.push(session);
      return pageStore(harness)(session);
    }, (services, previous) => { handedOver.push([services, previous]); });
    const before = await follower.follow(keys);
    expect(await follower.follow(keys)).toBe(before);

    harness.ceremonies.hold(blue.key);
    ok(await harness.account.removeKey(keys, PASSWORD, red.key.credentialId));
    const session = harness.session()!;
    const after = await follower.follow(session);

    expect(opened).toHaveLength(2);
    expect(handedOver).toEqual([[before, undefined], [after, before]]);
    // The old store is closed: a write through it fails rather than landing under the old key.
    await expect(before.create('person', person('Old', 'Key'))).rejects.toThrow();
    const grace = saved(await after.create('person', person('Grace', 'Hopper')));
    const read = await readWith(session.accountKey, await storedValues(harness.db));
    expect([...read.values()]).not.toContain('sealed');
    expect(read.get(`record ${grace.id}`)).toMatchObject({ firstName: 'Grace' });
    expect([...read.values()].some((value) => JSON.stringify(value).includes('"Old"'))).toBe(false);
    follower.close();
  });
});
