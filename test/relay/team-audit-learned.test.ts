/**
 * "No action without its audit entry", held on this device: a team act this device learns on
 * reading the log, its own or another admin's, is cached together with its audit entry in one
 * IndexedDB transaction, so it is recorded exactly once, and never cached without it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/audit/audit-log';
import { cachedHead } from '../../core/sync-account/team-log-cache';
import type { JoinStep } from '../../core/team/team-view';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createTeamProfile, type TeamProfile } from './support/team-profile';

/** The audit entries `act` added to `profile`'s log. */
const entriesOf = async (profile: TeamProfile, act: () => Promise<unknown>): Promise<AuditEntry[]> => {
  const before = (await profile.audit.entries()).length;
  await act();
  return (await profile.audit.entries()).slice(before);
};

describe('team acts learned on reading the log', () => {
  let relay: TestRelay;
  /** While true, the owner's audit writes fail inside their transaction, as on a full disk. */
  let auditFails: boolean;
  let owner: TeamProfile;
  let admin: TeamProfile;
  let adminMember: string;

  const inviteCode = async (by: TeamProfile) => {
    const offer = await by.api.inviteMember({ role: 'standard', canExport: false, expiresInDays: 7 });
    if (!offer.ok) throw new Error(JSON.stringify(offer.error));
    return offer.value;
  };

  beforeEach(async () => {
    relay = await startTestRelay();
    auditFails = false;
    owner = await createTeamProfile({
      audit: (audit) => ({
        ...audit,
        stage: async (draft) => {
          const staged = await audit.stage(draft);
          return auditFails ? { ...staged, writeIn: async () => { throw new DOMException('The disk is full', 'QuotaExceededError'); } } : staged;
        },
      }),
    });
    expect((await owner.account.createAccount(relay.url, 'Laptop')).ok).toBe(true);
    await owner.api.createRecoveryKey();
    admin = await createTeamProfile();
    const steps: JoinStep[] = [];
    const joined = admin.api.joinTeam(relay.url, (await inviteCode(owner)).code, { name: 'Ada', email: '' }, 'Ada laptop', (step) => steps.push(step));
    for (let i = 0; i < 500 && steps.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const view = await owner.api.teamView();
    const pending = view.ok ? view.value?.pendingJoins[0] : undefined;
    if (!pending) throw new Error('no pending join');
    await owner.api.confirmJoin(pending.joinHash, true);
    expect(await joined).toEqual({ ok: true, value: undefined });
    adminMember = pending.member;
    expect(await owner.api.changeMember(adminMember, { role: 'admin', canExport: false })).toEqual({ ok: true, value: undefined });
  });
  afterEach(async () => { await relay.dispose(); });

  it('records another admin\'s act once, by that admin\'s member id, however often and however concurrently the log is read', async () => {
    const offer = await inviteCode(admin);
    const learned = await entriesOf(owner, async () => {
      await Promise.all([owner.api.teamView(), owner.api.teamView(), owner.api.teamView()]);
      await owner.api.teamView();
    });
    expect(learned.map((entry) => [entry.type, entry.by, entry.detail['invite']])).toEqual([['member-invited', adminMember, offer.inviteId]]);
    // The admin's own device records its own act as its own.
    expect((await admin.audit.entries()).filter((entry) => entry.type === 'member-invited').map((entry) => entry.by)).toEqual(['owner']);
    expect(await owner.audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('records several acts learned in one read, each once and in the log\'s order', async () => {
    const first = await inviteCode(admin);
    const second = await inviteCode(admin);
    expect(await admin.api.revokeInvite(first.inviteId)).toEqual({ ok: true, value: undefined });
    const learned = await entriesOf(owner, () => owner.api.teamView());
    expect(learned.map((entry) => [entry.type, entry.by, entry.detail['invite']])).toEqual([
      ['member-invited', adminMember, first.inviteId], ['member-invited', adminMember, second.inviteId], ['invite-revoked', adminMember, first.inviteId],
    ]);
    expect(await entriesOf(owner, () => owner.api.teamView())).toEqual([]);
  });

  it('never caches an act without its audit entry: a failed audit write leaves the cached log where it was, and the next read records it once', async () => {
    const headBefore = await cachedHead(owner.db);
    const offer = await inviteCode(admin);

    auditFails = true;
    const failed = await entriesOf(owner, async () => { await expect(owner.api.teamView()).rejects.toThrow(); });
    expect(failed).toEqual([]);
    expect(await cachedHead(owner.db)).toEqual(headBefore);

    auditFails = false;
    const recorded = await entriesOf(owner, async () => { await owner.api.teamView(); await owner.api.teamView(); });
    expect(recorded.map((entry) => [entry.type, entry.detail['invite']])).toEqual([['member-invited', offer.inviteId]]);
    expect((await cachedHead(owner.db))?.seq).toBe(headBefore!.seq + 1);
  });
});
