/**
 * What a device does after each sync round with the round's session (a member's unlock reports):
 * it runs after every round that ended well, with a token the relay accepts, and its failure
 * fails no round.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import { createSyncEngine, type SyncEngine } from '../../core/sync/engine/engine';
import { connectDevice, waitFor } from './support/relay-client';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createTestSyncDevice, type TestSyncDevice } from './support/sync-test-deps';
import { newTeamId } from './support/test-device';

let relay: TestRelay;
let laptop: TestSyncDevice;
let engine: SyncEngine | null = null;

const engineWith = (afterRound: (token: string) => Promise<void>): SyncEngine => {
  const { transport, replica, crypto, device } = laptop;
  engine = createSyncEngine({ transport, replica, crypto, team: device.team, clock: systemClock, random: Math.random, changes: replica.bus, afterRound });
  engine.start();
  return engine;
};

beforeEach(async () => {
  relay = await startTestRelay();
  laptop = await createTestSyncDevice(newTeamId(), relay.url, new Map());
  await connectDevice(relay.url, laptop.device, 'register');
});
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await relay.dispose();
});

it('runs after each round with a session the relay accepts', async () => {
  const answers: number[] = [];
  const synced = engineWith(async (token) => { answers.push((await laptop.transport.request('/v1/devices', { token })).status); });
  await waitFor(() => synced.status().state === 'connected' && answers.length >= 1);
  const before = answers.length;
  laptop.replica.write('Ada');
  await waitFor(() => laptop.replica.ackedAt.size === 1 && answers.length > before);
  expect(new Set(answers)).toEqual(new Set([200]));
});

it('a failure after the round leaves the round done', async () => {
  let calls = 0;
  const synced = engineWith(async () => { calls += 1; throw new Error('relay went away'); });
  await waitFor(() => synced.status().state === 'connected' && calls >= 1);
  laptop.replica.write('Grace');
  expect(await synced.syncNow()).toEqual({ ok: true, value: undefined });
  expect(synced.status()).toMatchObject({ state: 'connected', problem: null });
  expect(laptop.replica.ackedAt.size).toBe(1);
});
