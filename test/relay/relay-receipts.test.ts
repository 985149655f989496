/**
 * A device's side of erasure receipts against a real relay: after a round it verifies each
 * receipt against the key it pinned, erases what it still holds, acknowledges, and runs again only
 * when due; a relay that now signs with another key is refused, and nothing is acknowledged.
 */
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import { ErasureStatusSchema, type RelayErasureReceipt } from '../../core/erasure/relay-receipt';
import { createRelayReceipts, type RelayKeyPin, type RelayReceiptStore } from '../../core/erasure/relay-receipts';
import type { RelayTransport } from '../../core/sync/ports';
import { tombstoneHash } from '../../relay/store/tombstones';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { connectDevice, postRaw, type RelayClient } from './support/relay-client';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from './support/test-device';

const START = Date.UTC(2026, 5, 1);
const HOUR_MS = 60 * 60 * 1000;

const fetchTransport = (baseUrl: string): RelayTransport => ({
  request: async (path, { body, token }) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const answer = await fetch(`${baseUrl}${path}`, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: answer.status, body: await answer.json() };
  },
  openSocket: () => { throw new Error('no socket in this test'); },
});

const memoryStore = () => {
  let pin: RelayKeyPin | null = null;
  let cursor = 0;
  const kept: RelayErasureReceipt[] = [];
  const store: RelayReceiptStore = {
    pin: async () => pin,
    setPin: async (next) => { pin = next; },
    cursor: async () => cursor,
    keep: async (receipt) => { kept.push(receipt); cursor = Math.max(cursor, receipt.seq); },
  };
  return { store, kept, pinned: () => pin };
};

describe('erasure receipts on the device', () => {
  let relay: TestRelay;
  let clock: ReturnType<typeof createManualClock>;
  let eraser: TestDevice;
  let holder: TestDevice;
  let eraserClient: RelayClient;
  let holderClient: RelayClient;

  beforeEach(async () => {
    clock = createManualClock(START);
    relay = await startTestRelay({}, undefined, { clock });
    const teamKey = newTeamKey();
    eraser = await createTestDevice(newTeamId(), teamKey, clock);
    eraserClient = await connectDevice(relay.url, eraser, 'register');
    holder = await createTestDevice(eraser.team, teamKey, clock);
    await eraserClient.addDevice(holder);
    holderClient = await connectDevice(relay.url, holder, 'session');
    const canary = 'keyed-hash-of-canary';
    await eraserClient.push([await eraser.nextSet([{ text: 'CANARY', recordId: canary, op: 'create' }])]);
    await eraserClient.push([await eraser.nextSet([{ text: '', recordId: canary, op: 'erase' }])]);
  });
  afterEach(async () => { await relay.dispose(); });

  const statusOf = async (idHash: string) =>
    v.parse(ErasureStatusSchema, (await postRaw(`${relay.url}/v1/erasures/status`, JSON.stringify({ idHash }), eraserClient.token())).body);

  it('erases the person it still holds, naming the eraser, then acknowledges; the next run waits until due', async () => {
    const { store, kept, pinned } = memoryStore();
    const erasedHere: { hash: string; by: string | undefined }[] = [];
    const receipts = createRelayReceipts({
      transport: fetchTransport(relay.url), token: async () => holderClient.token(), team: holder.team, clock, everyMs: 6 * HOUR_MS, store,
      eraseHeld: async (hash, by) => { erasedHere.push({ hash, by }); return true; },
    });
    const idHash = tombstoneHash('keyed-hash-of-canary');
    expect((await statusOf(idHash)).acknowledged).toBe(0);

    expect(await receipts.afterRound()).toEqual({ type: 'done', receipts: 1, erased: 1, acknowledged: 1, invalid: 0 });
    expect(erasedHere).toEqual([{ hash: idHash, by: eraser.keys.deviceId }]);
    expect(kept.map((receipt) => receipt.idHash)).toEqual([idHash]);
    expect(pinned()?.pinnedAt).toBe(START);
    const status = await statusOf(idHash);
    expect(status).toMatchObject({ devices: 2, acknowledged: 1, pending: [{ device: eraser.keys.deviceId }] });

    clock.advance(HOUR_MS);
    expect(await receipts.afterRound()).toEqual({ type: 'not-due' });
    clock.advance(5 * HOUR_MS);
    // Due again: the cursor is past the receipt, so nothing is erased or acknowledged twice.
    expect(await receipts.afterRound()).toEqual({ type: 'done', receipts: 0, erased: 0, acknowledged: 0, invalid: 0 });
    expect(erasedHere).toHaveLength(1);
  });

  it('refuses a relay whose key changed since it was pinned: nothing erased, nothing acknowledged', async () => {
    const { store } = memoryStore();
    await store.setPin({ publicKey: Buffer.alloc(32, 1).toString('base64url'), pinnedAt: START - 30 * 24 * HOUR_MS });
    let erasures = 0;
    const receipts = createRelayReceipts({
      transport: fetchTransport(relay.url), token: async () => holderClient.token(), team: holder.team, clock, everyMs: 6 * HOUR_MS, store,
      eraseHeld: async () => { erasures += 1; return true; },
    });
    expect(await receipts.afterRound()).toEqual({ type: 'relay-key-changed', pinnedAt: START - 30 * 24 * HOUR_MS });
    expect(erasures).toBe(0);
    expect((await statusOf(tombstoneHash('keyed-hash-of-canary'))).acknowledged).toBe(0);
  });

  it('skips a receipt that does not verify and never acknowledges it', async () => {
    const { store } = memoryStore();
    const transport = fetchTransport(relay.url);
    const tampering: RelayTransport = {
      ...transport,
      request: async (path, init) => {
        const answer = await transport.request(path, init);
        if (path !== '/v1/erasures') return answer;
        const { receipts } = answer.body as { receipts: RelayErasureReceipt[] };
        return { ...answer, body: { receipts: receipts.map((receipt) => ({ ...receipt, rowsDeleted: receipt.rowsDeleted + 5 })) } };
      },
    };
    let erasures = 0;
    const receipts = createRelayReceipts({
      transport: tampering, token: async () => holderClient.token(), team: holder.team, clock, everyMs: 6 * HOUR_MS, store,
      eraseHeld: async () => { erasures += 1; return true; },
    });
    expect(await receipts.afterRound()).toEqual({ type: 'done', receipts: 1, erased: 0, acknowledged: 0, invalid: 1 });
    expect(erasures).toBe(0);
    expect((await statusOf(tombstoneHash('keyed-hash-of-canary'))).acknowledged).toBe(0);
  });
});
