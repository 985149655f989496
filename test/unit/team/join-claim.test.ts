import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../core/security/base64url';
import { newInviteSecret } from '../../../core/team/invite-secret';
import { openJoinClaim, sealJoinClaim } from '../../../core/team/join-claim';
import { SealedJoinClaimSchema } from '../../../core/team/schemas';

const PLACE = { team: 'T'.repeat(22), inviteId: 'I'.repeat(22), device: 'D'.repeat(22) };
const GRACE = { name: 'Grace Hopper', email: 'grace.hopper@example.com', deviceName: 'Laptop' };

/** The sealed claim with one byte of its ciphertext flipped, as a relay that altered it would serve it. */
const flipped = (sealed: string, at: number): string => {
  const bytes = fromBase64Url(sealed)!;
  bytes[at] = bytes[at]! ^ 0x01;
  return toBase64Url(bytes);
};

describe('a join claim', () => {
  it('opens with the invite\'s secret for the join it was sealed for, and the relay\'s schema takes it', async () => {
    const secret = newInviteSecret();
    const sealed = await sealJoinClaim(secret, PLACE, GRACE);
    expect(v.is(SealedJoinClaimSchema, sealed)).toBe(true);
    expect(sealed).not.toContain('Grace');
    expect(await openJoinClaim(secret, PLACE, sealed)).toEqual(GRACE);
  });

  it('does not open with another invite\'s secret', async () => {
    const sealed = await sealJoinClaim(newInviteSecret(), PLACE, GRACE);
    expect(await openJoinClaim(newInviteSecret(), PLACE, sealed)).toBeNull();
  });

  it('does not open once any byte was changed on the way', async () => {
    const secret = newInviteSecret();
    const sealed = await sealJoinClaim(secret, PLACE, GRACE);
    for (const at of [0, 12, 20, fromBase64Url(sealed)!.length - 1]) expect(await openJoinClaim(secret, PLACE, flipped(sealed, at))).toBeNull();
    expect(await openJoinClaim(secret, PLACE, 'not-base64url!')).toBeNull();
  });

  it('does not open when moved onto another team, invite or joining device', async () => {
    const secret = newInviteSecret();
    const sealed = await sealJoinClaim(secret, PLACE, GRACE);
    for (const moved of [{ team: 'U'.repeat(22) }, { inviteId: 'J'.repeat(22) }, { device: 'E'.repeat(22) }]) {
      expect(await openJoinClaim(secret, { ...PLACE, ...moved }, sealed)).toBeNull();
    }
  });

  it('hides the length of a name within its padding, and refuses a name longer than a profile takes', async () => {
    const secret = newInviteSecret();
    const short = await sealJoinClaim(secret, PLACE, { ...GRACE, name: 'Al' });
    const longer = await sealJoinClaim(secret, PLACE, { ...GRACE, name: 'Alan' });
    expect(longer.length).toBe(short.length);
    await expect(sealJoinClaim(secret, PLACE, { ...GRACE, name: 'x'.repeat(201) })).rejects.toThrow();
  });
});
