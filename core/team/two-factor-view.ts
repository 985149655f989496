/**
 * The Users list's two-factor column from the relay's word (POST /v1/two-factor/status) and,
 * where the relay has none, the member's own: the view says whose word it shows.
 */
import type { TwoFactorStatusReply } from '../sync/two-factor-protocol';
import type { TwoFactorView } from './team-view';

/**
 * `relayStatus`: the relay's answer, or null when it could not be asked. `memberClaim`: what the
 * member's device says of its own second factor, or null when it says nothing.
 *
 * A key the relay holds counts as enabled only once the relay has verified an assertion from it:
 * registration (attestation 'none') proves nothing the relay can check.
 */
export const twoFactorViewOf = (relayStatus: TwoFactorStatusReply | null, member: string, memberClaim: boolean | null): TwoFactorView => {
  const relayWord = relayStatus?.members.find((candidate) => candidate.member === member);
  if (relayWord?.registered) return { enabled: relayWord.lastVerifiedAt !== null, source: 'relay' };
  if (memberClaim !== null) return { enabled: memberClaim, source: 'member' };
  return { enabled: false, source: relayStatus ? 'relay' : 'member' };
};
