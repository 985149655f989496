/**
 * Guessing at an invite is bounded (issue 13, SYNC.md §12): five failed joins with one invite burn
 * it, even for the right secret afterwards, and five failures from one address lock that address
 * out of every invite for the hour — on SQLite and on PGlite, counted in the database.
 */
import * as v from 'valibot';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import { RefusalSchema } from '../../core/sync/protocol';
import { buildInvite, buildJoin } from '../../core/team/build';
import { newInviteSecret } from '../../core/team/invite-secret';
import { InviteLookupReplySchema, type TeamEntry } from '../../core/team/schemas';
import type { Bytes } from '../../core/vault/types';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { newTeamDevice, startRelayTeam, type RelayTeam } from './support/team-client';

afterAll(releaseDriverResources);

/** As a proxy in front of the relay would forward it: the client's address in X-Forwarded-For. */
const postFrom = async (url: string, address: string, body: unknown) => {
  const response = await fetch(url, {
    method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
  });
  return { status: response.status, body: (await response.json()) as unknown };
};

const codeOf = (answer: { status: number; body: unknown }) => [answer.status, v.parse(RefusalSchema, answer.body).error];

for (const factory of drivers.filter((candidate) => candidate.name !== 'postgres')) describeDriver(factory, ({ open, name }) => {
  let relay: TestRelay;
  let team: RelayTeam;
  let invite: Awaited<ReturnType<typeof buildInvite>>;
  let inviteId: string;

  let head: { seq: number; hash: string; at: number };

  /** A join on the head the invitee looked up once; nothing is appended before it, so the head stays. */
  const joinWith = async (secret: Bytes): Promise<TeamEntry> => {
    const joiner = await newTeamDevice(team.team, team.teamKey);
    return buildJoin(team.team, head, { inviteId, member: invite.member }, secret, joiner.keys, 'standard', systemClock);
  };

  beforeEach(async () => {
    relay = name === 'sqlite'
      ? await startTestRelay({ behindProxy: true })
      : await startTestRelay({ behindProxy: true }, undefined, { driver: await open() });
    team = await startRelayTeam(relay.url);
    invite = await buildInvite(await team.state(), team.owner.keys, team.teamKey, { role: 'standard', canExport: false, profile: { name: 'New', email: '' } }, systemClock);
    expect((await team.append(team.owner, invite.entry)).status).toBe(200);
    if (invite.entry.body.type !== 'invite') throw new Error('expected an invite');
    inviteId = invite.entry.body.inviteId;
    const lookup = v.parse(InviteLookupReplySchema, (await postFrom(`${relay.url}/v1/team/invite`, '198.51.100.1', { team: team.team, inviteId })).body);
    head = { seq: lookup.head.seq, hash: lookup.head.hash ?? '', at: lookup.head.at };
  }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => { await relay.dispose(); });

  it('burns an invite after five failed joins, each from another address, so the right secret is refused too', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const forged = await joinWith(newInviteSecret());
      expect(codeOf(await postFrom(`${relay.url}/v1/team/join`, `203.0.113.${attempt}`, { team: team.team, entry: forged }))).toEqual([400, 'invalid_entry']);
    }
    const honest = await joinWith(invite.secret);
    expect(codeOf(await postFrom(`${relay.url}/v1/team/join`, '192.0.2.77', { team: team.team, entry: honest }))).toEqual([403, 'invite_locked']);
    expect(codeOf(await postFrom(`${relay.url}/v1/team/invite`, '192.0.2.78', { team: team.team, inviteId }))).toEqual([403, 'invite_locked']);
    // The owner's log has no join: the locked invite brought nobody in.
    expect([...(await team.state()).members.values()].map((member) => member.status)).toEqual(['active', 'invited']);
  });

  it('locks one address out after five failures across invites, and only that address', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const guessed = { team: team.team, inviteId: `${'g'.repeat(21)}${attempt}` };
      expect(codeOf(await postFrom(`${relay.url}/v1/team/invite`, '203.0.113.9', guessed))).toEqual([404, 'not_found']);
    }
    expect(codeOf(await postFrom(`${relay.url}/v1/team/invite`, '203.0.113.9', { team: team.team, inviteId }))).toEqual([403, 'invite_locked']);
    // The invite itself is not burnt: from another address the invitee still joins.
    const honest = await joinWith(invite.secret);
    expect((await postFrom(`${relay.url}/v1/team/join`, '192.0.2.10', { team: team.team, entry: honest })).status).toBe(200);
  });

  it('counts fewer than five failures without locking anything', async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const forged = await joinWith(newInviteSecret());
      expect((await postFrom(`${relay.url}/v1/team/join`, '203.0.113.20', { team: team.team, entry: forged })).status).toBe(400);
    }
    expect((await postFrom(`${relay.url}/v1/team/join`, '203.0.113.20', { team: team.team, entry: await joinWith(invite.secret) })).status).toBe(200);
  });
});
