/**
 * Two-factor the relay verifies (issue 13): once the team's log requires it, a member's device
 * gets a session, and with it any of the team's data, only with a fresh assertion from a key the
 * member registered with the relay — on SQLite and on PGlite.
 */
import * as v from 'valibot';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import { createSyncEngine, type SyncEngine } from '../../core/sync/engine/engine';
import { SyncFailure } from '../../core/sync/engine/relay-problem';
import { SessionSchema } from '../../core/sync/protocol';
import { TwoFactorStatusReplySchema } from '../../core/sync/two-factor-protocol';
import { buildEntry } from '../../core/team/build';
import { twoFactorViewOf } from '../../core/team/two-factor-view';
import { createSoftAuthenticator } from '../unit/security/soft-authenticator';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { openSessionRaw, postRaw, refusalOf, waitFor } from './support/relay-client';
import { createSwitchableTransport, createTestCrypto, createTestReplica } from './support/sync-test-deps';
import { startRelayTeam, type RelayTeam, type TeamMember } from './support/team-client';
import {
  EXTENSION_ORIGIN, registerRaw, relaySessionOf, sessionWithAssertion, sessionWithProof, softSecurityKey, twoFactorOptions,
} from './support/two-factor-client';

afterAll(releaseDriverResources);

const requireTwoFactor = async (team: RelayTeam, required = true) => {
  const entry = await buildEntry(await team.state(), team.owner.keys, { type: 'require-two-factor', required }, systemClock);
  expect((await team.append(team.owner, entry)).status).toBe(200);
};

const statusOf = async (url: string, token: string) => {
  const answer = await postRaw(`${url}/v1/two-factor/status`, '{}', token);
  expect(answer.status).toBe(200);
  return v.parse(TwoFactorStatusReplySchema, answer.body);
};

const refusedSession = async (promise: Promise<unknown>): Promise<unknown> => {
  const error = await promise.then(() => null, (failure: unknown) => failure);
  expect(error).toBeInstanceOf(SyncFailure);
  return (error as SyncFailure).problem;
};

for (const factory of drivers.filter((candidate) => candidate.name !== 'postgres')) describeDriver(factory, ({ open, name }) => {
  let relay: TestRelay;
  let team: RelayTeam;
  let member: TeamMember;
  const engines: SyncEngine[] = [];
  beforeEach(async () => {
    relay = name === 'sqlite' ? await startTestRelay() : await startTestRelay({}, undefined, { driver: await open() });
    team = await startRelayTeam(relay.url);
    member = await team.addMember('standard');
  }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    await relay.dispose();
  });

  it('holds a member without a key at "add a security key", then opens a session only with an assertion the relay verified', async () => {
    await requireTwoFactor(team);
    // The session the member held before is refused from the next request on: nothing of the team's is served.
    const pulled = await member.client.pullRaw(0);
    expect([pulled.status, refusalOf(pulled).error]).toEqual([403, 'two_factor_required']);
    const bare = await openSessionRaw(relay.url, member.device, 'session');
    expect([bare.status, refusalOf(bare).error]).toEqual([403, 'two_factor_not_registered']);

    const session = relaySessionOf(relay.url, member.device);
    expect(await refusedSession(session.current())).toEqual({ type: 'two-factor-not-registered' });
    const authenticator = await createSoftAuthenticator();
    const proved = await session.proveTwoFactor(softSecurityKey(authenticator));
    expect(proved.ok).toBe(true);
    expect(await session.call('/v1/pull', { since: 0 })).toMatchObject({ head: 0 });

    // The key is registered now, but a session still needs a fresh assertion from it.
    const again = await openSessionRaw(relay.url, member.device, 'session');
    expect([again.status, refusalOf(again).error]).toEqual([403, 'two_factor_required']);
    expect(await refusedSession(relaySessionOf(relay.url, member.device).current())).toEqual({ type: 'two-factor-required' });

    // The relay's word for the Users list: the member's key registered and verified, the owner's not.
    const { token } = await session.current();
    const status = await statusOf(relay.url, token);
    expect(status.required).toBe(true);
    expect(status.members.find((row) => row.member === member.member)).toMatchObject({ registered: true, lastVerifiedAt: expect.any(Number) });
    expect(status.members.find((row) => row.member === team.owner.member)).toEqual({ member: team.owner.member, registered: false, lastVerifiedAt: null });
    expect(twoFactorViewOf(status, member.member, null)).toEqual({ enabled: true, source: 'relay' });
    expect(twoFactorViewOf(status, team.owner.member, true)).toEqual({ enabled: true, source: 'member' });
  });

  it('refuses an assertion from another origin, for another RP ID, replayed, or with a counter that went back', async () => {
    await requireTwoFactor(team);
    const authenticator = await createSoftAuthenticator();
    expect((await registerRaw(relay.url, member.device, authenticator)).status).toBe(200);

    const failure = async (attempt: Promise<{ answer: { status: number; body: unknown } }>) => {
      const { answer } = await attempt;
      const refusal = refusalOf(answer);
      return [answer.status, refusal.error, refusal.detail?.split(':')[0]];
    };
    const evil = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    expect(await failure(sessionWithAssertion(relay.url, member.device, authenticator, { origin: evil, rpId: evil }))).toEqual([401, 'two_factor_failed', 'origin']);
    expect(await failure(sessionWithAssertion(relay.url, member.device, authenticator, { rpId: 'example.com' }))).toEqual([401, 'two_factor_failed', 'rp-id']);
    expect(await failure(sessionWithAssertion(relay.url, member.device, authenticator, { userVerified: false }))).toEqual([401, 'two_factor_failed', 'user-verification']);

    const good = await sessionWithAssertion(relay.url, member.device, authenticator, { counter: 10 });
    expect(good.answer.status).toBe(200);
    v.parse(SessionSchema, good.answer.body);
    // The same assertion again, under a freshly signed session request: its challenge was used.
    expect(await failure(sessionWithProof(relay.url, member.device, good.proof))).toEqual([401, 'two_factor_failed', 'challenge']);
    // A fresh challenge, but the key's counter went back (a cloned key, or a recorded one).
    expect(await failure(sessionWithAssertion(relay.url, member.device, authenticator, { counter: 3 }))).toEqual([401, 'two_factor_failed', 'counter']);
    // Another device's challenge is not this one's.
    const ownerChallenge = (await twoFactorOptions(relay.url, team.owner.device)).challenge;
    const stolen = await authenticator.assert({ challenge: ownerChallenge, origin: EXTENSION_ORIGIN, rpId: EXTENSION_ORIGIN });
    expect(await failure(sessionWithProof(relay.url, member.device, { challenge: ownerChallenge, response: stolen }))).toEqual([401, 'two_factor_failed', 'challenge']);
    // Nothing refused moved the counter: the next honest assertion after 10 passes.
    expect((await sessionWithAssertion(relay.url, member.device, authenticator, { counter: 11 })).answer.status).toBe(200);
  });

  it('registers a key only from an accepted origin, and a second key only from a session verified with the first', async () => {
    const authenticator = await createSoftAuthenticator();
    const evil = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const wrong = await registerRaw(relay.url, member.device, authenticator, evil);
    expect([wrong.status, refusalOf(wrong).error]).toEqual([401, 'two_factor_failed']);
    expect((await statusOf(relay.url, member.client.token())).members.find((row) => row.member === member.member)?.registered).toBe(false);

    expect((await registerRaw(relay.url, member.device, authenticator)).status).toBe(200);
    const second = await createSoftAuthenticator();
    const unverified = await registerRaw(relay.url, member.device, second, undefined, member.client.token());
    expect([unverified.status, refusalOf(unverified).error]).toEqual([403, 'two_factor_required']);
    const verified = v.parse(SessionSchema, (await sessionWithAssertion(relay.url, member.device, authenticator)).answer.body);
    expect((await registerRaw(relay.url, member.device, second, undefined, verified.token)).status).toBe(200);
    expect((await twoFactorOptions(relay.url, member.device)).credentials.map((key) => key.id).sort())
      .toEqual([authenticator.credentialId, second.credentialId].sort());
  });

  it('stops the engine with two-factor-not-registered and syncs nothing until the member confirms with a key', async () => {
    await requireTwoFactor(team);
    const replica = createTestReplica(member.device.keys.deviceId);
    const engine = createSyncEngine({
      transport: createSwitchableTransport(relay.url), replica, crypto: createTestCrypto(member.device, new Map()),
      team: team.team, clock: systemClock, random: Math.random, changes: replica.bus,
    });
    engines.push(engine);
    replica.write('written before the key');
    engine.start();
    await waitFor(() => engine.status().problem !== null);
    expect(engine.status()).toMatchObject({ state: 'offline', problem: { type: 'two-factor-not-registered' } });
    expect(replica.ackedAt.size).toBe(0);

    expect(await engine.confirmTwoFactor(softSecurityKey(await createSoftAuthenticator()))).toEqual({ ok: true, value: undefined });
    expect(engine.status()).toMatchObject({ state: 'connected', problem: null });
    expect(replica.ackedAt.size).toBe(1);
  });
});

describe('a relay configured to accept a key\'s presence alone', () => {
  it('opens a session with an assertion that did not verify the user, still requiring presence', async () => {
    const relay = await startTestRelay({ twoFactorUserVerification: 'preferred' });
    try {
      const team = await startRelayTeam(relay.url);
      const member = await team.addMember('read-only');
      await requireTwoFactor(team);
      const authenticator = await createSoftAuthenticator();
      expect((await registerRaw(relay.url, member.device, authenticator)).status).toBe(200);
      expect((await twoFactorOptions(relay.url, member.device)).userVerification).toBe('preferred');
      expect((await sessionWithAssertion(relay.url, member.device, authenticator, { userVerified: false })).answer.status).toBe(200);
      const absent = await sessionWithAssertion(relay.url, member.device, authenticator, { userVerified: false, userPresent: false });
      expect([absent.answer.status, refusalOf(absent.answer).detail?.split(':')[0]]).toEqual([401, 'user-presence']);
    } finally {
      await relay.dispose();
    }
  });
});
