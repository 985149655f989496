/**
 * The security key button works from whichever Locket page the member is on (issue 13): the page
 * whose worker does not run sync has the key answer there, where the user pressed the button, and
 * the worker running sync opens its session with that proof and syncs again; it then lends that
 * session to the page's team calls.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import { createSyncEngine, type SyncEngine } from '../../core/sync/engine/engine';
import type { SyncAccountPort, SyncIdentity } from '../../core/sync/ports';
import { buildEntry } from '../../core/team/build';
import { createSyncChannel } from '../../platform/sync/sync-channel';
import { startSyncRunner, type SyncRunner } from '../../platform/sync/sync-runner';
import type { SecurityKeyPrompt, SecurityKeyPrompter } from '../../worker/contracts/sync';
import { createSyncApi } from '../../worker/sync-api';
import { createTokenSource } from '../../worker/sync-token';
import { createSoftAuthenticator } from '../unit/security/soft-authenticator';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { postRaw, waitFor } from './support/relay-client';
import { createSwitchableTransport, createTestCrypto, createTestLocks, createTestReplica } from './support/sync-test-deps';
import { startRelayTeam, type TeamMember } from './support/team-client';
import { softSecurityKey } from './support/two-factor-client';

describe('confirming two-factor from a page whose worker does not run sync', () => {
  let relay: TestRelay;
  let member: TeamMember;
  const runners: SyncRunner[] = [];
  const engines: SyncEngine[] = [];
  const channels: BroadcastChannel[] = [];

  beforeEach(async () => {
    relay = await startTestRelay();
    const team = await startRelayTeam(relay.url);
    member = await team.addMember('standard');
    const entry = await buildEntry(await team.state(), team.owner.keys, { type: 'require-two-factor', required: true }, systemClock);
    expect((await team.append(team.owner, entry)).status).toBe(200);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.close()));
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    for (const channel of channels.splice(0)) channel.close();
    await relay.dispose();
  });

  /** Two workers of the member's device (two open pages), sharing its identity, replica, locks and channel. */
  const twoPagesOfTheMember = () => {
    const identity: SyncIdentity = {
      relayUrl: relay.url, team: member.device.team, deviceId: member.device.keys.deviceId, deviceName: 'Desk', epoch: 1,
    };
    const crypto = createTestCrypto(member.device, new Map());
    const account = { identity: async () => identity, crypto: async () => crypto } as unknown as SyncAccountPort;
    const replica = createTestReplica(identity.deviceId);
    const locks = createTestLocks();
    const channelName = `locket-sync-two-factor-${Math.random()}`;
    const worker = (name: string) => {
      const channel = new BroadcastChannel(channelName);
      channels.push(channel);
      const runner = startSyncRunner({
        locks, channel: createSyncChannel(channel), newRequestId: () => `${name}-${Math.random()}`,
        createEngine: async () => {
          const engine = createSyncEngine({
            transport: createSwitchableTransport(relay.url), replica, crypto, team: identity.team, clock: systemClock, random: Math.random,
          });
          engines.push(engine);
          return engine;
        },
      });
      runners.push(runner);
      const deps = { account, runner, transportFor: createSwitchableTransport, clock: systemClock };
      return { runner, api: createSyncApi(deps), token: createTokenSource(deps) };
    };
    return { holder: worker('holder'), follower: worker('follower'), replica };
  };

  it('runs the key prompt in the asking page and resumes sync in the worker holding the lock', async () => {
    const { holder, follower, replica } = twoPagesOfTheMember();
    replica.write('written before the key');
    await waitFor(() => follower.runner.status().problem?.type === 'two-factor-not-registered');
    expect([holder.runner.holdsLock(), follower.runner.holdsLock()]).toEqual([true, false]);
    expect(replica.ackedAt.size).toBe(0);

    const key = softSecurityKey(await createSoftAuthenticator());
    const prompts: SecurityKeyPrompt['ceremony'][] = [];
    const page: SecurityKeyPrompter = async ({ ceremony, request }) => {
      prompts.push(ceremony);
      return ceremony === 'register' ? key.register(request) : key.assert(request);
    };
    expect(await follower.api.confirmTwoFactor(page)).toEqual({ ok: true, value: undefined });
    expect(prompts).toEqual(['register', 'assert']);
    expect(holder.runner.engine()?.status()).toMatchObject({ state: 'connected', problem: null });
    await waitFor(() => follower.runner.status().state === 'connected');
    expect(replica.ackedAt.size).toBe(1);

    // The asking page's team calls go through the session the key verified, lent by the worker running sync.
    const token = await follower.token();
    expect(token.ok).toBe(true);
    const status = await postRaw(`${relay.url}/v1/two-factor/status`, '{}', token.ok ? token.value : '');
    expect(status.status).toBe(200);
  });

  it('returns the prompt’s refusal in the asking page, and sync stays held', async () => {
    const { holder, follower } = twoPagesOfTheMember();
    await waitFor(() => follower.runner.status().problem?.type === 'two-factor-not-registered');
    const cancelled = await follower.api.confirmTwoFactor(async () => ({ ok: false, error: { code: 'cancelled', detail: null } }));
    expect(cancelled).toEqual({ ok: false, error: { type: 'security-key', prompt: { code: 'cancelled', detail: null } } });
    expect(holder.runner.engine()?.status()).toMatchObject({ problem: { type: 'two-factor-not-registered' } });
  });
});
