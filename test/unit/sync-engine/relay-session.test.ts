import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import { SyncFailure } from '../../../core/sync/engine/relay-problem';
import { createRelaySession } from '../../../core/sync/engine/relay-session';
import type { RelayAnswer, RelayTransport } from '../../../core/sync/ports';
import { verifyBytes, authMessage } from '../../../core/sync/signing';
import { fromBase64Url } from '../../../core/security/base64url';
import { createTestCrypto } from '../../relay/support/sync-test-deps';
import { createTestDevice, newTeamId, newTeamKey } from '../../relay/support/test-device';

const NONCE = 'n'.repeat(43);
const HOUR = 60 * 60 * 1000;

/** A relay double for the session's own rules; the real relay's side is in test/relay. */
const scriptedRelay = (answerFor: (path: string, token: string | undefined) => RelayAnswer | undefined) => {
  const calls: { path: string; body: unknown; token?: string }[] = [];
  let sessions = 0;
  const transport: RelayTransport = {
    request: async (path, init) => {
      calls.push({ path, body: init.body, ...(init.token ? { token: init.token } : {}) });
      const scripted = answerFor(path, init.token);
      if (scripted) return scripted;
      if (path === '/v1/challenge') return { status: 200, body: { nonce: NONCE, relayTime: 5_000_000, relayInstance: 'instance-a' } };
      if (path === '/v1/session') {
        sessions += 1;
        return { status: 200, body: { token: `token${sessions}`, expiresAt: 5_000_000 + 12 * HOUR, relayInstance: 'instance-a' } };
      }
      return { status: 200, body: { fine: true } };
    },
    openSocket: () => { throw new Error('unused'); },
  };
  return { transport, calls };
};

const setup = async (answerFor: (path: string, token: string | undefined) => RelayAnswer | undefined = () => undefined) => {
  const device = await createTestDevice(newTeamId(), newTeamKey());
  const crypto = createTestCrypto(device, new Map());
  const clock = createManualClock(1_000_000);
  const relay = scriptedRelay(answerFor);
  return { device, clock, ...relay, session: createRelaySession({ transport: relay.transport, crypto, team: device.team, clock }) };
};

describe('relay session', () => {
  it('signs the relay’s challenge for this relay instance and uses the token it gets', async () => {
    const { device, calls, session } = await setup();
    expect(await session.call('/v1/pull', { since: 0 })).toEqual({ fine: true });
    const asked = calls.find((call) => call.path === '/v1/session')!.body as { sig: string };
    const signed = authMessage('session', 'instance-a', device.team, device.keys.deviceId, NONCE);
    expect(await verifyBytes(device.keys.publicKey, asked.sig, signed)).toBe(true);
    expect(fromBase64Url(asked.sig)).toHaveLength(64);
    expect(calls.at(-1)).toMatchObject({ path: '/v1/pull', token: 'token1' });
  });

  it('renews before expiry by the relay’s own clock, and not before', async () => {
    const { clock, calls, session } = await setup();
    await session.call('/v1/pull', { since: 0 });
    clock.advance(11 * HOUR);
    await session.call('/v1/pull', { since: 0 });
    expect(calls.filter((call) => call.path === '/v1/session')).toHaveLength(1);
    clock.advance(HOUR - 4 * 60 * 1000);
    await session.call('/v1/pull', { since: 0 });
    expect(calls.filter((call) => call.path === '/v1/session')).toHaveLength(2);
    expect(calls.at(-1)?.token).toBe('token2');
  });

  it('opens a new session once on a 401, then gives up with the refusal', async () => {
    let refuseAll = false;
    const { calls, session } = await setup((path, token) =>
      path === '/v1/pull' && (token === 'token1' || refuseAll) ? { status: 401, body: { error: 'unauthorized' } } : undefined);
    expect(await session.call('/v1/pull', { since: 0 })).toEqual({ fine: true });
    expect(calls.filter((call) => call.path === '/v1/session')).toHaveLength(2);
    refuseAll = true;
    await expect(session.call('/v1/pull', { since: 0 })).rejects.toEqual(new SyncFailure({ type: 'relay-refused', code: 'unauthorized' }));
    expect(calls.filter((call) => call.path === '/v1/session')).toHaveLength(3);
  });

  it('asks for a new session when the team came to require two-factor, and reports the step its refusal names', async () => {
    const { calls, session } = await setup((path, token) => {
      if (path === '/v1/pull' && token === 'token1') return { status: 403, body: { error: 'two_factor_required' } };
      if (path === '/v1/session' && calls.filter((call) => call.path === '/v1/session').length > 1) return { status: 403, body: { error: 'two_factor_not_registered' } };
      return undefined;
    });
    await session.current();
    // The member has no key yet: "add a security key", not "confirm with your security key".
    await expect(session.call('/v1/pull', { since: 0 })).rejects.toMatchObject({ problem: { type: 'two-factor-not-registered' } });
    expect(calls.filter((call) => call.path === '/v1/session')).toHaveLength(2);
  });

  it('maps refusals to problem codes and refuses an answer that does not match its schema', async () => {
    const removed = await setup((path) => (path === '/v1/session' ? { status: 403, body: { error: 'removed' } } : undefined));
    await expect(removed.session.current()).rejects.toMatchObject({ problem: { type: 'removed' } });
    const old = await setup((path) => (path === '/v1/challenge' ? { status: 400, body: { error: 'version' } } : undefined));
    await expect(old.session.current()).rejects.toMatchObject({ problem: { type: 'version' } });
    const odd = await setup((path) => (path === '/v1/challenge' ? { status: 200, body: { nonce: 'short', relayTime: 1, relayInstance: 'x' } } : undefined));
    await expect(odd.session.current()).rejects.toMatchObject({ problem: { type: 'relay-refused', code: 'bad_answer' } });
    const down = await setup(() => { throw new TypeError('fetch failed'); });
    await expect(down.session.current()).rejects.toMatchObject({ problem: { type: 'relay-unreachable' } });
  });
});
