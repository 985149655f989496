/**
 * The owner cancels the team and restores it through the worker's team calls, on a real relay:
 * every member is refused at once, and syncs again after the restore; a member who is not the
 * owner is refused before any relay call; both acts leave their audit entry on the owner's device.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RelayTransport } from '../../core/sync/ports';
import type { JoinStep } from '../../core/team/team-view';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { fetchTransport } from './support/sync-profile';
import { createTeamProfile, type TeamProfile } from './support/team-profile';

const DAY_MS = 24 * 60 * 60 * 1000;

let relay: TestRelay;
let owner: TeamProfile;
let member: TeamProfile;
/** Every path the member's device asked the relay for. */
let memberPaths: string[];

const recording = (paths: string[]) => (relayUrl: string): RelayTransport => {
  const transport = fetchTransport(relayUrl);
  return { ...transport, request: (path, init) => { paths.push(path); return transport.request(path, init); } };
};

beforeEach(async () => {
  relay = await startTestRelay();
  owner = await createTeamProfile();
  expect((await owner.account.createAccount(relay.url, 'Laptop')).ok).toBe(true);
  expect((await owner.api.createRecoveryKey()).ok).toBe(true);
  const offer = await owner.api.inviteMember({ role: 'standard', canExport: false, expiresInDays: 7, name: 'Mia', email: '' });
  if (!offer.ok) throw new Error(JSON.stringify(offer.error));
  memberPaths = [];
  member = await createTeamProfile({ transportFor: recording(memberPaths) });
  const steps: JoinStep[] = [];
  const joined = member.api.joinTeam(relay.url, offer.value.code, { name: 'Mia', email: '' }, 'Mia laptop', (step) => steps.push(step));
  for (let i = 0; i < 500 && steps.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  const view = await owner.api.teamView();
  if (!view.ok || !view.value) throw new Error('no team view');
  expect((await owner.api.confirmJoin(view.value.pendingJoins[0]!.joinHash, true)).ok).toBe(true);
  expect((await joined).ok).toBe(true);
  expect((await member.api.teamView()).ok).toBe(true);
});
afterEach(async () => { await relay.dispose(); });

it('refuses every member at once after the owner cancels, and lets them sync again after the owner restores', async () => {
  const before = Date.now();
  const cancelled = await owner.api.cancelTeam();
  if (!cancelled.ok) throw new Error(JSON.stringify(cancelled.error));
  expect(cancelled.value.signedAt).toBeGreaterThanOrEqual(before);
  expect(cancelled.value.restorableUntil).toBe(cancelled.value.signedAt + 14 * DAY_MS);

  expect(await member.api.teamView()).toEqual({ ok: false, error: { type: 'relay-refused', code: 'team_cancelled' } });
  expect(await owner.api.teamView()).toEqual({ ok: false, error: { type: 'relay-refused', code: 'team_cancelled' } });
  // Cancelled once: again is refused by the relay.
  expect(await owner.api.cancelTeam()).toMatchObject({ ok: false });

  expect(await owner.api.restoreTeam()).toEqual({ ok: true, value: undefined });
  const again = await member.api.teamView();
  expect(again.ok && again.value?.members.map((one) => one.name).sort()).toEqual(['Laptop', 'Mia']);

  const acts = (await owner.audit.entries()).filter((entry) => entry.type === 'team-cancelled' || entry.type === 'team-restored');
  expect(acts.map((entry) => [entry.type, entry.detail])).toEqual([
    ['team-cancelled', { signedAt: cancelled.value.signedAt, restorableUntil: cancelled.value.restorableUntil }],
    ['team-restored', {}],
  ]);
});

it('refuses a standard member\'s cancel and restore before any relay call, and the team stays open', async () => {
  memberPaths.length = 0;
  expect(await member.api.cancelTeam()).toEqual({ ok: false, error: { type: 'role-forbidden' } });
  expect(await member.api.restoreTeam()).toEqual({ ok: false, error: { type: 'role-forbidden' } });
  expect(memberPaths.filter((path) => ['/v1/cancel-team', '/v1/restore-team'].includes(path))).toEqual([]);
  expect((await member.audit.entries()).some((entry) => entry.type === 'team-cancelled')).toBe(false);
  expect((await owner.api.teamView()).ok).toBe(true);
});
