import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openLocketDb } from '../../../core/db/schema';
import { createInviteSecrets } from '../../../core/sync-account/invite-secrets';
import { buildEntry, buildInvite, buildJoin } from '../../../core/team/build';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { append, DAY, inviteIdOf, newKeys, newTeamWorld, type TeamWorld } from './team-harness';

let databases = 0;
const accountKey = () => globalThis.crypto.getRandomValues(new Uint8Array(32));

const secretsStore = async (key = accountKey()) => {
  databases += 1;
  const db = await openLocketDb(new IDBFactory(), `invite-secrets-${databases}`);
  return { db, secrets: createInviteSecrets(db, createAesGcmCodec(key)) };
};

/** An invite appended to the world, its secret kept as the inviting device keeps it. */
const invited = async (world: TeamWorld, secrets: Awaited<ReturnType<typeof secretsStore>>['secrets'], ttlMs = 7 * DAY) => {
  const invite = await buildInvite(world.state, world.owner.keys, world.teamKey, { role: 'standard', canExport: false, profile: { name: '', email: '' }, ttlMs }, world.clock);
  await append(world, invite.entry);
  const inviteId = inviteIdOf(invite.entry);
  await secrets.remember(inviteId, invite.secret, world.clock.now() + ttlMs);
  return { inviteId, invite };
};

describe('the invite secrets an inviting device keeps', () => {
  it('are sealed under the account key: the stored rows hold no secret, and another account key opens none', async () => {
    const world = await newTeamWorld();
    const { db, secrets } = await secretsStore();
    const { inviteId, invite } = await invited(world, secrets);
    expect(await secrets.held()).toEqual(new Map([[inviteId, invite.secret]]));
    expect(JSON.stringify(await db.getAll('meta'))).not.toContain(Buffer.from(invite.secret).toString('base64url'));
    const other = createInviteSecrets(db, createAesGcmCodec(accountKey()));
    expect((await other.held()).size).toBe(0);
  });

  it('are kept while the invite or its join waits, and forgotten once it expired unused, was revoked, or its join was answered', async () => {
    const world = await newTeamWorld();
    const { secrets } = await secretsStore();
    const waiting = await invited(world, secrets);
    const expiring = await invited(world, secrets, 1 * DAY);
    const revoked = await invited(world, secrets);
    await append(world, await buildEntry(world.state, world.owner.keys, { type: 'revoke-invite', inviteId: revoked.inviteId }, world.clock));
    const joined = await invited(world, secrets);
    const keys = await newKeys();
    await append(world, await buildJoin(world.team, world.state.head, { inviteId: joined.inviteId, member: joined.invite.member }, joined.invite.secret, keys, 'standard', world.clock));

    await secrets.forgetSpent(world.state, world.clock.now());
    expect([...(await secrets.held()).keys()].sort()).toEqual([waiting.inviteId, expiring.inviteId, joined.inviteId].sort());

    world.clock.advance(2 * DAY);
    await secrets.forgetSpent(world.state, world.clock.now());
    expect([...(await secrets.held()).keys()].sort()).toEqual([waiting.inviteId, joined.inviteId].sort());
  });

  it('keeps a secret whose invite a log read before it was appended does not hold yet, until the invite would expire', async () => {
    const world = await newTeamWorld();
    const { secrets } = await secretsStore();
    const before = world.state;
    const { inviteId } = await invited(world, secrets, 1 * DAY);
    await secrets.forgetSpent(before, world.clock.now());
    expect([...(await secrets.held()).keys()]).toEqual([inviteId]);
    await secrets.forgetSpent(before, world.clock.now() + 2 * DAY);
    expect((await secrets.held()).size).toBe(0);
  });
});
