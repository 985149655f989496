/**
 * Recent logins across a team (issue 13), device to relay to device: a member's unlocks leave its
 * device sealed after a sync round (and wait when the relay cannot be reached), and the owner reads
 * them with every device's relay sessions, named by the membership log; the member reads nothing
 * of the others.
 */
import { IDBFactory } from 'fake-indexeddb';
import * as v from 'valibot';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAuditLog } from '../../core/audit/audit-log';
import { auditKeysFrom } from '../../core/audit/hash';
import { systemClock } from '../../core/clock';
import { openLocketDb } from '../../core/db/schema';
import { createIdFactory } from '../../core/ids';
import { createLoginLog } from '../../core/security/login-log';
import { createIdentityStore } from '../../core/sync-account/identity-store';
import { createSyncAccount } from '../../core/sync-account/sync-account';
import { createTeamAccount, type TeamAccount } from '../../core/sync-account/team-account';
import { joinTeam } from '../../core/sync-account/team-join';
import { StoredUnlocksReplySchema } from '../../core/team/member-logins-protocol';
import type { JoinStep } from '../../core/team/team-view';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import { createTokenSource } from '../../worker/sync-token';
import { createTeamApi } from '../../worker/team-api';
import { createUnlockReporter } from '../../worker/unlock-reports';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { fetchTransport } from './support/sync-profile';

let profiles = 0;

const createProfile = async () => {
  profiles += 1;
  const db = await openLocketDb(new IDBFactory(), `member-logins-${profiles}`);
  const audit = createAuditLog({ db, clock: systemClock, keys: async () => auditKeysFrom(new Uint8Array(32).fill(profiles)) });
  const deps = {
    db, audit, author: 'owner', clock: systemClock, transportFor: fetchTransport, pollMs: 20,
    codec: createAesGcmCodec(globalThis.crypto.getRandomValues(new Uint8Array(32))),
  };
  const team = createTeamAccount(deps);
  const account = createSyncAccount({ ...deps, onDeviceAdded: async (token, device) => { await team.enrolDevice(token, device); } });
  const token = createTokenSource({ account, runner: null, transportFor: fetchTransport, clock: systemClock });
  const api = createTeamApi({
    team, token, clock: systemClock, identityChanged: async () => undefined,
    join: (request) => joinTeam({ ...deps, store: createIdentityStore(db, deps.codec, audit, 'owner'), team }, request),
  });
  const logins = createLoginLog(db, systemClock, createIdFactory(systemClock));
  const sessionToken = async (): Promise<string> => {
    const answer = await token();
    if (!answer.ok) throw new Error(`no session: ${JSON.stringify(answer.error)}`);
    return answer.value;
  };
  return { db, account, team, api, logins, sessionToken };
};
type Profile = Awaited<ReturnType<typeof createProfile>>;

const unlocked = (profile: Profile, outcome: 'success' | 'failure' = 'success') =>
  profile.logins.record({ outcome, factors: ['password'], keyName: null, reason: '', client: 'Chromium on Linux', user: 'owner' });

/** The same team account, its relay out of reach. */
const offline = (team: TeamAccount): TeamAccount => ({
  ...team,
  unlocked: async () => {
    const open = await team.unlocked();
    return open && { ...open, transport: { ...open.transport, request: async () => { throw new TypeError('Failed to fetch'); } } };
  },
});

let relay: TestRelay;
let owner: Profile;
let member: Profile;

beforeEach(async () => {
  relay = await startTestRelay();
  owner = await createProfile();
  member = await createProfile();
  expect((await owner.account.createAccount(relay.url, 'Laptop')).ok).toBe(true);
  expect((await owner.api.createRecoveryKey()).ok).toBe(true);
});
afterEach(async () => { await relay.dispose(); });

/** The member joins as `role`; the owner confirms. */
const joinAs = async (role: 'standard' | 'admin'): Promise<string> => {
  const offer = await owner.api.inviteMember({ role, canExport: false, expiresInDays: 7 });
  if (!offer.ok) throw new Error(JSON.stringify(offer.error));
  const steps: JoinStep[] = [];
  const joined = member.api.joinTeam(relay.url, offer.value.code, { name: 'Mia', email: '' }, 'Mia laptop', (step) => steps.push(step));
  for (let i = 0; i < 500 && steps.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  const view = await owner.api.teamView();
  const pending = view.ok ? view.value?.pendingJoins[0] : undefined;
  if (!pending) throw new Error('no pending join');
  expect(await owner.api.confirmJoin(pending.joinHash, true)).toEqual({ ok: true, value: undefined });
  expect((await joined).ok).toBe(true);
  return pending.member;
};

const storedUnlocks = async (): Promise<number> => {
  const answer = await fetchTransport(relay.url).request('/v1/team/unlocks', { token: await owner.sessionToken() });
  return v.parse(StoredUnlocksReplySchema, answer.body).unlocks.length;
};

it('reports a member\'s unlocks after a round, once each, and shows them to the owner with every device\'s relay sessions', async () => {
  const mia = await joinAs('standard');
  const first = await unlocked(member);
  await unlocked(member, 'failure');
  const token = await member.sessionToken();
  await member.team.refresh(token);
  const reporter = createUnlockReporter({ db: member.db, clock: systemClock, team: member.team });
  await reporter.flush(token);
  await reporter.flush(token);
  expect(await storedUnlocks()).toBe(1);

  const seen = await owner.api.memberLogins();
  if (!seen.ok || !seen.value) throw new Error(`owner sees no rows: ${JSON.stringify(seen)}`);
  const ownerView = await owner.api.teamView();
  const ownerMember = ownerView.ok ? ownerView.value?.me : undefined;
  expect(seen.value.filter((row) => row.kind === 'unlock')).toEqual([
    { device: expect.any(String), member: mia, at: first.at, kind: 'unlock', twoFactorVerified: false },
  ]);
  const sessionsOf = new Set(seen.value.filter((row) => row.kind === 'session').map((row) => row.member));
  expect(sessionsOf).toEqual(new Set([ownerMember, mia]));

  // A standard member sees only this device's own logins: no rows from the relay.
  expect(await member.api.memberLogins()).toEqual({ ok: true, value: null });
});

it('keeps an unlock made while the relay is out of reach and reports it on the next session', async () => {
  await joinAs('admin');
  const token = await member.sessionToken();
  await member.team.refresh(token);
  const away = await unlocked(member);
  await createUnlockReporter({ db: member.db, clock: systemClock, team: offline(member.team) }).flush(token);
  expect(await storedUnlocks()).toBe(0);

  await createUnlockReporter({ db: member.db, clock: systemClock, team: member.team }).flush(await member.sessionToken());
  expect(await storedUnlocks()).toBe(1);
  // An admin reads the team's logins too.
  const seen = await member.api.memberLogins();
  expect(seen.ok && seen.value?.filter((row) => row.kind === 'unlock').map((row) => row.at)).toEqual([away.at]);
});
