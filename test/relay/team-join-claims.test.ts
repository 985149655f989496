/**
 * Who asks to join, through a real relay: the joiner's own name, email and device name reach the
 * admin who made the invite (sealed under its secret), nobody else reads them, an altered claim
 * names nobody, and the joined device's name shows in the Users list once it is in.
 */
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../core/security/base64url';
import type { RelayTransport } from '../../core/sync/ports';
import { JoinClaimsReplySchema } from '../../core/team/schemas';
import type { JoinStep, TeamView } from '../../core/team/team-view';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { fetchTransport } from './support/sync-profile';
import { createTeamProfile, type TeamProfile } from './support/team-profile';

const GRACE = { name: 'Grace Hopper', email: 'grace.hopper@example.com' };

const viewOf = async (profile: TeamProfile): Promise<TeamView> => {
  const view = await profile.api.teamView();
  if (!view.ok || !view.value) throw new Error(`no team view: ${JSON.stringify(view)}`);
  return view.value;
};

/** The sealed claims the relay serves the team, read with `profile`'s session. */
const relayClaims = async (relay: TestRelay, profile: TeamProfile) => {
  const token = await profile.token();
  if (!token.ok) throw new Error('no session');
  const answer = await fetchTransport(relay.url).request('/v1/team/join-claims', { token: token.value, body: {} });
  return v.parse(JoinClaimsReplySchema, answer.body).claims;
};

/** A relay that flips one byte of every claim it serves. */
const alteringClaims = (url: string): RelayTransport => {
  const honest = fetchTransport(url);
  return {
    ...honest,
    request: async (path, init) => {
      const answer = await honest.request(path, init);
      if (path !== '/v1/team/join-claims' || answer.status !== 200) return answer;
      const { claims } = v.parse(JoinClaimsReplySchema, answer.body);
      return { ...answer, body: { claims: claims.map((row) => {
        const bytes = fromBase64Url(row.claim) ?? new Uint8Array();
        bytes[20] = (bytes[20] ?? 0) ^ 0x01;
        return { ...row, claim: toBase64Url(bytes) };
      }) } };
    },
  };
};

describe('who asks to join', () => {
  let relay: TestRelay;
  let owner: TeamProfile;

  const ownerOn = async (profile: TeamProfile) => {
    expect((await profile.account.createAccount(relay.url, 'Owner laptop')).ok).toBe(true);
    expect((await profile.api.createRecoveryKey()).ok).toBe(true);
    return profile;
  };

  const invite = async (by: TeamProfile) => {
    const offer = await by.api.inviteMember({ role: 'standard', canExport: false, expiresInDays: 7 });
    if (!offer.ok) throw new Error(JSON.stringify(offer.error));
    return offer.value.code;
  };

  /** A new profile joins with `code` as Grace on `device`, and waits for an admin. */
  const startJoin = async (code: string, device = 'Laptop') => {
    const joiner = await createTeamProfile();
    const steps: JoinStep[] = [];
    const joined = joiner.api.joinTeam(relay.url, code, GRACE, device, (step) => steps.push(step));
    for (let i = 0; i < 500 && steps.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps[0]?.phase).toBe('waiting-for-confirmation');
    return { joiner, joined };
  };

  beforeEach(async () => { relay = await startTestRelay(); });
  afterEach(async () => { await relay.dispose(); });

  it('names the joiner to the admin who invited them, and once confirmed shows their device by name; the claim and the secret are then gone', async () => {
    owner = await ownerOn(await createTeamProfile());
    const { joiner, joined } = await startJoin(await invite(owner));

    const [pending] = (await viewOf(owner)).pendingJoins;
    expect(pending?.claim).toEqual({ state: 'claimed', ...GRACE, deviceName: 'Laptop' });
    const sealed = await relayClaims(relay, owner);
    expect(sealed).toHaveLength(1);
    expect(JSON.stringify(sealed)).not.toContain('Grace');

    expect(await owner.api.confirmJoin(pending!.joinHash, true)).toEqual({ ok: true, value: undefined });
    expect(await joined).toEqual({ ok: true, value: undefined });

    const view = await viewOf(owner);
    const grace = view.members.find((member) => member.name === GRACE.name);
    expect(grace?.devices.map((device) => device.name)).toEqual(['Laptop']);
    expect((await viewOf(joiner)).members.find((member) => member.thisMember)?.devices.map((device) => device.name)).toEqual(['Laptop']);
    expect(await relayClaims(relay, owner)).toEqual([]);
    expect((await owner.team.inviteSecrets.held()).size).toBe(0);
  });

  it('shows an admin on another device, who holds no secret of the invite, no claimed name', async () => {
    owner = await ownerOn(await createTeamProfile());
    const first = await startJoin(await invite(owner), 'Admin laptop');
    const firstJoin = (await viewOf(owner)).pendingJoins[0]!;
    await owner.api.confirmJoin(firstJoin.joinHash, true);
    const admin = first.joiner;
    expect(await first.joined).toEqual({ ok: true, value: undefined });
    expect(await owner.api.changeMember(firstJoin.member, { role: 'admin', canExport: false })).toEqual({ ok: true, value: undefined });

    const second = await startJoin(await invite(owner));
    const [adminSees] = (await viewOf(admin)).pendingJoins;
    expect(adminSees).toBeDefined();
    expect(adminSees?.claim).toBeUndefined();
    expect((await viewOf(owner)).pendingJoins[0]?.claim).toMatchObject({ state: 'claimed', name: GRACE.name });
    await owner.api.confirmJoin(adminSees!.joinHash, false);
    await second.joined;
  });

  it('names nobody when the claim the relay serves was altered', async () => {
    owner = await ownerOn(await createTeamProfile({ transportFor: alteringClaims }));
    const { joined } = await startJoin(await invite(owner));
    const [pending] = (await viewOf(owner)).pendingJoins;
    expect(pending?.claim).toEqual({ state: 'unreadable' });
    expect(JSON.stringify(pending)).not.toContain('Grace');
    await owner.api.confirmJoin(pending!.joinHash, false);
    await joined;
  });
});
