import { IDBFactory } from 'fake-indexeddb';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../core/audit/audit-log';
import { auditKeysFrom } from '../../core/audit/hash';
import { systemClock } from '../../core/clock';
import { openLocketDb } from '../../core/db/schema';
import { createHlc } from '../../core/hlc';
import { createIdFactory } from '../../core/ids';
import { openReplica } from '../../core/replica/open-replica';
import { createStore } from '../../core/store/store';
import { createIdentityStore } from '../../core/sync-account/identity-store';
import { createSyncAccount } from '../../core/sync-account/sync-account';
import { createTeamAccount } from '../../core/sync-account/team-account';
import { joinTeam } from '../../core/sync-account/team-join';
import { PullReplySchema } from '../../core/sync/protocol';
import { deviceWriter } from '../../core/team/name-directory';
import type { JoinStep } from '../../core/team/team-view';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import { createTeamApi } from '../../worker/team-api';
import { createTokenSource } from '../../worker/sync-token';
import { createRecordingBus } from '../unit/store/harness';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { fetchTransport } from './support/sync-profile';

let profiles = 0;

/** A browser profile: its database, store and replica (as the worker opens them), sync and team accounts, team calls. */
const createProfile = async () => {
  profiles += 1;
  const db = await openLocketDb(new IDBFactory(), `team-attribution-${profiles}`);
  const auditKeys = auditKeysFrom(new Uint8Array(32).fill(profiles));
  const audit = createAuditLog({ db, clock: systemClock, keys: async () => auditKeys });
  const codec = createAesGcmCodec(globalThis.crypto.getRandomValues(new Uint8Array(32)));
  const deps = { db, codec, audit, author: 'owner', clock: systemClock, transportFor: fetchTransport, pollMs: 20 };
  const installId = `install-${profiles}`;
  const storeDeps = {
    db, codec, clock: systemClock, newId: createIdFactory(systemClock), hlc: createHlc({ clock: systemClock, nodeId: installId }),
    deviceId: installId, author: 'owner', bus: createRecordingBus(), auditKeys,
  };
  const team = createTeamAccount(deps);
  const account = createSyncAccount({ ...deps, onDeviceAdded: async (token, device) => { await team.enrolDevice(token, device); } });
  const token = createTokenSource({ account, runner: null, transportFor: fetchTransport, clock: systemClock });
  const api = createTeamApi({
    team, token, clock: systemClock, identityChanged: async () => undefined, localDeviceId: installId,
    join: (request) => joinTeam({ ...deps, store: createIdentityStore(db, codec, audit, 'owner'), team }, request),
  });
  return { account, team, token, api, store: createStore(storeDeps), replica: openReplica(storeDeps) };
};
type Profile = Awaited<ReturnType<typeof createProfile>>;

const tokenOf = async (profile: Profile): Promise<string> => {
  const token = await profile.token();
  if (!token.ok) throw new Error(`no session: ${JSON.stringify(token.error)}`);
  return token.value;
};

let requests = 0;
/** The profile's outbox, sealed by its device and pushed, as the engine's push does. */
const push = async (relay: TestRelay, profile: Profile): Promise<void> => {
  const [crypto, identity, entries] = await Promise.all([profile.account.crypto(), profile.account.identity(), profile.replica.pending(100)]);
  if (!crypto || !identity) throw new Error('not connected');
  const sets = await Promise.all(entries.map((entry) => crypto.seal(entry, identity.team)));
  requests += 1;
  const answer = await fetchTransport(relay.url).request('/v1/push', { token: await tokenOf(profile), body: { reqId: `push-${requests}`, sets } });
  expect(answer.status).toBe(200);
  const last = entries.at(-1);
  if (last) await profile.replica.acknowledge(last.clientSeq);
};

/** Everything new on the relay, verified against the devices and log read again, then applied, as the engine's pull does. */
const pull = async (relay: TestRelay, profile: Profile): Promise<void> => {
  const token = await tokenOf(profile);
  await Promise.all([profile.account.devices(token), profile.team.refresh(token)]);
  const since = (await profile.replica.cursor())?.seq ?? 0;
  const reply = v.parse(PullReplySchema, (await fetchTransport(relay.url).request('/v1/pull', { token, body: { since } })).body);
  const crypto = await profile.account.crypto();
  const opened = await Promise.all(reply.sets.map((set) => crypto!.open(set)));
  const last = reply.sets.at(-1);
  if (!last) return;
  expect(opened.every((set) => set !== null)).toBe(true);
  await profile.replica.applyRemote(opened.flatMap((set) => (set ? [set] : [])), { relayInstance: reply.relayInstance, seq: last.seq, setId: last.setId });
};

/** Who created and last changed `id`, as this profile's record detail would name them. */
const writers = async (profile: Profile, id: string) => {
  const [attribution, directory] = await Promise.all([profile.store.attribution(id), profile.api.nameDirectory()]);
  if (!directory.ok || !directory.value || !attribution?.created || !attribution.changed) throw new Error('no team or no attribution');
  return { created: deviceWriter(directory.value, attribution.created.by), changed: deviceWriter(directory.value, attribution.changed.by) };
};

describe('a team through the relay: each record names who created and last changed it', () => {
  let relay: TestRelay;
  let owner: Profile;
  let member: Profile;

  beforeEach(async () => {
    relay = await startTestRelay();
    owner = await createProfile();
    member = await createProfile();
  });
  afterEach(async () => { await relay.dispose(); });

  it('credits the owner\'s record from before sync and the member\'s edit to each by name on both devices, and a removed member still by name', async () => {
    const created = await owner.store.create('person', { firstName: 'Grace', lastName: 'Hopper' });
    if (!created.ok) throw new Error('refused');
    const id = created.value.id;
    expect((await owner.account.createAccount(relay.url, 'Laptop')).ok).toBe(true);
    expect((await owner.api.teamView()).ok).toBe(true);
    await owner.api.createRecoveryKey();
    const offer = await owner.api.inviteMember({ role: 'standard', canExport: false, expiresInDays: 7 });
    if (!offer.ok) throw new Error(JSON.stringify(offer.error));
    const steps: JoinStep[] = [];
    const joined = member.api.joinTeam(relay.url, offer.value.code, { name: 'Mia Wong', email: 'mia@example.com' }, 'Mia laptop', (step) => steps.push(step));
    for (let i = 0; i < 500 && steps.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const view = await owner.api.teamView();
    if (!view.ok || !view.value?.pendingJoins[0]) throw new Error('no join to confirm');
    expect((await owner.api.confirmJoin(view.value.pendingJoins[0].joinHash, true)).ok).toBe(true);
    expect((await joined).ok).toBe(true);

    await push(relay, owner);
    await pull(relay, member);
    const edited = await member.store.update(id, 'person', { jobTitle: 'Rear admiral' });
    expect(edited.ok).toBe(true);
    await push(relay, member);
    await pull(relay, owner);

    expect(await writers(owner, id)).toEqual({ created: { type: 'you' }, changed: { type: 'member', name: 'Mia Wong', removed: false } });
    expect(await writers(member, id)).toEqual({ created: { type: 'member', name: 'Laptop', removed: false }, changed: { type: 'you' } });

    // Removed, the member keeps their name on what they wrote.
    expect(await owner.api.removeMember(view.value.pendingJoins[0].member)).toEqual({ ok: true, value: undefined });
    expect((await writers(owner, id)).changed).toEqual({ type: 'member', name: 'Mia Wong', removed: true });
  });
});
