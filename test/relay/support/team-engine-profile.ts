/**
 * Browser profiles of one team for relay tests, over the real worker team api: each with its own
 * database, account key, sync account and team account, talking to the relay over fetch and a
 * real WebSocket (so the relay's pokes reach it). The owner invites, the invitee joins, the owner
 * confirms once both see the same words: the path a user takes through the Team page.
 */
import { IDBFactory } from 'fake-indexeddb';
import { createAuditLog } from '../../../core/audit/audit-log';
import { auditKeysFrom } from '../../../core/audit/hash';
import { systemClock } from '../../../core/clock';
import { openLocketDb } from '../../../core/db/schema';
import { createSyncEngine, type SyncEngine } from '../../../core/sync/engine/engine';
import { createIdentityStore } from '../../../core/sync-account/identity-store';
import { createSyncAccount } from '../../../core/sync-account/sync-account';
import { createTeamAccount } from '../../../core/sync-account/team-account';
import { joinTeam } from '../../../core/sync-account/team-join';
import type { InviteRole } from '../../../core/team/roles';
import type { JoinStep } from '../../../core/team/team-view';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { createTeamApi } from '../../../worker/team-api';
import { createTokenSource } from '../../../worker/sync-token';
import type { TeamImplementation } from '../../../worker/contract';
import { createSwitchableTransport, createTestReplica, type TestReplica } from './sync-test-deps';

let profiles = 0;

export const createTeamProfile = async () => {
  profiles += 1;
  const db = await openLocketDb(new IDBFactory(), `team-profile-${profiles}`);
  const audit = createAuditLog({ db, clock: systemClock, keys: async () => auditKeysFrom(new Uint8Array(32).fill(profiles)) });
  const deps = {
    db, audit, author: 'owner', clock: systemClock, transportFor: createSwitchableTransport, pollMs: 20,
    codec: createAesGcmCodec(globalThis.crypto.getRandomValues(new Uint8Array(32))),
  };
  const team = createTeamAccount(deps);
  const account = createSyncAccount({ ...deps, onDeviceAdded: async (token, device) => { await team.enrolDevice(token, device); } });
  const token = createTokenSource({ account, runner: null, transportFor: createSwitchableTransport, clock: systemClock });
  const api = createTeamApi({
    team, token, clock: systemClock, identityChanged: async () => undefined,
    join: (request) => joinTeam({ ...deps, store: createIdentityStore(db, deps.codec, audit, 'owner'), team }, request),
  });
  /** The engine as the sync worker builds it (worker/sync-worker.ts), over an in-memory replica. */
  const engine = async (): Promise<{ engine: SyncEngine; replica: TestReplica }> => {
    const [identity, crypto] = await Promise.all([account.identity(), account.crypto()]);
    if (!identity || !crypto) throw new Error('This profile is not connected');
    await team.loadCached();
    const replica = createTestReplica(identity.deviceId);
    return {
      replica,
      engine: createSyncEngine({
        transport: createSwitchableTransport(identity.relayUrl), replica, crypto, team: identity.team, clock: systemClock,
        random: Math.random, changes: replica.bus, admits: team.admits,
        refreshSigners: async (session) => { await Promise.all([account.devices(session), team.refresh(session)]); },
      }),
    };
  };
  /** A session token of this profile's device, the way the team api opens one. */
  const session = async (): Promise<string> => {
    const opened = await token();
    if (!opened.ok) throw new Error(`No session: ${JSON.stringify(opened.error)}`);
    return opened.value;
  };
  return { db, account, team, api, engine, session };
};
export type TeamProfile = Awaited<ReturnType<typeof createTeamProfile>>;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `owner` invites with `role`; `joiner` joins, the owner confirms on the same words. Resolves with the new member's id. */
export const inviteAndJoin = async (
  relayUrl: string, owner: { readonly api: TeamImplementation }, joiner: { readonly api: TeamImplementation }, role: InviteRole, name: string,
): Promise<string> => {
  const offer = await owner.api.inviteMember({ role, canExport: false, expiresInDays: 7 });
  if (!offer.ok) throw new Error(`No invite: ${JSON.stringify(offer.error)}`);
  const steps: JoinStep[] = [];
  const joined = joiner.api.joinTeam(relayUrl, offer.value.code, { name, email: '' }, name, (step) => steps.push(step));
  for (let i = 0; i < 500 && steps.length === 0; i += 1) await pause(20);
  const view = await owner.api.teamView();
  const pending = view.ok ? view.value?.pendingJoins[0] : undefined;
  const waiting = steps[0];
  if (!pending || waiting?.phase !== 'waiting-for-confirmation' || waiting.words.join() !== pending.words.join()) {
    throw new Error(`No join to confirm: ${JSON.stringify({ steps, view })}`);
  }
  const confirmed = await owner.api.confirmJoin(pending.joinHash, true);
  const outcome = await joined;
  if (!confirmed.ok || !outcome.ok) throw new Error(`The join did not complete: ${JSON.stringify({ confirmed, outcome })}`);
  return pending.member;
};
