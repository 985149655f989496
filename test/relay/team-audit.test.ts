import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/audit/audit-log';
import type { JoinStep } from '../../core/team/team-view';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createTeamProfile, type TeamProfile } from './support/team-profile';

/** The audit entries `act` added to `profile`'s log. */
const entriesOf = async (profile: TeamProfile, act: () => Promise<unknown>): Promise<AuditEntry[]> => {
  const before = (await profile.audit.entries()).length;
  await act();
  return (await profile.audit.entries()).slice(before);
};

describe('team acts in the audit log', () => {
  let relay: TestRelay;
  let owner: TeamProfile;

  beforeEach(async () => {
    relay = await startTestRelay();
    owner = await createTeamProfile();
    expect((await owner.account.createAccount(relay.url, 'Laptop')).ok).toBe(true);
    await owner.api.teamView();
  });
  afterEach(async () => { await relay.dispose(); });

  const invite = async (canExport = false) => {
    const offer = await owner.api.inviteMember({ role: 'standard', canExport, expiresInDays: 7, name: 'Mia Muster', email: 'mia@example.com' });
    if (!offer.ok) throw new Error(JSON.stringify(offer.error));
    return offer.value;
  };

  /** A new profile joins with `code`; the owner confirms (or declines) it and the owner's new entries are returned. */
  const join = async (code: string, same: boolean) => {
    const member = await createTeamProfile();
    const steps: JoinStep[] = [];
    const joined = member.api.joinTeam(relay.url, code, { name: 'Mia Muster', email: 'mia@example.com' }, 'Mia laptop', (step) => steps.push(step));
    for (let i = 0; i < 500 && steps.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const view = await owner.api.teamView();
    if (!view.ok || !view.value) throw new Error('no team view');
    const pending = view.value.pendingJoins[0]!;
    const entries = await entriesOf(owner, () => owner.api.confirmJoin(pending.joinHash, same));
    await joined;
    return { entries, member: pending.member };
  };

  it('writes one entry per act, naming members by id only', async () => {
    // Refused before any relay call: no recovery yet, and the owner cannot change their own role.
    expect(await entriesOf(owner, () => owner.api.inviteMember({ role: 'standard', canExport: false, expiresInDays: 7 }))).toEqual([]);

    const recovery = await entriesOf(owner, () => owner.api.createRecoveryKey());
    expect(recovery.map((entry) => entry.type)).toEqual(['recovery-key-made']);

    let offer = await invite();
    const invited = (await owner.audit.entries()).at(-1)!;
    expect(invited).toMatchObject({ type: 'member-invited', detail: { invite: offer.inviteId, role: 'standard', canExport: false } });

    const revoked = await entriesOf(owner, () => owner.api.revokeInvite(offer.inviteId));
    expect(revoked.map((entry) => [entry.type, entry.detail])).toEqual([['invite-revoked', { invite: offer.inviteId }]]);
    // Revoked once: again is refused and writes nothing.
    expect(await entriesOf(owner, () => owner.api.revokeInvite(offer.inviteId))).toEqual([]);

    offer = await invite();
    const confirmed = await join(offer.code, true);
    expect(confirmed.entries.map((entry) => [entry.type, entry.detail])).toEqual([['join-confirmed', { member: confirmed.member }]]);

    const changed = await entriesOf(owner, () => owner.api.changeMember(confirmed.member, { role: 'admin', canExport: true }));
    expect(changed.map((entry) => [entry.type, entry.detail])).toEqual([['member-changed', { member: confirmed.member, role: 'admin', canExport: true }]]);

    const removed = await entriesOf(owner, () => owner.api.removeMember(confirmed.member));
    expect(removed.map((entry) => [entry.type, entry.detail])).toEqual([['member-removed', { member: confirmed.member, epoch: 2 }]]);
    // A removed member cannot be removed again.
    expect(await entriesOf(owner, () => owner.api.removeMember(confirmed.member))).toEqual([]);

    const twoFactor = await entriesOf(owner, () => owner.api.setRequireTwoFactor(true));
    expect(twoFactor.map((entry) => [entry.type, entry.detail])).toEqual([['two-factor-required', { required: true }]]);
    // The owner has no security key of their own: held by the rule, they cannot turn it off, and nothing is written.
    let answer: unknown;
    expect(await entriesOf(owner, async () => { answer = await owner.api.setRequireTwoFactor(false); })).toEqual([]);
    expect(answer).toMatchObject({ ok: false });

    const all = JSON.stringify(await owner.audit.entries());
    expect(all).not.toContain('Mia');
    expect(all).not.toContain('mia@example.com');
    expect(await owner.audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('a declined join and a handed-over ownership each write one entry', async () => {
    await owner.api.createRecoveryKey();
    const declined = await join((await invite()).code, false);
    expect(declined.entries.map((entry) => [entry.type, entry.detail])).toEqual([['join-declined', { member: declined.member, epoch: 2 }]]);

    const confirmed = await join((await invite()).code, true);
    const transferred = await entriesOf(owner, () => owner.api.transferOwnership(confirmed.member));
    expect(transferred.map((entry) => [entry.type, entry.detail])).toEqual([['ownership-transferred', { member: confirmed.member }]]);
    // No longer the owner: a second hand-over is refused and writes nothing.
    expect(await entriesOf(owner, () => owner.api.transferOwnership(confirmed.member))).toEqual([]);
  });
});
