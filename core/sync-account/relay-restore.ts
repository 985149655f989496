/**
 * Restoring onto a new device from the relay with the owner's printed recovery key (issue 14,
 * "restoring onto a new device from the relay is one screen"). The 16 words derive the recovery
 * device (core/team/recovery-key.ts); the relay names its team, the device signs a session, reads
 * and validates the whole membership log, and opens the team key sealed to it. Nothing is written
 * on this device until all of that has worked: wrong words, a wrong relay or words no team holds
 * are refused with nothing stored.
 *
 * Then the recovery device enrols this new device for its own member (the owner) with an
 * add-device entry. core/team/own-entry-rules.ts already lets any active device of a member sign
 * add-device for that member, and the recovery device is one of the owner's. That is safe because
 * whoever holds the words already opens every team key; the entry adds a device to the owner only
 * (no member, no role, no invite), is signed, hash-chained and shown to every device in the log,
 * and seals only the current key to the one device it names.
 *
 * This device stores its identity and keys with the audit entry "restored from the relay" in one
 * transaction; the sync engine then pulls every set through its usual path.
 */
import type { Clock } from '../clock';
import type { Result } from '../result';
import { generateSyncDeviceKeys, type SyncDeviceKeys } from '../sync/device-keys';
import { normaliseDeviceName, sealDeviceName } from '../sync/device-names';
import type { RelayTransport, SyncIdentity } from '../sync/ports';
import { DeviceListSchema } from '../sync/protocol';
import { addDeviceMessage, signBytes } from '../sync/signing';
import { toBase64Url } from '../security/base64url';
import * as v from 'valibot';
import { admitEntry } from '../team/admit';
import { buildAddDevice, teamDeviceOf } from '../team/build';
import { openProfile, type MemberProfile } from '../team/directory';
import { parseRecoveryWords, recoveryDeviceKeys } from '../team/recovery-key';
import { RECOVERY_TEAM_PATH, RecoveryTeamReplySchema } from '../team/recovery-protocol';
import { LogAppendReplySchema, LogPullReplySchema, type TeamEntry } from '../team/schemas';
import type { TeamState } from '../team/state';
import type { TeamProblem } from '../team/team-view';
import { validateLog } from '../team/validate';
import { knownDevicesOf, createIdentityStore } from './identity-store';
import { authenticate } from './relay-calls';
import type { SyncAccountDeps } from './sync-account';
import { isStaleHead, problemOfRefusal, teamCall } from './team-calls';
import { cacheEntries, keyringOf, type TeamKeyring } from './team-log-cache';

export type RelayRestoreProblem =
  | TeamProblem
  /** Not 16 words from the list: nothing was sent anywhere. */
  | { readonly type: 'bad-recovery-words' }
  /** This relay holds no team with an active recovery key made of these words. */
  | { readonly type: 'no-team-for-words' }
  | { readonly type: 'team-cancelled' };

export type RestoreAnswer<T> = Result<T, RelayRestoreProblem>;

const refused = (problem: RelayRestoreProblem): { readonly ok: false; readonly error: RelayRestoreProblem } => ({ ok: false, error: problem });

/** The recovery device signed in on its team: what a restore is built from. */
interface RecoveryAccess {
  readonly team: string;
  readonly keys: SyncDeviceKeys;
  readonly token: string;
  readonly entries: readonly TeamEntry[];
  readonly state: TeamState;
  readonly ring: TeamKeyring;
  /** The member the recovery key belongs to: the owner who printed it. */
  readonly member: string;
}

/** Appends retried on a moved head: another device appending at the same moment is rare. */
const APPEND_ATTEMPTS = 4;

/** Refusals that mean "these words are not a key of any team here", whatever step found out. */
const NOT_THIS_TEAM = new Set(['unknown_device', 'removed']);

const asRestoreProblem = (problem: TeamProblem): RelayRestoreProblem => {
  if (problem.type === 'removed') return { type: 'no-team-for-words' };
  if (problem.type === 'relay-refused' && problem.code === 'team_cancelled') return { type: 'team-cancelled' };
  if (problem.type === 'relay-refused' && NOT_THIS_TEAM.has(problem.code)) return { type: 'no-team-for-words' };
  return problem;
};

/** The whole log, read with `token` and validated as every device validates it. */
const readLog = async (transport: RelayTransport, token: string, clock: Clock): Promise<RestoreAnswer<{ entries: TeamEntry[]; state: TeamState }>> => {
  const entries: TeamEntry[] = [];
  for (let page = 0; page < 1000; page += 1) {
    const read = await teamCall(transport, '/v1/team/log', { token, body: { since: entries.length } }, LogPullReplySchema);
    if (!read.ok) return refused(asRestoreProblem(read.error));
    entries.push(...read.value.entries);
    if (read.value.entries.length === 0 || entries.length >= read.value.head.seq) break;
  }
  // A team that never wrote a log has no recovery key in it.
  if (entries.length === 0) return refused({ type: 'no-team-for-words' });
  const validated = await validateLog(entries, { clock });
  return validated.ok ? { ok: true, value: { entries, state: validated.value } } : refused({ type: 'log-refused', reason: validated.error.type });
};

/** Signs in as the device the words derive and opens its team's keys. Reads only: nothing is written anywhere. */
const openRecoveryAccess = async (transport: RelayTransport, words: readonly string[], clock: Clock): Promise<RestoreAnswer<RecoveryAccess>> => {
  const secret = parseRecoveryWords(words);
  if (!secret) return refused({ type: 'bad-recovery-words' });
  const keys = await recoveryDeviceKeys(secret);
  const found = await teamCall(transport, RECOVERY_TEAM_PATH, { body: { device: keys.signing.deviceId } }, RecoveryTeamReplySchema);
  if (!found.ok) return refused(asRestoreProblem(found.error));
  const { team } = found.value;
  if (!team) return refused({ type: 'no-team-for-words' });
  const session = await authenticate(transport, team, keys.signing, 'session');
  if (!session.ok) return refused(asRestoreProblem(session.error));
  const log = await readLog(transport, session.value.token, clock);
  if (!log.ok) return log;
  const device = log.value.state.devices.get(keys.signing.deviceId);
  const ring = await keyringOf(log.value.state, keys);
  // Only a recovery key counts: an ordinary device's keys never come from printed words.
  if (!device?.recovery || device.status !== 'active' || !ring) return refused({ type: 'no-team-for-words' });
  return { ok: true, value: { team, keys, token: session.value.token, ...log.value, ring, member: device.member } };
};

/** What the restore screen shows before anything is written: the team's owner, as the log's directory names them. */
export interface RelayRestorePreview {
  readonly owner: MemberProfile | null;
}

/** Checks the words against this relay without writing anything: the first half of the restore screen. */
export const previewRelayRestore = async (
  transport: RelayTransport, words: readonly string[], clock: Clock,
): Promise<RestoreAnswer<RelayRestorePreview>> => {
  const access = await openRecoveryAccess(transport, words, clock);
  if (!access.ok) return access;
  const { team, member, state, ring } = access.value;
  const sealed = state.members.get(member)?.profile;
  const key = sealed && ring.keys.get(sealed.epoch);
  return { ok: true, value: { owner: sealed && key ? await openProfile(team, member, sealed, key) : null } };
};

/**
 * What connecting sync needs, less the pairing mailbox's polling. A relay whose log was truncated
 * behind a snapshot answers the first pull `gone`, and the engine starts from the snapshot there
 * (core/sync/engine/round.ts), as for any device: the restore itself has no snapshot step.
 */
export type RelayRestoreDeps = Pick<SyncAccountDeps, 'db' | 'codec' | 'audit' | 'author' | 'clock' | 'transportFor'>;

export interface RelayRestoreRequest {
  readonly relayUrl: string;
  readonly words: readonly string[];
  readonly deviceName: string;
}

/**
 * The recovery device enrols `device` for its member: first on the relay's device list with its
 * name sealed (as pairing adds a device, so the owner's other devices list it by name), then in
 * the log with the team key sealed to it, rebuilt on a head that moved meanwhile.
 */
const enrolNewDevice = async (
  transport: RelayTransport, access: RecoveryAccess, device: SyncDeviceKeys, deviceName: string, clock: Clock,
): Promise<RestoreAnswer<void>> => {
  const publicKey = toBase64Url(device.signing.publicKey);
  const listed = await teamCall(transport, '/v1/devices/add', {
    token: access.token,
    body: {
      publicKey, label: await sealDeviceName(access.ring.key, access.team, device.signing.deviceId, deviceName),
      sig: await signBytes(access.keys.signing.privateKey, addDeviceMessage(access.team, access.keys.signing.deviceId, publicKey)),
    },
  }, v.object({ device: v.literal(device.signing.deviceId) }));
  if (!listed.ok) return refused(asRestoreProblem(listed.error));
  let current = access;
  for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt += 1) {
    const entry = await buildAddDevice(current.state, current.keys, current.ring.key, current.member, teamDeviceOf(device), clock);
    const admitted = await admitEntry(current.state, entry, { now: clock.now() });
    if (!admitted.ok) return refused(problemOfRefusal(admitted.error.type));
    const appended = await teamCall(transport, '/v1/team/append', { token: current.token, body: { entry } }, LogAppendReplySchema);
    if (appended.ok) return { ok: true, value: undefined };
    if (!isStaleHead(appended.error)) return refused(asRestoreProblem(appended.error));
    const again = await readLog(transport, current.token, clock);
    if (!again.ok) return again;
    const ring = await keyringOf(again.value.state, current.keys);
    if (!ring) return refused({ type: 'no-team-for-words' });
    current = { ...current, ...again.value, ring };
  }
  return refused({ type: 'log-refused', reason: 'stale-head' });
};

/**
 * The whole restore on a device whose vault exists and holds no sync identity: checks the words,
 * enrols a new device of the owner, and stores its identity with the audit entry. The records
 * come with the engine's first pull (and from the relay's snapshot, where it keeps one).
 */
export const restoreFromRelay = async (deps: RelayRestoreDeps, request: RelayRestoreRequest): Promise<RestoreAnswer<SyncIdentity>> => {
  const store = createIdentityStore(deps.db, deps.codec, deps.audit, deps.author);
  if (await store.identity()) return refused({ type: 'already-connected' });
  const transport = deps.transportFor(request.relayUrl);
  const access = await openRecoveryAccess(transport, request.words, deps.clock);
  if (!access.ok) return access;

  const { keys, exported } = await generateSyncDeviceKeys();
  const enrolled = await enrolNewDevice(transport, access.value, keys, request.deviceName, deps.clock);
  if (!enrolled.ok) return enrolled;
  // From here on this device speaks for itself: its own session, the log and the keys sealed to it.
  const session = await authenticate(transport, access.value.team, keys.signing, 'session');
  if (!session.ok) return refused(asRestoreProblem(session.error));
  const log = await readLog(transport, session.value.token, deps.clock);
  if (!log.ok) return log;
  const ring = await keyringOf(log.value.state, keys);
  if (!ring) return refused({ type: 'not-in-team' });
  const list = await teamCall(transport, '/v1/devices', { token: session.value.token }, DeviceListSchema);
  if (!list.ok) return refused(asRestoreProblem(list.error));

  const identity: SyncIdentity = {
    relayUrl: request.relayUrl, team: access.value.team, deviceId: keys.signing.deviceId,
    deviceName: normaliseDeviceName(request.deviceName), epoch: ring.epoch,
  };
  await store.commit(
    { identity: { identity, secrets: { deviceKeys: exported, syncKey: ring.key } }, devices: knownDevicesOf(list.value.devices) },
    { type: 'restored-from-relay', detail: { epoch: ring.epoch, logEntries: log.value.entries.length } },
  );
  await cacheEntries(deps.db, log.value.entries);
  return { ok: true, value: identity };
};
