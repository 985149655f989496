import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHlc, formatHlc } from '../../core/hlc';
import { systemClock } from '../../core/clock';
import { createIdentityStore } from '../../core/sync-account/identity-store';
import { keyringOf } from '../../core/sync-account/team-log-cache';
import { parseRecoveryWords, recoveryDeviceKeys } from '../../core/team/recovery-key';
import { joinTeam } from '../../core/sync-account/team-join';
import { writeSettings } from '../../core/settings/settings';
import { PullReplySchema, type StoredSet } from '../../core/sync/protocol';
import type { JoinStep } from '../../core/team/team-view';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { fetchTransport } from './support/sync-profile';
import { createTeamProfile, type TeamProfile } from './support/team-profile';

const tokenOf = async (profile: TeamProfile): Promise<string> => {
  const token = await profile.token();
  if (!token.ok) throw new Error(`no session: ${JSON.stringify(token.error)}`);
  return token.value;
};

let writes = 0;
/** One set sealed by the profile's engine crypto and pushed through the relay. */
const push = async (relay: TestRelay, profile: TeamProfile, name: string, clientSeq: number, prevSetId: string | null) => {
  const crypto = await profile.account.crypto();
  const identity = await profile.account.identity();
  if (!crypto || !identity) throw new Error('not connected');
  writes += 1;
  const set = {
    setId: formatHlc({ wallMs: Date.now(), counter: writes, nodeId: identity.deviceId }), deviceId: identity.deviceId, author: 'me',
    items: [{ recordId: `p${writes}`, kind: 'person', op: 'create' as const, body: { changed: ['name'], values: { name } } }],
  };
  const envelope = await crypto.seal({ clientSeq, prevSetId, set }, identity.team);
  const answer = await fetchTransport(relay.url).request('/v1/push', { token: await tokenOf(profile), body: { reqId: `r${writes}`, sets: [envelope] } });
  return { answer, setId: set.setId };
};

const pull = async (relay: TestRelay, profile: TeamProfile): Promise<StoredSet[]> => {
  const answer = await fetchTransport(relay.url).request('/v1/pull', { token: await tokenOf(profile), body: { since: 0 } });
  return v.parse(PullReplySchema, answer.body).sets;
};

/** Opens sets as the engine does after it read the device list and the log again (its refreshSigners). */
const names = async (profile: TeamProfile, sets: readonly StoredSet[]) => {
  const token = await tokenOf(profile);
  await Promise.all([profile.account.devices(token), profile.team.refresh(token)]);
  const crypto = await profile.account.crypto();
  const opened = await Promise.all(sets.map((set) => crypto!.open(set)));
  return opened.map((set) => (set ? set.items[0]?.body?.values['name'] : null));
};

describe('a team through the relay: invite, join, confirm, roles, removal', () => {
  let relay: TestRelay;
  let owner: TeamProfile;
  let member: TeamProfile;

  beforeEach(async () => {
    relay = await startTestRelay();
    owner = await createTeamProfile();
    member = await createTeamProfile();
    expect((await owner.account.createAccount(relay.url, 'Laptop')).ok).toBe(true);
  });
  afterEach(async () => { await relay.dispose(); });

  /** The member joins with `code`; the owner confirms when both see the same words. */
  const joinAndConfirm = async (code: string, same = true) => {
    const steps: JoinStep[] = [];
    const joined = member.api.joinTeam(relay.url, code, { name: 'Mia', email: 'mia@example.com' }, 'Mia laptop', (step) => steps.push(step));
    for (let i = 0; i < 500 && steps.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const view = await owner.api.teamView();
    if (!view.ok || !view.value) throw new Error('no team view');
    const pending = view.value.pendingJoins[0]!;
    const waiting = steps[0];
    expect(waiting?.phase).toBe('waiting-for-confirmation');
    if (waiting?.phase === 'waiting-for-confirmation') expect(pending.words).toEqual(waiting.words);
    expect(await owner.api.confirmJoin(pending.joinHash, same)).toEqual({ ok: true, value: undefined });
    return { outcome: await joined, steps, member: pending.member };
  };

  it('makes a team of one, asks for recovery before the first invite, and a confirmed member syncs with the owner', async () => {
    const first = await owner.api.teamView();
    expect(first.ok && first.value).toMatchObject({ myRole: 'owner', epoch: 1, recoveryReady: false, members: [{ role: 'owner', thisMember: true }] });
    // Sets the owner pushed before the team existed and after open alike: the sync key is the team's first key.
    expect((await push(relay, owner, 'Ada', 1, null)).answer.status).toBe(200);

    const invite = { role: 'standard' as const, canExport: false, expiresInDays: 7 };
    expect(await owner.api.inviteMember(invite)).toEqual({ ok: false, error: { type: 'needs-recovery' } });
    const recovery = await owner.api.createRecoveryKey();
    expect(recovery.ok && recovery.value.words).toHaveLength(16);
    const offer = await owner.api.inviteMember(invite);
    if (!offer.ok) throw new Error(JSON.stringify(offer.error));

    const { outcome, steps } = await joinAndConfirm(offer.value.code);
    expect(outcome).toEqual({ ok: true, value: undefined });
    expect(steps.map((step) => step.phase)).toEqual(['waiting-for-confirmation', 'confirmed']);

    const view = await owner.api.teamView();
    expect(view.ok && view.value?.members.map((m) => [m.name, m.email, m.role, m.status])).toEqual([
      ['Laptop', '', 'owner', 'active'], ['Mia', 'mia@example.com', 'standard', 'active'],
    ]);
    const mine = await member.api.teamView();
    expect(mine.ok && mine.value).toMatchObject({ myRole: 'standard', canExport: false });

    expect((await push(relay, member, 'Grace', 1, null)).answer.status).toBe(200);
    expect(await names(owner, await pull(relay, owner))).toEqual(['Ada', 'Grace']);
    expect(await names(member, await pull(relay, member))).toEqual(['Ada', 'Grace']);

    // The same code again: the invite is spent.
    const again = await createTeamProfile();
    const reused = await again.api.joinTeam(relay.url, offer.value.code, { name: 'Eve', email: '' }, 'Eve', () => undefined);
    expect(reused).toEqual({ ok: false, error: { type: 'invite-used' } });
  });

  it('names the owner of a team of one with the name and email they gave this Locket, not the device\'s name', async () => {
    const device = { deviceId: 'laptop', hlc: createHlc({ clock: systemClock, nodeId: 'laptop' }) };
    const saved = await writeSettings({ ...owner.deps, ...device }, { ownerName: 'Maria Schmidt', ownerEmail: 'maria@example.com' }, async () => null);
    expect(saved.ok).toBe(true);
    const view = await owner.api.teamView();
    expect(view.ok && view.value?.members.map((m) => [m.name, m.email, m.role])).toEqual([['Maria Schmidt', 'maria@example.com', 'owner']]);
  });

  it('refuses a read-only member\'s push, and a removal rotates the key so the removed device opens nothing after it', async () => {
    await owner.api.createRecoveryKey();
    const offer = await owner.api.inviteMember({ role: 'read-only', canExport: false, expiresInDays: 7 });
    if (!offer.ok) throw new Error(JSON.stringify(offer.error));
    const joined = await joinAndConfirm(offer.value.code);
    expect(joined.outcome.ok).toBe(true);

    const refused = await push(relay, member, 'Forged', 1, null);
    expect(refused.answer.body).toMatchObject({ results: [{ setId: refused.setId, error: 'role_forbidden' }] });

    const memberCrypto = await member.account.crypto();
    expect((await push(relay, owner, 'Before', 1, null)).answer.status).toBe(200);
    expect(await owner.api.removeMember(joined.member)).toEqual({ ok: true, value: undefined });
    const after = await owner.api.teamView();
    expect(after.ok && after.value?.epoch).toBe(2);
    const afterSet = await push(relay, owner, 'After', 2, (await pull(relay, owner))[0]!.setId);
    expect(afterSet.answer.status).toBe(200);

    const sets = await pull(relay, owner);
    expect(sets.map((set) => set.epoch)).toEqual([1, 2]);
    expect(await names(owner, sets)).toEqual(['Before', 'After']);
    // What the removed device held opens the set from before its removal, not the one after.
    expect(await Promise.all(sets.map(async (set) => (await memberCrypto!.open(set))?.items[0]?.body?.values['name'] ?? null))).toEqual(['Before', null]);
    expect(await member.token()).toEqual({ ok: false, error: { type: 'removed' } });
  });

  it('refuses a join with an expired invite, with the reason', async () => {
    await owner.api.createRecoveryKey();
    const offer = await owner.api.inviteMember({ role: 'standard', canExport: false, expiresInDays: 1 });
    if (!offer.ok) throw new Error(JSON.stringify(offer.error));
    const late = { now: () => Date.now() + 2 * 24 * 60 * 60 * 1000 };
    const expired = await joinTeam(
      { ...member.deps, clock: late, store: createIdentityStore(member.db, member.deps.codec, member.deps.audit, 'owner'), team: member.team },
      { relayUrl: relay.url, code: offer.value.code, profile: { name: 'Late', email: '' }, deviceName: 'Late', onStep: () => undefined },
    );
    expect(expired).toEqual({ ok: false, error: { type: 'invite-expired' } });
  });

  it('a revoked invite is refused as used, and the printed recovery words open the current team key', async () => {
    const recovery = await owner.api.createRecoveryKey();
    if (!recovery.ok) throw new Error(JSON.stringify(recovery.error));
    const offer = await owner.api.inviteMember({ role: 'standard', canExport: true, expiresInDays: 7 });
    if (!offer.ok) throw new Error(JSON.stringify(offer.error));
    expect(await owner.api.revokeInvite(offer.value.inviteId)).toEqual({ ok: true, value: undefined });
    const revoked = await member.api.joinTeam(relay.url, offer.value.code, { name: 'Mia', email: '' }, 'Mia', () => undefined);
    expect(revoked).toEqual({ ok: false, error: { type: 'invite-used' } });

    const secret = parseRecoveryWords(recovery.value.words);
    const state = owner.team.latest();
    if (!secret || !state) throw new Error('no recovery secret or log');
    const ring = await keyringOf(state, await recoveryDeviceKeys(secret));
    const crypto = await owner.account.crypto();
    // The key the words open seals what the owner's engine seals: one of its sets opens with it.
    const sealed = await crypto!.seal({ clientSeq: 1, prevSetId: null, set: {
      setId: formatHlc({ wallMs: Date.now(), counter: 1, nodeId: 'x' }), deviceId: 'x', author: 'me', items: [],
    } }, state.team);
    expect(ring?.epoch).toBe(sealed.epoch);
    expect(ring?.key).toEqual((await keyringOf(state, (await owner.team.unlocked())!.keys))?.key);
  });
});
