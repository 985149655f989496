/**
 * The snapshot API over HTTP: admins upload, standard and read-only members may read but not upload, and a
 * pull from below the log's floor is answered `410 gone` once retention truncated the log.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import { DAY_MS } from '../../core/retention/windows';
import { toBase64Url } from '../../core/security/base64url';
import { createRetentionSweep } from '../../relay/retention/sweep';
import { openSqliteDriver } from '../../relay/store/sqlite';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { connectDevice, postRaw, refusalOf } from './support/relay-client';
import { startRelayTeam, type RelayTeam, type TeamMember } from './support/team-client';

let relay: TestRelay;
let team: RelayTeam;
let driver: SqlDriver;
const clock = createManualClock(Date.now());

beforeEach(async () => {
  driver = openSqliteDriver(':memory:');
  // No timer sweeps: the test runs retention itself, on its own clock.
  relay = await startTestRelay({ retentionEveryMs: 24 * 60 * 60 * 1000 }, undefined, { driver, clock });
  team = await startRelayTeam(relay.url);
});
afterEach(async () => { await relay.dispose(); });

const call = (by: TeamMember, path: string, body: unknown) => postRaw(`${relay.url}/v1/snapshots/${path}`, JSON.stringify(body), by.client.token());
const row = (recordId: string) => ({ recordId, kind: 'person', ct: toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(40))) });

const uploadAs = async (by: TeamMember, rows: readonly ReturnType<typeof row>[], atSeq: number) => {
  const begun = await call(by, 'begin', { atSeq, epoch: 1 });
  expect(begun.status).toBe(200);
  const { snapshotId } = begun.body as { snapshotId: string };
  expect((await call(by, 'rows', { snapshotId, rows })).body).toEqual({ stored: rows.length });
  expect((await call(by, 'commit', { snapshotId })).status).toBe(200);
  return snapshotId;
};

it('an admin uploads; standard and read-only members read it but are refused uploading', async () => {
  const admin = await team.addMember('admin');
  const standard = await team.addMember('standard');
  const reader = await team.addMember('read-only');
  const rows = [row('b'), row('a')];
  const snapshotId = await uploadAs(admin, rows, 0);

  // Snapshot rows are not signed: a standard member's could carry team settings it may not write.
  for (const member of [standard, reader]) {
    const refused = await call(member, 'begin', { atSeq: 0, epoch: 1 });
    expect([refused.status, refusalOf(refused).error]).toEqual([403, 'role_forbidden']);
  }
  // Nor may they add rows to an admin's open upload.
  const open = (await call(admin, 'begin', { atSeq: 0, epoch: 1 })).body as { snapshotId: string };
  for (const member of [standard, reader]) {
    const sneaked = await call(member, 'rows', { snapshotId: open.snapshotId, rows: [{ ...row('c'), kind: 'settings' }] });
    expect([sneaked.status, refusalOf(sneaked).error]).toEqual([403, 'role_forbidden']);
  }

  const latest = await call(reader, 'latest', {});
  expect(latest.body).toMatchObject({ floor: 0, snapshot: { id: snapshotId, atSeq: 0, epoch: 1 } });
  const page = await call(reader, 'get', { snapshotId });
  expect(page.body).toEqual({ rows: [rows[1], rows[0]], more: false });
});

it('answers a pull from below the floor with 410 gone once the log was truncated under a snapshot', async () => {
  const owner = team.owner;
  const pushed = await owner.client.push([await owner.device.nextSet(['Ada']), await owner.device.nextSet(['Bo'])]);
  expect(pushed.head).toBe(2);
  await uploadAs(owner, [row('ada'), row('bo')], 2);
  const sweep = createRetentionSweep(driver, { clock });
  for (let day = 0; day < 51; day += 1) {
    clock.advance(DAY_MS);
    expect((await sweep.run()).held).toBeNull();
  }
  // Day 51: sets 1 and 2 went under the snapshot, and the snapshot itself after 50 days.
  // Sessions last hours: the device comes back with a new one.
  const back = { ...owner, client: await connectDevice(relay.url, owner.device, 'session') };
  const gone = await back.client.pullRaw(0);
  expect([gone.status, refusalOf(gone).error]).toEqual([410, 'gone']);
  expect((await back.client.pullRaw(2)).status).toBe(200);
  expect((await call(back, 'latest', {})).body).toMatchObject({ floor: 2, head: 2, snapshot: null });
});
