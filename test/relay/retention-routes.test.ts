/**
 * Retention and erasure over the relay's HTTP API, on SQLite and on PGlite: an owner-signed
 * cancellation refuses the team at once and a restore within 14 days brings it all back; an
 * erased canary is in no relay table and its receipt verifies against the relay's public key,
 * while a tampered receipt does not; devices acknowledge and the status counts them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createManualClock } from '../../core/clock';
import {
  ErasureReceiptListSchema, ErasureStatusSchema, RelayKeySchema, relayErasureView, verifyRelayErasureReceipt,
} from '../../core/erasure/relay-receipt';
import { DAY_MS } from '../../core/retention/windows';
import { fromBase64Url } from '../../core/security/base64url';
import { ChallengeSchema } from '../../core/sync/protocol';
import { signBytes } from '../../core/sync/signing';
import { TeamCancellationReplySchema, teamCancellationMessage, teamWipeDue } from '../../core/sync/team-cancellation';
import { createRetentionSweep } from '../../relay/retention/sweep';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { openSqliteDriver } from '../../relay/store/sqlite';
import { tombstoneHash } from '../../relay/store/tombstones';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { connectDevice, openSessionRaw, postRaw, refusalOf, waitFor, type RelayClient } from './support/relay-client';
import { rowsHolding } from './support/table-scan';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from './support/test-device';

const START = Date.UTC(2026, 2, 1);

afterAll(releaseDriverResources, FIRST_OPEN_TIMEOUT_MS);
// Each test lives through weeks of daily sweeps; PGlite runs them in WebAssembly.
vi.setConfig({ testTimeout: FIRST_OPEN_TIMEOUT_MS });

for (const factory of drivers.filter((candidate) => candidate.name !== 'postgres')) describeDriver(factory, ({ open, name }) => {
  let clock: ReturnType<typeof createManualClock>;
  let driver: SqlDriver;
  let relay: TestRelay;
  let dir: string;
  let owner: TestDevice;
  let client: RelayClient;

  beforeEach(async () => {
    clock = createManualClock(START);
    dir = mkdtempSync(join(tmpdir(), 'locket-retention-'));
    driver = name === 'sqlite' ? openSqliteDriver(join(dir, 'relay.sqlite')) : await open();
    relay = await startTestRelay({}, undefined, { driver, clock });
    owner = await createTestDevice(newTeamId(), newTeamKey(), clock);
    client = await connectDevice(relay.url, owner, 'register');
  }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => {
    await relay.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const signed = async (action: 'cancel' | 'restore', device = owner) => {
    const challenge = v.parse(ChallengeSchema, (await postRaw(`${relay.url}/v1/challenge`, JSON.stringify({ team: device.team, device: device.keys.deviceId }))).body);
    const request = { team: device.team, device: device.keys.deviceId, nonce: challenge.nonce, signedAt: clock.now() };
    return { ...request, sig: await signBytes(device.keys.privateKey, teamCancellationMessage(action, challenge.relayInstance, request)) };
  };
  const post = (path: string, body: unknown, token?: string) => postRaw(`${relay.url}${path}`, JSON.stringify(body), token);
  const sweepDays = async (days: number) => {
    const sweep = createRetentionSweep(driver, { clock });
    for (let day = 0; day < days; day += 1) {
      clock.advance(DAY_MS);
      expect((await sweep.run()).held).toBeNull();
    }
  };

  it('refuses a cancelled team at once, lets its owner restore it on day 13 with nothing lost, and leaves no row of it by day 15', async () => {
    await client.push([await owner.nextSet(['Ada', 'Bob'])]);
    const cancellation = await signed('cancel');
    expect((await post('/v1/cancel-team', cancellation)).status).toBe(200);

    expect(refusalOf(await client.pullRaw(0)).error).toBe('team_cancelled');
    expect(refusalOf(await client.pushRaw({ reqId: 'r', sets: [await owner.nextSet(['late'])] })).error).toBe('team_cancelled');
    expect(refusalOf(await openSessionRaw(relay.url, owner, 'session')).error).toBe('team_cancelled');
    // A replayed cancellation is refused: its nonce was single-use.
    expect(refusalOf(await post('/v1/cancel-team', cancellation)).error).toBe('bad_nonce');

    // What a device reads: the owner's own signature, which it checks with the key it knows.
    const reply = v.parse(TeamCancellationReplySchema, (await post('/v1/team-cancellation', { team: owner.team })).body);
    const stored = reply.cancellation!;
    const { cancelledAt: _at, ...request } = stored;
    const known = new Map([[owner.keys.deviceId, owner.keys.publicKey]]);
    const wipe = (now: number, keys = known) => teamWipeDue({ cancellation: request, ownerDeviceKeys: keys, relayInstance: reply.relayInstance, now, clockTrusted: true });
    expect(await wipe(START + 13 * DAY_MS)).toBe(false);
    expect(await wipe(START + 14 * DAY_MS)).toBe(true);
    expect(await wipe(START + 14 * DAY_MS, new Map())).toBe(false);
    expect(await wipe(START + 14 * DAY_MS, new Map([[owner.keys.deviceId, (await createTestDevice(owner.team, newTeamKey())).keys.publicKey]]))).toBe(false);

    await sweepDays(13);
    expect((await post('/v1/restore-team', await signed('restore'))).status).toBe(200);
    const back = await connectDevice(relay.url, owner, 'session');
    expect((await back.pullAll(0)).flatMap((set) => set.items)).toHaveLength(2);

    expect((await post('/v1/cancel-team', await signed('cancel'))).status).toBe(200);
    await sweepDays(15);
    expect(Object.entries(await rowsHolding(driver, [owner.team])).filter(([, count]) => count > 0)).toEqual([]);
    // Gone for good: no challenge, so no restore and no session, and still no row naming the team.
    expect(refusalOf(await post('/v1/challenge', { team: owner.team, device: owner.keys.deviceId })).error).toBe('team_cancelled');
    await expect(openSessionRaw(relay.url, owner, 'session')).rejects.toThrow(/team_cancelled/);
    expect(Object.entries(await rowsHolding(driver, [owner.team])).filter(([, count]) => count > 0)).toEqual([]);
  });

  it('takes a cancellation only from an owner\'s device with a valid signature', async () => {
    const stranger = await createTestDevice(owner.team, newTeamKey(), clock);
    expect(refusalOf(await post('/v1/cancel-team', await signed('cancel', stranger))).error).toBe('unknown_device');
    const forged = { ...(await signed('cancel')), signedAt: clock.now() + 1 };
    expect(refusalOf(await post('/v1/cancel-team', forged)).error).toBe('bad_signature');
    expect((await client.pull(0)).head).toBe(0);
  });

  it('erases a canary from every relay table and signs a receipt that verifies against the relay key; a tampered one does not', async () => {
    const second = await createTestDevice(owner.team, newTeamKey(), clock);
    expect(await client.addDevice(second)).toMatchObject({ status: 200 });
    const canary = 'canary-person';
    const created = await owner.nextSet([{ text: 'CANARY Zoë Quill', recordId: canary, op: 'create' }, 'kept']);
    const edited = await owner.nextSet([{ text: 'CANARY Zoë Quill, edited', recordId: canary, op: 'update' }]);
    await client.push([created, edited]);
    await client.push([await owner.nextSet([{ text: '', recordId: canary, op: 'erase' }])]);
    const canaryBytes = [...created.items, ...edited.items].filter((item) => item.recordId === canary).map((item) => fromBase64Url(item.ct!)!);
    expect(Object.entries(await rowsHolding(driver, canaryBytes)).filter(([, count]) => count > 0)).toEqual([]);

    const relayKey = v.parse(RelayKeySchema, await (await fetch(`${relay.url}/v1/relay-key`)).json());
    const { receipts } = v.parse(ErasureReceiptListSchema, (await post('/v1/erasures', { since: 0 }, client.token())).body);
    expect(receipts).toHaveLength(1);
    const receipt = receipts[0]!;
    expect(receipt).toMatchObject({ team: owner.team, idHash: tombstoneHash(canary), seq: 3, rowsDeleted: 2, at: START });
    const publicKey = fromBase64Url(relayKey.publicKey)!;
    expect(await verifyRelayErasureReceipt(publicKey, receipt)).toBe(true);
    expect(await verifyRelayErasureReceipt(publicKey, { ...receipt, rowsDeleted: 0 })).toBe(false);
    expect(await verifyRelayErasureReceipt(publicKey, { ...receipt, idHash: tombstoneHash('someone-else') })).toBe(false);
    expect(await relayErasureView(publicKey, { ...receipt, at: receipt.at + 1 }, null, () => null)).toEqual({ type: 'receipt-invalid' });

    clock.advance(60 * 60 * 1000);
    expect((await post('/v1/erasures/ack', { idHash: receipt.idHash }, client.token())).status).toBe(200);
    const status = v.parse(ErasureStatusSchema, (await post('/v1/erasures/status', { idHash: receipt.idHash }, client.token())).body);
    expect(status).toEqual({ idHash: receipt.idHash, devices: 2, acknowledged: 1, pending: [{ device: second.keys.deviceId, lastSeenAt: null }] });
    expect(await relayErasureView(publicKey, receipt, status, (device) => (device === second.keys.deviceId ? 'Laptop' : null))).toEqual({
      type: 'erased-on-relay', at: START, rowsDeleted: 2, acknowledged: 1, devices: 2,
      pending: [{ device: second.keys.deviceId, label: 'Laptop', lastSeenAt: null }],
    });
    expect(refusalOf(await post('/v1/erasures/ack', { idHash: tombstoneHash('never-erased') }, client.token())).error).toBe('not_found');
  });

  it('keeps one relay key across restarts on the same database', async () => {
    const first = v.parse(RelayKeySchema, await (await fetch(`${relay.url}/v1/relay-key`)).json());
    const again = v.parse(RelayKeySchema, await (await fetch(`${relay.url}/v1/relay-key`)).json());
    expect(again).toEqual(first);
    const rows = await driver.all(`SELECT key FROM relay_meta WHERE key = 'relay_signing_key'`);
    expect(rows).toHaveLength(1);
  });

  // The timer is the process's; what each sweep does is proven on every driver in retention.test.ts.
  it.runIf(name === 'sqlite')('sweeps on its own timer: left alone for 31 days with every device off, it holds no ciphertext of a trashed record', async () => {
    const lines: { msg?: string; at?: number; trashedRecordsEnded?: number }[] = [];
    const alone = await startTestRelay({ retentionEveryMs: 20, logLevel: 'info' }, { write: (line: string) => { lines.push(JSON.parse(line)); } }, { driver, clock });
    try {
      const device = await createTestDevice(newTeamId(), newTeamKey(), clock);
      const session = await connectDevice(alone.url, device, 'register');
      const created = await device.nextSet([{ text: 'Ivy', recordId: 'ivy', op: 'create' }]);
      await session.push([created, await device.nextSet([{ text: 'trash', recordId: 'ivy', op: 'delete' }])]);
      for (let day = 1; day <= 31; day += 1) {
        clock.advance(DAY_MS);
        await waitFor(() => lines.some((line) => line.msg === 'retention sweep' && line.at === clock.now()));
      }
      expect(lines.filter((line) => line.msg === 'retention sweep').reduce((sum, line) => sum + (line.trashedRecordsEnded ?? 0), 0)).toBe(1);
      expect(Object.values(await rowsHolding(driver, [fromBase64Url(created.items[0]!.ct!)!])).every((count) => count === 0)).toBe(true);
    } finally {
      await alone.close();
    }
  });
});
