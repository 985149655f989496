/**
 * `npm run relay -- backup`: a consistent copy of the SQLite relay that opens on its own, and no
 * copy kept past 50 days, measured by an injected clock, and none deleted under a clock that jumped.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import { DAY_MS } from '../../core/retention/windows';
import { backupFileName, backupSqliteRelay, backupTime } from '../../relay/retention/backup';
import { parseBackupArgs, runBackupCommand } from '../../relay/retention/backup-command';
import { createRetentionSweep } from '../../relay/retention/sweep';
import { HELP } from '../../relay/server/config';
import { openSqliteDriver } from '../../relay/store/sqlite';
import { createRelayStore } from '../../relay/store/store';
import { createTestDevice, newTeamId, newTeamKey } from './support/test-device';

const START = Date.UTC(2026, 4, 1, 3, 0, 0);
let dir: string;
let dataFile: string;
let backups: string;
const clock = createManualClock(START);

beforeEach(async () => {
  clock.set(START);
  dir = mkdtempSync(join(tmpdir(), 'locket-backup-'));
  dataFile = join(dir, 'relay.sqlite');
  backups = join(dir, 'backups');
  const store = createRelayStore(openSqliteDriver(dataFile), { clock });
  await store.migrate();
  const team = newTeamId();
  const device = await createTestDevice(team, newTeamKey(), clock);
  await store.createTeam(team, device.keys.deviceId, device.keys.publicKey);
  await store.appendSets(team, device.keys.deviceId, [await device.nextSet(['one']), await device.nextSet(['two'])]);
  await store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sweepOnce = async () => {
  const driver = openSqliteDriver(dataFile);
  await createRetentionSweep(driver, { clock }).run();
  await driver.close();
};

it('writes a copy that opens on its own and holds what the relay held', async () => {
  const report = await backupSqliteRelay({ dataFile, dir: backups, clock });
  expect(report.file).toBe(join(backups, backupFileName(START)));
  const copy = new Database(report.file, { readonly: true });
  expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(copy.prepare('SELECT COUNT(*) AS n FROM change_sets').get()).toEqual({ n: 2 });
  copy.close();
  expect(readdirSync(backups).filter((name) => name.endsWith('.partial'))).toEqual([]);
});

it('deletes copies older than 50 days, keeps younger ones and files that are not copies', async () => {
  const aged = (days: number) => backupFileName(START - days * DAY_MS);
  await backupSqliteRelay({ dataFile, dir: backups, clock });
  for (const name of [aged(51), aged(50), aged(49), 'notes.txt']) writeFileSync(join(backups, name), 'x');
  clock.advance(60 * 60 * 1000);
  await sweepOnce();
  const report = await backupSqliteRelay({ dataFile, dir: backups, clock });
  expect(report.held).toBeNull();
  expect(report.deleted).toEqual([aged(51), aged(50)].sort());
  expect(readdirSync(backups).sort()).toEqual([aged(49), backupFileName(START), backupFileName(START + 60 * 60 * 1000), 'notes.txt'].sort());
  expect(backupTime(aged(49))).toBe(START - 49 * DAY_MS);
});

it('deletes no copy under a clock that jumped weeks ahead of what the relay last trusted', async () => {
  await sweepOnce();
  await backupSqliteRelay({ dataFile, dir: backups, clock });
  clock.advance(60 * DAY_MS);
  const report = await backupSqliteRelay({ dataFile, dir: backups, clock });
  expect(report.held).toMatchObject({ type: 'clock-jumped' });
  expect(report.deleted).toEqual([]);
  expect(existsSync(join(backups, backupFileName(START)))).toBe(true);
});

it('is a command listed by --help, and sends a PostgreSQL relay to point-in-time recovery', async () => {
  expect(HELP).toMatch(/backup \[<dir>\]/);
  expect(parseBackupArgs([backups, '--data', dataFile], {})).toEqual({ kind: 'backup', dataFile, dir: backups });
  expect(parseBackupArgs(['--backup-dir', backups], {})).toMatchObject({ kind: 'backup', dir: backups });
  expect(parseBackupArgs([], { LOCKET_RELAY_DB: 'postgres://x' })).toMatchObject({ kind: 'error', message: expect.stringMatching(/point-in-time/) });
  const lines: string[] = [];
  expect(await runBackupCommand([backups, '--data', dataFile], {}, (line) => lines.push(line), clock)).toBe(0);
  expect(lines[0]).toBe(`Backup written: ${join(backups, backupFileName(START))}`);
});
