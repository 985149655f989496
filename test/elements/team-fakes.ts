import type { PendingJoinView, TeamMemberView, TeamView } from '../../core/team/team-view';
import type { TeamServices } from '../../platform/page-services/services';
import { fakeWith } from './fakes';
import { TEST_START } from './test-services';

/** A member as the team's view lists them: active, standard, two-factor off by their device's word. */
export const testMember = (overrides: Partial<TeamMemberView> = {}): TeamMemberView => ({
  member: 'member-bob', name: 'Bob Builder', email: 'bob@example.com', role: 'standard', canExport: false, status: 'active',
  thisMember: false, devices: [{ id: 'device-bob', name: 'Firefox on Windows', pending: false, lastSeenAt: TEST_START }],
  lastSeenAt: TEST_START, twoFactor: { enabled: false, source: 'member' }, ...overrides,
});

export const testOwner = (overrides: Partial<TeamMemberView> = {}): TeamMemberView => testMember({
  member: 'member-ada', name: 'Ada Lovelace', email: 'ada@example.com', role: 'owner', canExport: true, thisMember: true,
  devices: [{ id: 'device-ada', name: 'Chrome on Linux', pending: false, lastSeenAt: TEST_START }],
  twoFactor: { enabled: true, source: 'relay' }, ...overrides,
});

export const testJoin = (overrides: Partial<PendingJoinView> = {}): PendingJoinView => ({
  joinHash: 'join-carol', member: 'member-carol', name: 'Carol Chen', email: 'carol@example.com', role: 'standard',
  deviceName: 'Edge on Windows', words: ['orbit', 'maple', 'quartz', 'lantern', 'cedar', 'harbor'], ...overrides,
});

/** The team as its owner sees it, with Bob a standard member, unless the test says otherwise. */
export const testTeamView = (overrides: Partial<TeamView> = {}): TeamView => ({
  team: 'team-1', me: 'member-ada', myRole: 'owner', canExport: true, requireTwoFactor: false, recoveryReady: true, epoch: 1,
  members: [testOwner(), testMember()], invites: [], pendingJoins: [], ...overrides,
});

/**
 * The Team services with every call written to one log, in the order it came, and answered
 * as the test says (`ok` unless a member is given).
 */
export const createFakeTeam = (members: Partial<TeamServices> = {}) => {
  const log: string[] = [];
  const done = { ok: true, value: undefined } as const;
  const services = fakeWith<TeamServices>('team', {
    teamView: async () => ({ ok: true, value: testTeamView() }),
    memberLogins: async () => ({ ok: true, value: [] }),
    changeMember: async (member, change) => { log.push(`change ${member} ${change.role} ${String(change.canExport)}`); return done; },
    removeMember: async (member) => { log.push(`remove ${member}`); return done; },
    transferOwnership: async (member) => { log.push(`transfer ${member}`); return done; },
    confirmJoin: async (joinHash, same) => { log.push(`confirm ${joinHash} ${String(same)}`); return done; },
    setRequireTwoFactor: async (required) => { log.push(`require-two-factor ${String(required)}`); return done; },
    revokeInvite: async (inviteId) => { log.push(`revoke ${inviteId}`); return done; },
    ...members,
  });
  return { services, log };
};
