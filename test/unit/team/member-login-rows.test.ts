/**
 * Recent logins for an owner or admin: sessions and unlocks in one list, newest first, each named
 * by the member the validated log gives its device; an unlock that does not open is left out, and
 * one the relay holds twice shows once.
 */
import { describe, expect, it } from 'vitest';
import { newSyncKey } from '../../../core/sync/item-crypto';
import { memberLoginRows } from '../../../core/team/member-login-rows';
import type { StoredUnlock } from '../../../core/team/member-logins-protocol';
import type { TeamState } from '../../../core/team/state';
import { sealUnlock } from '../../../core/team/unlock-seal';
import type { Bytes } from '../../../core/vault/types';

const TEAM = 'T'.repeat(22);
const BOB_DEVICE = 'B'.repeat(22);
const ADA_DEVICE = 'A'.repeat(22);
const AT = Date.UTC(2026, 11, 6, 9, 30);

const state = {
  team: TEAM,
  devices: new Map([[BOB_DEVICE, { member: 'member-bob' }], [ADA_DEVICE, { member: 'member-ada' }]]),
} as unknown as Pick<TeamState, 'team' | 'devices'>;

const stored = async (device: string, at: number, key: Bytes, member: string | null = null): Promise<StoredUnlock> =>
  ({ device, member, ...(await sealUnlock(TEAM, device, 1, key, at)) });

describe('member login rows', () => {
  it('lists sessions and unlocks newest first, named by the log rather than the relay', async () => {
    const key = newSyncKey();
    const rows = await memberLoginRows(state, new Map([[1, key]]), [
      { device: ADA_DEVICE, member: 'member-relay-says', at: AT + 60_000, twoFactorVerified: true },
    ], [await stored(BOB_DEVICE, AT, key, 'member-ada'), await stored(BOB_DEVICE, AT + 120_000, key)]);
    expect(rows).toEqual([
      { device: BOB_DEVICE, member: 'member-bob', at: AT + 120_000, kind: 'unlock', twoFactorVerified: false },
      { device: ADA_DEVICE, member: 'member-ada', at: AT + 60_000, kind: 'session', twoFactorVerified: true },
      { device: BOB_DEVICE, member: 'member-bob', at: AT, kind: 'unlock', twoFactorVerified: false },
    ]);
  });

  it('leaves out an unlock under a key this device does not hold or moved to another device, and shows a resent one once', async () => {
    const key = newSyncKey();
    const bob = await stored(BOB_DEVICE, AT, key);
    const rows = await memberLoginRows(state, new Map([[1, key]]), [], [
      bob, { ...bob }, { ...bob, device: ADA_DEVICE }, await stored(BOB_DEVICE, AT + 1, newSyncKey()), { ...bob, epoch: 2 },
    ]);
    expect(rows).toEqual([{ device: BOB_DEVICE, member: 'member-bob', at: AT, kind: 'unlock', twoFactorVerified: false }]);
  });
});
