/**
 * After a purge, no byte of the purged items' ciphertext is left where someone holding the relay's
 * storage could read it: the SQLite file and its WAL, or a pg_dump of the PostgreSQL database.
 * Before the purge the same scan finds them, so the scan itself is proven to look.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../core/security/base64url';
import type { Envelope } from '../../core/sync/protocol';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, postgresDrivers, releaseDriverResources, sharedPostgresServer } from './postgres-drivers';
import { holdsBytesOf, holdsHexOf } from './support/byte-scan';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { connectDevice } from './support/relay-client';
import { createTestDevice, newTeamId, newTeamKey } from './support/test-device';

const doomed = 'doomed-record';
const kept = 'kept-record';

const ciphertextsOf = (sets: readonly Envelope[], recordId: string): Uint8Array[] =>
  sets.flatMap((set) => set.items.filter((item) => item.recordId === recordId && item.op !== 'purge').map((item) => fromBase64Url(item.ct!)!));

/** A large item (SQLite overflow pages, PostgreSQL TOAST), a small one in a mixed set, an update; then the purge. */
const purgeThroughRelay = async (relay: TestRelay, scan: (cts: Uint8Array[]) => boolean) => {
  const device = await createTestDevice(newTeamId(), newTeamKey());
  const client = await connectDevice(relay.url, device, 'register');
  const big = 'x'.repeat(20_000);
  const sets = [
    await device.nextSet([{ text: big, recordId: doomed, op: 'create' }]),
    await device.nextSet([{ text: 'kept', recordId: kept, op: 'create' }, { text: 'small', recordId: doomed, op: 'update' }]),
    await device.nextSet([{ text: 'renamed', recordId: doomed, op: 'update' }]),
  ];
  await client.push(sets);
  expect(scan(ciphertextsOf(sets, doomed))).toBe(true);
  const ack = await client.push([await device.nextSet([{ text: '', recordId: doomed, op: 'purge' }])]);
  expect(ack.results[0]).toMatchObject({ seq: 4 });
  expect(scan(ciphertextsOf(sets, doomed))).toBe(false);
  expect(scan(ciphertextsOf(sets, kept))).toBe(true);
};

describe('purge on SQLite', () => {
  let relay: TestRelay | undefined;
  afterEach(async () => { await relay?.dispose(); });

  it('leaves no byte of the purged ciphertext in the database file or its WAL, and logs how many items it emptied', async () => {
    const logPath = join(tmpdir(), `locket-relay-purge-${process.pid}-${Date.now()}.log`);
    relay = await startTestRelay({ logLevel: 'info' }, pino.destination({ dest: logPath, sync: true }));
    const dataFile = relay.dataFile;
    const files = (): Buffer[] => [dataFile, `${dataFile}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file));
    await purgeThroughRelay(relay, (cts) => {
      const contents = files();
      return cts.some((ct) => contents.some((content) => holdsBytesOf(content, ct)));
    });
    const pushes = readFileSync(logPath, 'utf8').split('\n').filter((line) => line.includes('"msg":"push"'));
    expect(pushes.map((line) => (JSON.parse(line) as { ciphertextsDropped: number }).ciphertextsDropped)).toEqual([0, 3]);
    rmSync(logPath, { force: true });
  });
});

afterAll(releaseDriverResources, FIRST_OPEN_TIMEOUT_MS);

describeDriver(postgresDrivers.find((factory) => factory.name === 'postgres')!, () => {
  let relay: TestRelay | undefined;
  afterEach(async () => { await relay?.dispose(); });

  it('leaves no byte of the purged ciphertext in a pg_dump', async () => {
    const server = await sharedPostgresServer();
    const name = `purge_${process.pid}`;
    relay = await startTestRelay({ db: await server.createDatabase(name) });
    await purgeThroughRelay(relay, (cts) => {
      const dump = server.dump(name);
      return cts.some((ct) => holdsHexOf(dump, ct) || holdsBytesOf(Buffer.from(dump), ct));
    });
  }, FIRST_OPEN_TIMEOUT_MS);
});
