import { describe, expect, it } from 'vitest';
import type { TeamAccount, TeamContext } from '../../../core/sync-account/team-account';
import type { RelayAnswer, RelayTransport } from '../../../core/sync/ports';
import type { TwoFactorStatusReply } from '../../../core/sync/two-factor-protocol';
import { createTeamApi } from '../../../worker/team-api';
import { addMember, newTeamWorld } from '../team/team-harness';

/** A team of an owner and a standard member, as this owner's device sees it after reading the log. */
const ownerAndMember = async () => {
  const world = await newTeamWorld();
  const member = await addMember(world, 'standard');
  const context = { state: world.state, ring: { keys: new Map([[world.state.epoch, world.teamKey]]) }, me: world.owner.member } as unknown as TeamContext;
  return { world, member: member.member, context };
};

/** The team calls over a relay that answers the device list and, unless it is null, the two-factor status. */
const teamApiWith = (context: TeamContext, status: TwoFactorStatusReply | null) => {
  const asked: string[] = [];
  const transport = {
    request: async (path: string): Promise<RelayAnswer> => {
      asked.push(path);
      if (path === '/v1/devices') return { status: 200, body: { devices: [] } };
      if (path === '/v1/two-factor/status' && status) return { status: 200, body: status };
      return { status: 503, body: { error: 'unavailable' } };
    },
  } as unknown as RelayTransport;
  const team = {
    unlocked: async () => ({ identity: { deviceName: 'Laptop' }, transport }),
    ensureTeam: async () => ({ ok: true, value: context }),
    inviteSecrets: { forgetSpent: async () => undefined, held: async () => new Map() },
  } as unknown as TeamAccount;
  const api = createTeamApi({ team, token: async () => ({ ok: true, value: 'token' }), clock: { now: () => 0 }, join: null, identityChanged: async () => undefined });
  return { api, asked };
};

const twoFactorOf = async (api: ReturnType<typeof teamApiWith>['api'], member: string) => {
  const view = await api.teamView();
  if (!view.ok || !view.value) throw new Error('no team view');
  return view.value.members.find((row) => row.member === member)?.twoFactor;
};

describe('the team view’s two-factor column', () => {
  it('carries the relay’s word: a key it verified is on, a key it holds but never verified is not', async () => {
    const { world, member, context } = await ownerAndMember();
    const { api, asked } = teamApiWith(context, {
      required: true,
      members: [
        { member: world.owner.member, registered: true, lastVerifiedAt: 1_000 },
        { member, registered: true, lastVerifiedAt: null },
      ],
    });
    expect(await twoFactorOf(api, world.owner.member)).toEqual({ enabled: true, source: 'relay' });
    expect(await twoFactorOf(api, member)).toEqual({ enabled: false, source: 'relay' });
    expect(asked).toContain('/v1/two-factor/status');
  });

  it('says the word is not the relay’s when the relay could not be asked', async () => {
    const { world, context } = await ownerAndMember();
    const { api } = teamApiWith(context, null);
    expect(await twoFactorOf(api, world.owner.member)).toEqual({ enabled: false, source: 'member' });
  });
});
