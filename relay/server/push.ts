/**
 * A push: each set is checked before the store sees it (its team and device are the caller's, every
 * item's hash matches its ciphertext, the device's signature verifies), then the accepted ones are
 * appended in one transaction. Results keep the request's order; the ack goes out after the commit.
 */
import { fromBase64Url } from '../../core/security/base64url';
import type { Envelope, ErrorCode, PushRequest, PushResult } from '../../core/sync/protocol';
import { itemHash, verifySet } from '../../core/sync/signing';
import { mayPush, type MemberRole } from '../../core/team/roles';
import type { RelayStore } from '../store/store';

const precheck = async (
  set: Envelope, caller: { team: string; device: string }, publicKey: Uint8Array, role: MemberRole | null,
): Promise<ErrorCode | undefined> => {
  if (set.team !== caller.team || set.device !== caller.device) return 'forbidden';
  if (role !== null && !mayPush(role, set)) return 'role_forbidden';
  for (const item of set.items) {
    const ct = item.ct === undefined ? undefined : fromBase64Url(item.ct);
    if (!ct || (await itemHash(ct)) !== item.h) return 'bad_hash';
  }
  return (await verifySet(publicKey, set)) ? undefined : 'bad_signature';
};

export interface PushOutcome {
  readonly results: PushResult[];
  readonly head: number;
  readonly stored: number;
  /** Earlier items whose ciphertext a purge or erase in this push dropped. */
  readonly ciphertextsDropped: number;
}

/** `role` is the pushing member's, from the team log; null for a team without one (its owner's alone). */
export const handlePush = async (
  store: RelayStore, caller: { team: string; device: string }, publicKey: Uint8Array, request: PushRequest, role: MemberRole | null = null,
): Promise<PushOutcome> => {
  const refused = new Map<number, ErrorCode>();
  for (const [index, set] of request.sets.entries()) {
    const code = await precheck(set, caller, publicKey, role);
    if (code) refused.set(index, code);
  }
  const accepted = request.sets.filter((_, index) => !refused.has(index));
  // A refused set leaves a hole in this device's clientSeq, so the sets after it come back as `gap`.
  const appended = accepted.length > 0
    ? await store.appendSets(caller.team, caller.device, accepted)
    : { results: [], head: await store.head(caller.team), stored: 0, ciphertextsDropped: 0 };
  const fromStore = appended.results[Symbol.iterator]();
  const results = request.sets.map((set, index): PushResult => {
    const code = refused.get(index);
    return code ? { setId: set.setId, error: code } : (fromStore.next().value as PushResult);
  });
  return { results, head: appended.head, stored: appended.stored, ciphertextsDropped: appended.ciphertextsDropped };
};
