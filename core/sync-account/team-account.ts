/**
 * This device's side of its team (issue 13): the membership log read from the relay and
 * validated whole before anything in it is trusted, the keys it seals to this device, and
 * appending an entry built on the head (read again and rebuilt when another device appended
 * first). A team of one starts with this device's genesis, its epoch-1 key being the sync key
 * the account already encrypts with, so nothing synced before changes.
 */
import type { Clock } from '../clock';
import type { ValueCodec } from '../codec';
import type { LocketDatabase } from '../db/schema';
import { importDeviceKeys, type SyncDeviceKeys } from '../sync/device-keys';
import type { RelayTransport, SyncIdentity } from '../sync/ports';
import type { StoredSet } from '../sync/protocol';
import { admitEntry } from '../team/admit';
import { entryHash } from '../team/encoding';
import { buildAddDevice, buildGenesis } from '../team/build';
import { admitsSet } from '../team/receipt';
import { LogAppendReplySchema, LogPullReplySchema, type TeamDevice, type TeamEntry } from '../team/schemas';
import type { TeamState } from '../team/state';
import { validateLog } from '../team/validate';
import type { AuditDraft, AuditLog } from '../audit/audit-log';
import { readSettings } from '../settings/settings';
import { createIdentityStore, type SyncSecrets } from './identity-store';
import { createInviteSecrets } from './invite-secrets';
import { isStaleHead, problemOfRefusal, teamCall, teamFail, type TeamAnswer } from './team-calls';
import { cachedHead, cachedTeamState, keyringOf, type TeamKeyring } from './team-log-cache';
import { learnEntries } from './team-log-learn';

export interface TeamAccountDeps {
  readonly db: LocketDatabase;
  readonly codec: ValueCodec;
  readonly audit: AuditLog;
  readonly author: string;
  readonly clock: Clock;
  readonly transportFor: (relayUrl: string) => RelayTransport;
  /** Pause between two looks at whether an admin confirmed this device's join. */
  readonly pollMs?: number;
}

/** What an entry is built from: the validated log at its head, this device's keys and member, the team keys it holds. */
export interface TeamContext {
  readonly identity: SyncIdentity;
  readonly state: TeamState;
  /** The validated log `state` folds. */
  readonly entries: readonly TeamEntry[];
  readonly keys: SyncDeviceKeys;
  readonly secrets: SyncSecrets;
  readonly ring: TeamKeyring;
  /** This device's member. */
  readonly me: string;
}

/** Appends retried on a moved head: another device appending at the same moment is rare. */
const APPEND_ATTEMPTS = 4;

export const createTeamAccount = (deps: TeamAccountDeps) => {
  const store = createIdentityStore(deps.db, deps.codec, deps.audit, deps.author);
  /** The last log this device validated, for the engine's checks on receipt. */
  let latest: TeamState | null = null;

  const unlocked = async () => {
    const [identity, secrets] = await Promise.all([store.identity(), store.secrets()]);
    if (!identity || !secrets) return null;
    return { identity, secrets, keys: await importDeviceKeys(secrets.deviceKeys), transport: deps.transportFor(identity.relayUrl) };
  };

  /**
   * The whole log from the relay, validated against the head this device saw before; null while
   * the team has none. What it adds is cached with its audit entries, in one transaction each
   * (team-log-learn.ts); `ownDevice` tells this device's own acts from other admins'.
   */
  const readEntries = async (
    transport: RelayTransport, token: string, ownDevice: string,
  ): Promise<TeamAnswer<{ state: TeamState; entries: readonly TeamEntry[] } | null>> => {
    const entries: TeamEntry[] = [];
    for (let page = 0; page < 1000; page += 1) {
      const read = await teamCall(transport, '/v1/team/log', { token, body: { since: entries.length } }, LogPullReplySchema);
      if (!read.ok) return read;
      entries.push(...read.value.entries);
      if (read.value.entries.length === 0 || entries.length >= read.value.head.seq) break;
    }
    if (entries.length === 0) return { ok: true, value: null };
    const known = await cachedHead(deps.db);
    const validated = await validateLog(entries, { clock: deps.clock, ...(known ? { known } : {}) });
    if (!validated.ok) return teamFail({ type: 'log-refused', reason: validated.error.type });
    await learnEntries(deps, entries, ownDevice);
    latest = validated.value;
    return { ok: true, value: { state: validated.value, entries } };
  };

  const readLog = async (transport: RelayTransport, token: string, ownDevice: string): Promise<TeamAnswer<TeamState | null>> => {
    const read = await readEntries(transport, token, ownDevice);
    return read.ok ? { ok: true, value: read.value?.state ?? null } : read;
  };

  const contextOf = async (token: string): Promise<TeamAnswer<TeamContext | null>> => {
    const open = await unlocked();
    if (!open) return teamFail({ type: 'not-connected' });
    const read = await readEntries(open.transport, token, open.keys.signing.deviceId);
    if (!read.ok || !read.value) return read as TeamAnswer<null>;
    const { state, entries } = read.value;
    const me = state.devices.get(open.keys.signing.deviceId);
    const ring = await keyringOf(state, open.keys);
    if (!me || me.status !== 'active' || !ring) return teamFail({ type: 'not-in-team' });
    return { ok: true, value: { identity: open.identity, state, entries, keys: open.keys, secrets: open.secrets, ring, me: me.member } };
  };

  const append = (transport: RelayTransport, token: string, entry: TeamEntry) =>
    teamCall(transport, '/v1/team/append', { token, body: { entry } }, LogAppendReplySchema);

  /**
   * This device's team: its genesis first when the account has no log yet (a team of one). The
   * owner's profile is the name and email they gave this Locket; the device's name stands in
   * for a Locket that has no owner name.
   */
  const ensureTeam = async (token: string): Promise<TeamAnswer<TeamContext>> => {
    for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt += 1) {
      const context = await contextOf(token);
      if (!context.ok || context.value) return context as TeamAnswer<TeamContext>;
      const open = await unlocked();
      if (!open) return teamFail({ type: 'not-connected' });
      const { ownerName, ownerEmail } = await readSettings(deps.db, deps.codec);
      const profile = { name: ownerName || open.identity.deviceName, email: ownerEmail };
      const genesis = await buildGenesis(open.identity.team, open.keys, profile, deps.clock, open.secrets.syncKey);
      const appended = await append(open.transport, token, genesis.entry);
      if (!appended.ok && !isStaleHead(appended.error)) return appended;
    }
    return teamFail({ type: 'log-refused', reason: 'stale-head' });
  };

  /** Builds an entry on the head and appends it, rebuilding on a head that moved meanwhile; then reads the log again. */
  const change = async (
    token: string, build: (context: TeamContext) => Promise<TeamAnswer<TeamEntry>>,
  ): Promise<TeamAnswer<TeamContext>> => {
    for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt += 1) {
      const context = await ensureTeam(token);
      if (!context.ok) return context;
      const entry = await build(context.value);
      if (!entry.ok) return entry;
      // Refused here by the rules the relay and every device apply, before the relay is asked.
      const admitted = await admitEntry(context.value.state, entry.value, { now: deps.clock.now() });
      if (!admitted.ok) return teamFail(problemOfRefusal(admitted.error.type));
      const appended = await append(deps.transportFor(context.value.identity.relayUrl), token, entry.value);
      if (appended.ok) {
        // The relay took it where it was built: cached with its audit entry at once, in one transaction, even
        // where reading it back is refused (a two-factor rule this very entry made may hold this device).
        if (appended.value.hash === (await entryHash(entry.value))) {
          await learnEntries(deps, [...context.value.entries, entry.value], context.value.keys.signing.deviceId);
        }
        const after = await contextOf(token);
        return after.ok && after.value ? { ok: true, value: after.value } : context as TeamAnswer<TeamContext>;
      }
      if (!isStaleHead(appended.error)) return appended;
    }
    return teamFail({ type: 'log-refused', reason: 'stale-head' });
  };

  /** A device paired to this one's member gets the current key in the log, so every rotation seals to it too. */
  const enrolDevice = async (token: string, device: TeamDevice): Promise<TeamAnswer<void>> => {
    const enrolled = await change(token, async (context) => (context.state.devices.has(device.id)
      ? teamFail({ type: 'log-refused', reason: 'device-exists' })
      : { ok: true, value: await buildAddDevice(context.state, context.keys, context.ring.key, context.me, device, deps.clock) }));
    return enrolled.ok ? { ok: true, value: undefined } : enrolled;
  };

  return {
    unlocked,
    readLog,
    context: contextOf,
    ensureTeam,
    change,
    enrolDevice,
    /** The cached log, validated again: what the engine checks pulled sets against until the next read. */
    loadCached: async (): Promise<void> => { latest = await cachedTeamState(deps.db, deps.clock); },
    /** Reads the log again (a member added or removed since): the keys and checks follow it. */
    refresh: async (token: string): Promise<void> => {
      const open = await unlocked();
      if (open) await readLog(open.transport, token, open.keys.signing.deviceId);
    },
    /** core/team/receipt.ts over the last validated log; a device with no log yet is a team of one. */
    admits: (set: StoredSet): boolean => (latest ? admitsSet(latest, set) : true),
    latest: (): TeamState | null => latest,
    /** The secrets of invites this device made, kept to read who their joins say they are. */
    inviteSecrets: createInviteSecrets(deps.db, deps.codec),
    /** The audit entry of a team act the relay holds outside the log (a cancellation, a restore), by this Locket's owner. */
    recordAct: (draft: Omit<AuditDraft, 'by'>) => deps.audit.append({ ...draft, by: deps.author }),
  };
};

export type TeamAccount = ReturnType<typeof createTeamAccount>;
