/**
 * Team devices of the convergence model (issue 13): each a model device (model-devices.ts) whose
 * keys, checks on receipt and membership come from the real team code: its own sync account and
 * team account over its database, the worker's team api for invite, join, confirm and removal
 * (over a clean channel to the model relay; sync rounds keep their faults), and the engine's
 * round wired as the sync worker wires it (a set that does not open reads the device list and the
 * team's log again; pulled sets are judged by the log's roles).
 */
import type { ManualClock } from '../../../core/clock';
import { createManualClock } from '../../../core/clock';
import { createAuditLog } from '../../../core/audit/audit-log';
import { createIdentityStore, SYNC_IDENTITY_KEY } from '../../../core/sync-account/identity-store';
import { createSyncAccount } from '../../../core/sync-account/sync-account';
import { createTeamAccount, type TeamAccount } from '../../../core/sync-account/team-account';
import { joinTeam } from '../../../core/sync-account/team-join';
import type { SyncAccountPort, SyncCursor } from '../../../core/sync/ports';
import type { InviteRole, MemberRole } from '../../../core/team/roles';
import type { TeamImplementation } from '../../../worker/contract';
import { createTeamApi } from '../../../worker/team-api';
import { createTokenSource } from '../../../worker/sync-token';
import { device as replicaDevice, type Device } from '../../unit/replica/replica-harness';
import { cleanTransport, driveModelDevice, type DeviceSetup, type ModelDevice, type ModelNetwork } from './model-devices';
import type { ModelRelay } from './model-relay';
import { inviteAndJoin } from './team-engine-profile';

export const MODEL_RELAY_URL = 'https://relay.example';

export interface TeamModelDevice {
  readonly device: ModelDevice;
  readonly account: SyncAccountPort;
  readonly team: TeamAccount;
  readonly api: TeamImplementation;
  /** This device's session token over the clean channel. */
  readonly token: () => Promise<string>;
  readonly deviceId: string;
  readonly member: string;
  readonly role: MemberRole;
  /** Set when its member was removed: the relay's head then, and how far this device had pulled. */
  removal?: { readonly afterSeq: number; readonly cursor: SyncCursor | null };
  /** Sets this device forged so far (a read-only member bypassing its own role guard). */
  forged: number;
}

/** A fresh Locket on its own database: no sync identity yet, the team's accounts and api built over it. */
const freshLocket = async (world: ManualClock, relay: ModelRelay, setup: DeviceSetup) => {
  const clock = createManualClock(world.now() + setup.skewMs);
  const name = `device-${setup.index}`;
  const harness: Device = await replicaDevice(name, clock);
  await harness.db.delete('meta', SYNC_IDENTITY_KEY);
  const audit = createAuditLog({ db: harness.db, clock: world, keys: async () => harness.deps.auditKeys });
  // Membership acts are dated by the relay's clock: the log refuses entries further off than the drift limit.
  const deps = { db: harness.db, codec: harness.deps.codec, audit, author: name, clock: world, transportFor: () => cleanTransport(relay), pollMs: 1 };
  const team = createTeamAccount(deps);
  const account = createSyncAccount(deps);
  const tokens = createTokenSource({ account, runner: null, transportFor: deps.transportFor, clock: world });
  const api = createTeamApi({
    team, token: tokens, clock: world, identityChanged: async () => undefined,
    join: (request) => joinTeam({ ...deps, store: createIdentityStore(harness.db, deps.codec, audit, name), team }, request),
  });
  const token = async (): Promise<string> => {
    const opened = await tokens();
    if (!opened.ok) throw new Error(`${name} has no session: ${JSON.stringify(opened.error)}`);
    return opened.value;
  };
  return { clock, name, harness, team, account, api, token };
};
type FreshLocket = Awaited<ReturnType<typeof freshLocket>>;

/** Once connected: the device the engine's round syncs, sealing with the account's keys as the log gives them. */
const connected = async (
  locket: FreshLocket, relay: ModelRelay, network: ModelNetwork, setup: DeviceSetup, member: string, role: MemberRole,
): Promise<TeamModelDevice> => {
  const [identity, crypto] = await Promise.all([locket.account.identity(), locket.account.crypto()]);
  if (!identity || !crypto) throw new Error(`${locket.name} did not connect`);
  await locket.team.loadCached();
  const { account, team } = locket;
  const device = driveModelDevice(locket.harness, locket.name, crypto, identity.team, locket.clock, relay, network, setup.faults, {
    refreshSigners: async (token) => { await Promise.all([account.devices(token), team.refresh(token)]); },
    admits: team.admits,
  });
  return { device, account, team, api: locket.api, token: locket.token, deviceId: identity.deviceId, member, role, forged: 0 };
};

/** The owner's Locket connects, its team of one begins, and it prints a recovery key (asked for before the first invite). */
export const createTeamOwner = async (world: ManualClock, relay: ModelRelay, network: ModelNetwork, setup: DeviceSetup): Promise<TeamModelDevice> => {
  const locket = await freshLocket(world, relay, setup);
  const created = await locket.account.createAccount(MODEL_RELAY_URL, 'Owner');
  if (!created.ok) throw new Error(`The owner could not connect: ${JSON.stringify(created.error)}`);
  const recovery = await locket.api.createRecoveryKey();
  if (!recovery.ok) throw new Error(`No recovery key: ${JSON.stringify(recovery.error)}`);
  const view = await locket.api.teamView();
  const me = view.ok ? view.value?.members.find((member) => member.thisMember)?.member : undefined;
  if (!me) throw new Error('The owner is no member of its own team');
  return connected(locket, relay, network, setup, me, 'owner');
};

/** `inviter` invites a member with `role`; a new Locket joins with the code and the inviter confirms on the same words. */
export const addTeamMember = async (
  world: ManualClock, relay: ModelRelay, network: ModelNetwork, setup: DeviceSetup, inviter: TeamModelDevice, role: InviteRole,
): Promise<TeamModelDevice> => {
  const locket = await freshLocket(world, relay, setup);
  const member = await inviteAndJoin(MODEL_RELAY_URL, inviter, locket, role, locket.name);
  return connected(locket, relay, network, setup, member, role);
};
