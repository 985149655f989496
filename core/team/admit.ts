/**
 * Admitting one entry onto a validated state: the chain, the clock, the signature, then the rules
 * of its type (core/team/entry-rules.ts). The relay runs this before it appends; every device runs
 * it over the whole log (core/team/validate.ts). Nothing here trusts the relay.
 */
import type { Result } from '../result';
import { fromBase64Url } from '../security/base64url';
import { deviceIdFromPublicKey, verifyBytes } from '../sync/signing';
import { DEFAULT_MAX_DRIFT_MS } from '../hlc';
import { entryHash, entrySigningBytes } from './encoding';
import { applyBody } from './entry-rules';
import { refusal, type LogRefusal } from './refusals';
import type { TeamEntry } from './schemas';
import type { TeamState } from './state';

export interface AdmitOptions {
  /** From the caller's injected clock: an entry dated further ahead than `maxDriftMs` is refused. */
  readonly now: number;
  readonly maxDriftMs?: number;
  /**
   * The relay appending a new entry also refuses one dated more than `maxDriftMs` in the past, so
   * nobody backdates a join to before an invite's expiry. Replaying history cannot check this.
   */
  readonly fresh?: boolean;
}

export type Admitted = Result<TeamState, LogRefusal>;

const refuse = (error: LogRefusal): Admitted => ({ ok: false, error });

const verifies = (publicKey: string, sig: string, entry: TeamEntry): Promise<boolean> => {
  const key = fromBase64Url(publicKey);
  return key ? verifyBytes(key, sig, entrySigningBytes(entry)) : Promise.resolve(false);
};

const admitGenesis = async (entry: TeamEntry, hash: string): Promise<Admitted> => {
  const { body } = entry;
  if (body.type !== 'genesis' || entry.seq !== 1 || entry.prev !== null) return refuse(refusal('bad-genesis', entry.seq, 'the log starts with one genesis'));
  const signPub = fromBase64Url(body.device.signPub);
  if (!signPub || entry.signer !== body.device.id || (await deviceIdFromPublicKey(signPub)) !== body.device.id) {
    return refuse(refusal('bad-genesis', 1, 'the genesis is signed by the device it names'));
  }
  if (!(await verifies(body.device.signPub, entry.sig, entry))) return refuse(refusal('forged-signature', 1));
  if (body.keys.epoch !== 1 || body.keys.sealed.length !== 1 || body.keys.sealed[0]?.device !== body.device.id || body.profile.epoch !== 1) {
    return refuse(refusal('key-grant', 1, 'the genesis seals epoch 1 to its own device'));
  }
  const member = { member: body.member, role: 'owner' as const, highestRole: 'owner' as const, canExport: true, status: 'active' as const, profile: body.profile };
  return {
    ok: true,
    value: {
      team: entry.team, head: { seq: 1, hash, at: entry.at }, epoch: 1, owner: body.member, twoFactorRequired: false,
      members: new Map([[body.member, member]]),
      devices: new Map([[body.device.id, { device: body.device, member: body.member, status: 'active' as const }]]),
      invites: new Map(), keys: [{ epoch: 1, sealed: body.keys.sealed }],
    },
  };
};

const checkChain = (state: TeamState, entry: TeamEntry, options: AdmitOptions): LogRefusal | undefined => {
  const { seq } = entry;
  if (entry.team !== state.team) return refusal('wrong-team', seq);
  if (entry.body.type === 'genesis') return refusal('bad-genesis', seq, 'a second genesis');
  if (seq <= state.head.seq) return refusal('stale-head', seq, `built on entry ${seq - 1}, the head is ${state.head.seq}`);
  if (seq > state.head.seq + 1) return refusal('broken-chain', seq, `entry ${state.head.seq + 1} is missing`);
  if (entry.prev !== state.head.hash) return refusal('fork', seq, `follows another entry ${state.head.seq}`);
  const drift = options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;
  if (entry.at < state.head.at) return refusal('clock', seq, 'dated before the entry it follows');
  if (entry.at > options.now + drift) return refusal('clock', seq, 'dated in the future');
  if (options.fresh && entry.at < options.now - drift) return refusal('clock', seq, 'dated in the past');
  return undefined;
};

/** The signing device's key, and whether it may sign at all: a joining device signs with the key its join names. */
const signerKey = (state: TeamState, entry: TeamEntry): string | LogRefusal => {
  if (entry.body.type === 'join') return entry.body.device.signPub;
  const device = state.devices.get(entry.signer);
  if (!device || device.status === 'pending') return refusal('unknown-signer', entry.seq);
  if (device.status === 'removed' || state.members.get(device.member)?.status !== 'active') return refusal('signer-removed', entry.seq);
  return device.device.signPub;
};

/** The state with `entry` appended, or why it may not be. */
export const admitEntry = async (state: TeamState | null, entry: TeamEntry, options: AdmitOptions): Promise<Admitted> => {
  const hash = await entryHash(entry);
  if (!state) return admitGenesis(entry, hash);
  const broken = checkChain(state, entry, options);
  if (broken) return refuse(broken);
  const key = signerKey(state, entry);
  if (typeof key !== 'string') return refuse(key);
  if (!(await verifies(key, entry.sig, entry))) return refuse(refusal('forged-signature', entry.seq));
  const applied = await applyBody(state, entry, hash);
  if (!applied.ok) return applied;
  return { ok: true, value: { ...applied.value, head: { seq: entry.seq, hash, at: entry.at } } };
};
