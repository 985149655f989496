/**
 * The relay as a child process on a real PostgreSQL server, three devices pushing continuously,
 * and PostgreSQL stopped with `pg_ctl stop -m immediate` (as a crash would) at random moments,
 * then started again. The relay keeps running through it; afterwards nothing acknowledged is
 * lost, the team's seq has no gap, each device's clientSeq has none, and every device pulls the
 * same log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeDriver, postgresDrivers } from './postgres-drivers';
import { startPostgresServer, type PostgresServer } from './postgres-server';
import { expectNothingLost, sleep, startPusher, type ContinuousPusher } from './support/continuous-pusher';
import { connectDevice } from './support/relay-client';
import { spawnRelay, type RelayProcess } from './support/relay-process';
import { createTestDevice, newTeamId, newTeamKey, type TestDevice } from './support/test-device';

const CRASHES = 5;
const DEVICES = 3;
const MAX_PUSH_ATTEMPTS = 1500;
const ACKS_AFTER_LAST_CRASH = 2;

const between = (min: number, max: number): number => min + Math.floor(Math.random() * (max - min));

describeDriver(postgresDrivers.find((factory) => factory.name === 'postgres')!, () => {
  const dir = mkdtempSync(join(tmpdir(), 'locket-relay-pg-crash-'));
  let server: PostgresServer | undefined;
  let relay: RelayProcess | undefined;
  afterAll(async () => {
    relay?.child.kill('SIGKILL');
    await relay?.exited;
    server?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing acknowledged through PostgreSQL crashes, and every device converges', { timeout: 180_000 }, async () => {
    // An immediate stop kills PostgreSQL's processes, not the machine: the OS keeps every write, so
    // fsync=off changes nothing this test proves and spares each restart its sync of the data folder.
    server = await startPostgresServer({ settings: { fsync: 'off' } });
    const url = await server.createDatabase('relay');
    // The SQLite file is named only because the command line wants one; --db takes precedence.
    relay = await spawnRelay(join(dir, 'unused.sqlite'), join(dir, 'relay.log'), { LOCKET_RELAY_DB: url });
    const baseUrl = relay.url;
    const teamKey = newTeamKey();
    const team = newTeamId();
    const devices: TestDevice[] = [];
    const tokens: string[] = [];
    for (let i = 0; i < DEVICES; i += 1) {
      const device = await createTestDevice(team, teamKey);
      if (i > 0) expect((await (await connectDevice(baseUrl, devices[0]!, 'session')).addDevice(device)).status).toBe(200);
      tokens.push((await connectDevice(baseUrl, device, i === 0 ? 'register' : 'session')).token());
      devices.push(device);
    }
    const pushers: ContinuousPusher[] = devices.map((device, i) => startPusher({
      device, token: tokens[i]!, baseUrl: () => baseUrl, plaintext: (index) => `device ${i} item ${index}`, maxAttempts: MAX_PUSH_ATTEMPTS,
    }));
    const ackedCount = (): number => pushers.reduce((total, p) => total + p.acked.size, 0);
    const relayExited = relay.exited.then(() => true);

    for (let crash = 0; crash < CRASHES; crash += 1) {
      await sleep(between(200, 900));
      const before = ackedCount();
      server.stop('immediate');
      // Pushes reach the relay while its database is gone: they must fail, never be acknowledged.
      await sleep(between(100, 400));
      expect(ackedCount()).toBeLessThanOrEqual(before + DEVICES);
      await server.start();
    }
    const afterLastCrash = pushers.map((p) => p.acked.size);
    const settleDeadline = Date.now() + 20_000;
    while (pushers.some((p, i) => p.acked.size < afterLastCrash[i]! + ACKS_AFTER_LAST_CRASH) && Date.now() < settleDeadline) await sleep(50);
    await Promise.all(pushers.map((p) => p.stop()));
    expect(await Promise.race([relayExited, sleep(0).then(() => false)])).toBe(false);

    const pulls = await Promise.all(devices.map(async (device) => (await connectDevice(baseUrl, device, 'session')).pullAll(0)));
    for (const [i, pusher] of pushers.entries()) expect(pusher.acked.size).toBeGreaterThan(afterLastCrash[i]!);
    expectNothingLost(pulls[0]!, pushers);
    for (const pulled of pulls.slice(1)) expect(pulled).toEqual(pulls[0]);
    expect(new Set(pulls[0]!.map((s) => s.device))).toEqual(new Set(devices.map((d) => d.keys.deviceId)));
  });
});
