/** The receipts run follows sync rounds: once per finished round of the lock's holder, never for another context's. */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import { createStatusHolder } from '../../../core/sync/engine/status';
import type { RelayTransport } from '../../../core/sync/ports';
import { startRelayRetentionWorker } from '../../../worker/relay-retention-worker';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('relay retention worker', () => {
  it('runs after a round the lock holder finished, at most once per period, and not in a context without the lock', async () => {
    const clock = createManualClock(Date.UTC(2026, 5, 1));
    const status = createStatusHolder();
    let holdsLock = true;
    const asked: string[] = [];
    const transport: RelayTransport = {
      request: async (path) => {
        asked.push(path);
        if (path === '/v1/relay-key') return { status: 200, body: { publicKey: Buffer.alloc(32, 1).toString('base64url') } };
        return { status: 200, body: { receipts: [] } };
      },
      openSocket: () => { throw new Error('unused'); },
    };
    const worker = startRelayRetentionWorker({
      runner: { watch: status.watch, holdsLock: () => holdsLock },
      account: { identity: async () => ({ relayUrl: 'https://relay.example', team: 'team', deviceId: 'd', deviceName: 'Laptop', epoch: 1 }) },
      transportFor: () => transport, token: async () => ({ ok: true, value: 'token' }), clock, everyMs: 60_000,
      receipts: {
        store: () => ({ pin: async () => null, setPin: async () => undefined, cursor: async () => 0, keep: async () => undefined }),
        eraseHeld: async () => false,
      },
    });
    status.update({ state: 'connected', lastSyncedAt: clock.now() });
    await flush();
    await worker.settled();
    expect(asked).toEqual(['/v1/relay-key', '/v1/erasures']);
    expect(worker.lastReceipts()).toEqual({ type: 'done', receipts: 0, erased: 0, acknowledged: 0, invalid: 0 });

    clock.advance(45_000);
    status.update({ lastSyncedAt: clock.now() });
    await flush();
    await worker.settled();
    expect(asked).toHaveLength(2);

    holdsLock = false;
    clock.advance(60_000);
    status.update({ lastSyncedAt: clock.now() });
    await flush();
    await worker.settled();
    expect(asked).toHaveLength(2);
    worker.stop();
  });

  it('checks the team\'s cancellation while the relay refuses it as cancelled, and lets the runner drop the identity after a wipe', async () => {
    const clock = createManualClock(Date.UTC(2026, 5, 1));
    const status = createStatusHolder();
    const checks: number[] = [];
    let identityDropped = 0;
    const worker = startRelayRetentionWorker({
      runner: { watch: status.watch, holdsLock: () => true },
      account: { identity: async () => ({ relayUrl: 'https://relay.example', team: 'team', deviceId: 'd', deviceName: 'Laptop', epoch: 1 }) },
      transportFor: () => ({ request: async () => ({ status: 403, body: {} }), openSocket: () => { throw new Error('unused'); } }),
      token: async () => ({ ok: false, error: { type: 'not-connected' } }), clock, everyMs: 60_000,
      receipts: {
        store: () => ({ pin: async () => null, setPin: async () => undefined, cursor: async () => 0, keep: async () => undefined }),
        eraseHeld: async () => false,
      },
      cancellation: () => ({
        check: async () => {
          checks.push(clock.now());
          return checks.length < 2 ? { type: 'cancelled', signedAt: 0, restorableUntil: 14 } : { type: 'wiped', signedAt: 0, wipedAt: clock.now() };
        },
        restored: async () => undefined,
        state: async () => ({ type: 'active' }),
      }),
      identityChanged: async () => { identityDropped += 1; },
    });
    const refused = { type: 'relay-refused', code: 'team_cancelled' } as const;
    status.update({ state: 'offline', problem: refused });
    await flush();
    await worker.settled();
    expect(checks).toHaveLength(1);
    // A retry a minute later refused again: within the period, no second check.
    status.update({ state: 'connecting', problem: null });
    status.update({ state: 'offline', problem: refused });
    await flush();
    await worker.settled();
    expect(checks).toHaveLength(1);
    clock.advance(60_000);
    status.update({ state: 'connecting', problem: null });
    status.update({ state: 'offline', problem: refused });
    await flush();
    await worker.settled();
    expect(checks).toHaveLength(2);
    expect(identityDropped).toBe(1);
    worker.stop();
  });
});
