/**
 * A membership log entry reaches every socket of the team as a `members` poke, on whichever relay
 * process holds the socket: relays sharing one PostgreSQL tell each other when a team's log moved
 * (the notice is a hint; the device reads the log over HTTP), and a socket on the appending relay
 * gets one frame per entry though that relay also hears its own notice.
 */
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPglite, pgliteDriver } from '../../relay/store/pglite';
import type { SqlDriver } from '../../relay/store/sql-driver';
import { FIRST_OPEN_TIMEOUT_MS } from './postgres-drivers';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { openPokeSocket, waitFor } from './support/relay-client';
import { startRelayTeam } from './support/team-client';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const membersFrames = (frames: readonly { type: string; seq?: number }[]): number[] =>
  frames.flatMap((frame) => (frame.type === 'members' && frame.seq !== undefined ? [frame.seq] : []));

describe('membership log pokes across relays on one PGlite database', () => {
  let db: PGlite;
  let relays: TestRelay[] = [];
  beforeAll(async () => { db = await createPglite(); }, FIRST_OPEN_TIMEOUT_MS);
  afterEach(async () => {
    await Promise.all(relays.map((relay) => relay.dispose()));
    relays = [];
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  });
  afterAll(() => db.close());

  /** Each relay closes only its own listener; the database outlives both. */
  const shared = (): SqlDriver => ({ ...pgliteDriver(db), close: async () => undefined });

  it('a removal appended through one relay pokes the remaining member\'s socket on the other, and once on its own', async () => {
    relays = [await startTestRelay({}, undefined, { driver: shared() })];
    relays.push(await startTestRelay({}, undefined, { driver: shared() }));
    const [first, second] = relays as [TestRelay, TestRelay];
    const team = await startRelayTeam(first.url);
    const stays = await team.addMember('standard');
    const leaves = await team.addMember('standard');
    const onSecond = await openPokeSocket(second.url, stays.client.token());
    const onFirst = await openPokeSocket(first.url, team.owner.client.token());
    await waitFor(() => onSecond.frames.some((frame) => frame.type === 'welcome') && onFirst.frames.some((frame) => frame.type === 'welcome'));

    expect((await team.remove(leaves.member)).status).toBe(200);
    const removal = (await team.state()).head.seq;
    await waitFor(() => membersFrames(onSecond.frames).includes(removal));
    await waitFor(() => membersFrames(onFirst.frames).includes(removal));
    await pause(200); // the first relay's own notice has had time to arrive
    expect(membersFrames(onFirst.frames)).toEqual([removal]);
    expect(membersFrames(onSecond.frames)).toEqual([removal]);
    onSecond.socket.close();
    onFirst.socket.close();
  });
});
