/**
 * The one-time secrets of invites this device made, kept so the pending join they bring can be
 * named (core/team/join-claim.ts): sealed under the account key by the codec like the sync
 * identity's secrets, one `meta` row per invite, bound to its invite id. A secret is forgotten as
 * soon as it has nothing left to open: its join was confirmed or declined, or the invite was
 * revoked or expired without one. Other admins' devices never hold it and show no claimed name.
 */
import * as v from 'valibot';
import type { EncodedValue, ValueCodec } from '../codec';
import type { LocketDatabase } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { fromBase64Url, toBase64Url } from '../security/base64url';
import type { TeamState } from '../team/state';
import type { Bytes } from '../vault/types';

const PREFIX = 'team-invite-secret/';
const keyOf = (inviteId: string): string => `${PREFIX}${inviteId}`;
const secretAad = (inviteId: string): string => `locket/team/invite-secret/${inviteId}`;
const everyRow = (): IDBKeyRange => IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`);

const RowSchema = v.object({ inviteId: v.string(), expiresAt: v.number(), secret: v.unknown() });

/**
 * Whether a secret can still open anything: its invite waits for a join, or its join waits for an
 * admin. An invite the state does not hold yet (read before it was appended) keeps its secret until the invite's expiry.
 */
const stillNeeded = (state: TeamState, row: { inviteId: string; expiresAt: number }, now: number): boolean => {
  const invite = state.invites.get(row.inviteId);
  if (!invite) return now <= row.expiresAt;
  if (invite.revoked) return false;
  if (invite.usedBy === null) return now <= invite.expiresAt;
  return [...state.devices.values()].some((device) => device.joinHash === invite.usedBy && device.status === 'pending');
};

export const createInviteSecrets = (db: LocketDatabase, codec: ValueCodec) => ({
  remember: async (inviteId: string, secret: Bytes, expiresAt: number): Promise<void> => {
    const sealed = await codec.encode(toBase64Url(secret), secretAad(inviteId));
    await db.put('meta', { inviteId, expiresAt, secret: sealed }, keyOf(inviteId));
  },

  /** Every secret this device holds that still opens, by invite id. */
  held: async (): Promise<Map<string, Bytes>> => {
    const held = new Map<string, Bytes>();
    for (const row of await db.getAll('meta', everyRow())) {
      const parsed = v.safeParse(RowSchema, row);
      if (!parsed.success) continue;
      try {
        const text = await codec.decode(parsed.output.secret as EncodedValue, secretAad(parsed.output.inviteId));
        const secret = typeof text === 'string' ? fromBase64Url(text) : null;
        if (secret) held.set(parsed.output.inviteId, secret);
      } catch {
        // Sealed under another account key, or altered: as if this device had never held it.
      }
    }
    return held;
  },

  /** Drops the secrets the validated log says are spent; what is forgotten is not written anywhere. */
  forgetSpent: async (state: TeamState, now: number): Promise<void> => {
    const read = db.transaction('meta').store;
    const [keys, rows] = await Promise.all([read.getAllKeys(everyRow()), read.getAll(everyRow())]);
    // A row that does not parse opens nothing either: it goes too.
    const spent = keys.filter((_key, index) => {
      const parsed = v.safeParse(RowSchema, rows[index]);
      return !parsed.success || !stillNeeded(state, parsed.output, now);
    });
    if (spent.length > 0) await writeTransaction(db, ['meta'], async (tx) => { await Promise.all(spent.map((key) => tx.objectStore('meta').delete(key))); });
  },
});

export type InviteSecrets = ReturnType<typeof createInviteSecrets>;
