/**
 * Recent logins of a team's members on the relay (issue 13): the relay records every session it
 * opens and keeps the unlocks devices report sealed; an owner's or admin's device reads both, a
 * standard or read-only member's device is refused, and the retention sweep drops what is older
 * than the login window by the relay's injected clock — on SQLite and on PGlite.
 */
import * as v from 'valibot';
import { afterAll, afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createManualClock, type ManualClock } from '../../core/clock';
import { DAY_MS, DEFAULT_LOGIN_DAYS } from '../../core/retention/windows';
import { MemberSessionsReplySchema, StoredUnlocksReplySchema, UnlockReportReplySchema } from '../../core/team/member-logins-protocol';
import { openUnlock, sealUnlock } from '../../core/team/unlock-seal';
import { createRetentionSweep } from '../../relay/retention/sweep';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { drivers } from './drivers';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, releaseDriverResources } from './postgres-drivers';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { connectDevice, postRaw, refusalOf, type RawAnswer } from './support/relay-client';
import { startRelayTeam, type RelayTeam, type TeamMember } from './support/team-client';
import { registerRaw, sessionWithAssertion } from './support/two-factor-client';
import { createSoftAuthenticator } from '../unit/security/soft-authenticator';

afterAll(releaseDriverResources);
vi.setConfig({ testTimeout: FIRST_OPEN_TIMEOUT_MS });

const getRaw = async (url: string, token: string): Promise<RawAnswer> => {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
};

const HOUR_MS = 60 * 60 * 1000;

for (const factory of drivers.filter((candidate) => candidate.name !== 'postgres')) describeDriver(factory, ({ open }) => {
  let relay: TestRelay;
  let driver: SqlDriver;
  let clock: ManualClock;
  let team: RelayTeam;

  const sessionsSeenBy = async (member: TeamMember) => getRaw(`${relay.url}/v1/team/sessions`, member.client.token());
  const unlocksSeenBy = async (member: TeamMember) => getRaw(`${relay.url}/v1/team/unlocks`, member.client.token());
  const reportUnlock = async (member: TeamMember, at: number) => {
    const report = await sealUnlock(team.team, member.keys.signing.deviceId, 1, team.teamKey, at);
    return v.parse(UnlockReportReplySchema, (await postRaw(`${relay.url}/v1/team/unlocks`, JSON.stringify({ unlocks: [report] }), member.client.token())).body);
  };

  beforeEach(async () => {
    clock = createManualClock(Date.now());
    driver = await open();
    relay = await startTestRelay({}, undefined, { driver, clock });
    team = await startRelayTeam(relay.url);
  }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => { await relay.dispose(); });

  it('shows an admin every member\'s session starts and sealed unlocks, and refuses a standard or read-only member', async () => {
    const admin = await team.addMember('admin');
    const standard = await team.addMember('standard');
    const reader = await team.addMember('read-only');
    const unlockedAt = clock.now() - 5 * 60 * 1000;
    expect(await reportUnlock(standard, unlockedAt)).toEqual({ stored: 1 });

    const sessions = await sessionsSeenBy(admin);
    expect(sessions.status).toBe(200);
    const seen = v.parse(MemberSessionsReplySchema, sessions.body).sessions;
    expect(new Set(seen.map((session) => session.member))).toEqual(new Set([team.owner.member, admin.member, standard.member, reader.member]));
    expect(seen.every((session) => !session.twoFactorVerified && session.at === clock.now())).toBe(true);

    const unlocks = v.parse(StoredUnlocksReplySchema, (await unlocksSeenBy(admin)).body).unlocks;
    expect(unlocks).toHaveLength(1);
    expect(unlocks[0]).toMatchObject({ device: standard.keys.signing.deviceId, member: standard.member, epoch: 1 });
    // The relay holds the hour; the minute opens only with the team key.
    expect(unlocks[0]!.bucket % HOUR_MS).toBe(0);
    expect(JSON.stringify(unlocks[0])).not.toContain(String(unlockedAt));
    expect(await openUnlock(team.team, standard.keys.signing.deviceId, unlocks[0]!, team.teamKey)).toBe(unlockedAt);
    expect((await sessionsSeenBy(team.owner)).status).toBe(200);

    for (const refused of [await sessionsSeenBy(standard), await unlocksSeenBy(standard), await sessionsSeenBy(reader), await unlocksSeenBy(reader)]) {
      expect([refused.status, refusalOf(refused).error]).toEqual([403, 'role_forbidden']);
    }
  });

  it('records a device\'s sessions at most once an hour, so a page opening one per call does not fill the list', async () => {
    const standard = await team.addMember('standard');
    const countOf = async () => v.parse(MemberSessionsReplySchema, (await sessionsSeenBy(team.owner)).body).sessions
      .filter((session) => session.member === standard.member).length;
    for (let i = 0; i < 3; i += 1) await connectDevice(relay.url, standard.device, 'session');
    clock.advance(HOUR_MS - 1);
    await connectDevice(relay.url, standard.device, 'session');
    expect(await countOf()).toBe(1);
    clock.advance(2);
    await connectDevice(relay.url, standard.device, 'session');
    expect(await countOf()).toBe(2);
  });

  it('marks a session the relay opened with a second factor it verified', async () => {
    const standard = await team.addMember('standard');
    const authenticator = await createSoftAuthenticator();
    expect((await registerRaw(relay.url, standard.device, authenticator, undefined, standard.client.token())).status).toBe(200);
    expect((await sessionWithAssertion(relay.url, standard.device, authenticator)).answer.status).toBe(200);

    const sessions = v.parse(MemberSessionsReplySchema, (await sessionsSeenBy(team.owner)).body).sessions
      .filter((session) => session.member === standard.member);
    expect(sessions.map((session) => session.twoFactorVerified).sort()).toEqual([false, true]);
  });

  it('drops session starts and unlocks older than the login window when the sweep runs by the relay\'s clock', async () => {
    const admin = await team.addMember('admin');
    await reportUnlock(admin, clock.now());
    const sweep = createRetentionSweep(driver, { clock });
    expect((await sweep.run()).memberLoginsExpired).toBe(0);

    // A later session and unlock, 30 days on, stay when the first ones leave.
    clock.advance(30 * DAY_MS);
    const later = { ...admin, client: await connectDevice(relay.url, admin.device, 'session') };
    await reportUnlock(later, clock.now());
    expect((await sweep.run()).memberLoginsExpired).toBe(0);

    clock.advance((DEFAULT_LOGIN_DAYS - 30) * DAY_MS + HOUR_MS);
    await sweep.run();
    // Days passed at once: a reading two hours on agrees, and the sweep deletes.
    clock.advance(2 * HOUR_MS);
    const report = await sweep.run();
    expect(report.held).toBeNull();
    // The owner's and admin's first sessions and the admin's first unlock.
    expect(report.memberLoginsExpired).toBe(3);

    const fresh = { ...admin, client: await connectDevice(relay.url, admin.device, 'session') };
    const sessions = v.parse(MemberSessionsReplySchema, (await sessionsSeenBy(fresh)).body).sessions;
    expect(sessions.map((session) => session.at)).toEqual([clock.now(), clock.now() - (DEFAULT_LOGIN_DAYS - 30) * DAY_MS - 3 * HOUR_MS]);
    const unlocks = v.parse(StoredUnlocksReplySchema, (await unlocksSeenBy(fresh)).body).unlocks;
    expect(unlocks).toHaveLength(1);
  });
});
