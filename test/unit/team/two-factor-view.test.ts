import { describe, expect, it } from 'vitest';
import { twoFactorViewOf } from '../../../core/team/two-factor-view';
import type { TwoFactorStatusReply } from '../../../core/sync/two-factor-protocol';

const ada = 'a'.repeat(22);
const bob = 'b'.repeat(22);
const cyd = 'c'.repeat(22);

const status: TwoFactorStatusReply = {
  required: true,
  members: [
    { member: ada, registered: true, lastVerifiedAt: 1_000 },
    { member: bob, registered: true, lastVerifiedAt: null },
    { member: cyd, registered: false, lastVerifiedAt: null },
  ],
};

describe('the Users list two-factor column', () => {
  it('shows the relay\'s word for a member whose key the relay verified, whatever the member says', () => {
    expect(twoFactorViewOf(status, ada, false)).toEqual({ enabled: true, source: 'relay' });
  });

  it('does not count a key the relay holds but never verified an assertion from', () => {
    expect(twoFactorViewOf(status, bob, true)).toEqual({ enabled: false, source: 'relay' });
  });

  it('falls back to the member\'s own claim, labelled as such, when the relay holds no key of theirs', () => {
    expect(twoFactorViewOf(status, cyd, true)).toEqual({ enabled: true, source: 'member' });
    expect(twoFactorViewOf(status, cyd, null)).toEqual({ enabled: false, source: 'relay' });
  });

  it('without the relay\'s answer, shows only what the member claims', () => {
    expect(twoFactorViewOf(null, ada, true)).toEqual({ enabled: true, source: 'member' });
    expect(twoFactorViewOf(null, ada, null)).toEqual({ enabled: false, source: 'member' });
  });
});
