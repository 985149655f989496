/**
 * A team on a real relay for tests: the owner registers and appends the genesis; members are
 * invited, join with the invite secret and are confirmed through the relay's team routes, each
 * step built by core/team and validated again from the log the relay returns.
 */
import * as v from 'valibot';
import { systemClock } from '../../../core/clock';
import type { SyncDeviceKeys } from '../../../core/sync/device-keys';
import { generateSyncDeviceKeys } from '../../../core/sync/device-keys';
import { buildConfirm, buildGenesis, buildInvite, buildJoin, buildRemoval } from '../../../core/team/build';
import { entryHash } from '../../../core/team/encoding';
import type { InviteRole } from '../../../core/team/roles';
import { InviteLookupReplySchema, LogPullReplySchema, type TeamEntry } from '../../../core/team/schemas';
import type { TeamState } from '../../../core/team/state';
import { validateLog } from '../../../core/team/validate';
import type { Bytes } from '../../../core/vault/types';
import { connectDevice, postRaw, type RawAnswer, type RelayClient } from './relay-client';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from './test-device';

export interface TeamMember {
  readonly member: string;
  readonly keys: SyncDeviceKeys;
  readonly device: TestDevice;
  readonly client: RelayClient;
}

export interface RelayTeam {
  readonly url: string;
  readonly team: string;
  readonly owner: TeamMember;
  teamKey: Bytes;
  /** The log as the relay returns it, validated here like on any device. */
  readonly state: () => Promise<TeamState>;
  readonly append: (by: TeamMember, entry: TeamEntry) => Promise<RawAnswer>;
  readonly join: (entry: TeamEntry) => Promise<RawAnswer>;
  /** Invite, join and confirm; the new member's device then opens a session. */
  readonly addMember: (role: InviteRole, by?: TeamMember) => Promise<TeamMember>;
  readonly remove: (member: string, by?: TeamMember) => Promise<RawAnswer>;
}

const ok = (answer: RawAnswer): RawAnswer => {
  if (answer.status !== 200) throw new Error(`Relay refused (${answer.status}): ${JSON.stringify(answer.body)}`);
  return answer;
};

export const newTeamDevice = async (team: string, teamKey: Bytes) => {
  const { keys } = await generateSyncDeviceKeys();
  return { keys, device: await createTestDevice(team, teamKey, systemClock, keys.signing) };
};

export const startRelayTeam = async (url: string): Promise<RelayTeam> => {
  const team = newTeamId();
  const teamKey = newTeamKey();
  const { keys, device } = await newTeamDevice(team, teamKey);
  const ownerClient = await connectDevice(url, device, 'register');
  const genesis = await buildGenesis(team, keys, { name: 'Owner', email: 'owner@example.com' }, systemClock, teamKey);
  const owner: TeamMember = { member: genesis.member, keys, device, client: ownerClient };

  const state = async (): Promise<TeamState> => {
    const reply = v.parse(LogPullReplySchema, ok(await postRaw(`${url}/v1/team/log`, JSON.stringify({ since: 0 }), ownerClient.token())).body);
    const validated = await validateLog(reply.entries, { clock: systemClock });
    if (!validated.ok) throw new Error(`The relay's log does not validate: ${JSON.stringify(validated.error)}`);
    return validated.value;
  };
  const append = (by: TeamMember, entry: TeamEntry) => postRaw(`${url}/v1/team/append`, JSON.stringify({ entry }), by.client.token());
  const join = (entry: TeamEntry) => postRaw(`${url}/v1/team/join`, JSON.stringify({ team, entry }));

  const relayTeam: RelayTeam = {
    url, team, owner, teamKey, state, append, join,
    addMember: async (role, by = owner) => {
      const invite = await buildInvite(await state(), by.keys, relayTeam.teamKey, { role, canExport: false, profile: { name: role, email: '' } }, systemClock);
      ok(await append(by, invite.entry));
      if (invite.entry.body.type !== 'invite') throw new Error('expected an invite');
      const lookup = v.parse(InviteLookupReplySchema, ok(await postRaw(`${url}/v1/team/invite`, JSON.stringify({ team, inviteId: invite.entry.body.inviteId }))).body);
      const joiner = await newTeamDevice(team, relayTeam.teamKey);
      const head = { seq: lookup.head.seq, hash: lookup.head.hash ?? '', at: lookup.head.at };
      const joinEntry = await buildJoin(team, head, { inviteId: invite.entry.body.inviteId, member: invite.member }, invite.secret, joiner.keys, role, systemClock);
      ok(await join(joinEntry));
      ok(await append(by, await buildConfirm(await state(), by.keys, relayTeam.teamKey, await entryHash(joinEntry), systemClock)));
      return { member: invite.member, ...joiner, client: await connectDevice(url, joiner.device, 'session') };
    },
    remove: async (member, by = owner) => {
      const removal = await buildRemoval(await state(), by.keys, relayTeam.teamKey, member, systemClock);
      const answer = await append(by, removal.entry);
      if (answer.status === 200) relayTeam.teamKey = removal.nextKey;
      return answer;
    },
  };
  ok(await append(owner, genesis.entry));
  return relayTeam;
};
