import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import { createIdFactory } from '../../../core/ids';
import { createLoginLog, type LoginAttempt } from '../../../core/security/login-log';
import { openLocketDb } from '../../../core/db/schema';

const START = Date.UTC(2025, 2, 3, 9, 0, 0);

const attempt = (reason: string): Omit<LoginAttempt, 'id' | 'at'> => ({
  outcome: reason === '' ? 'success' : 'failure', factors: ['password'], keyName: null, reason, client: 'Chromium 156 on Linux', user: 'owner',
});

const createLog = async () => {
  const clock = createManualClock(START);
  const db = await openLocketDb(new IDBFactory(), 'locket-login-log-test');
  return { clock, db, log: createLoginLog(db, clock, createIdFactory(clock)) };
};

describe('login log', () => {
  it('stamps each attempt with the time it happened and keeps it', async () => {
    const { clock, log } = await createLog();
    clock.advance(42_000);
    const entry = await log.record(attempt('Wrong password.'));
    expect(entry).toMatchObject({ ...attempt('Wrong password.'), at: START + 42_000 });
    expect(await log.recent(10)).toEqual([entry]);
  });

  it('lists the newest first, as many as asked for', async () => {
    const { clock, log } = await createLog();
    for (const reason of ['first', 'second', 'third', 'fourth']) {
      clock.advance(1000);
      await log.record(attempt(reason));
    }
    expect((await log.recent(3)).map((entry) => entry.reason)).toEqual(['fourth', 'third', 'second']);
  });

  it('keeps the order of attempts made within the same millisecond', async () => {
    const { log } = await createLog();
    for (const reason of ['a', 'b', 'c']) await log.record(attempt(reason));
    expect((await log.recent(3)).map((entry) => entry.reason)).toEqual(['c', 'b', 'a']);
  });

  it('skips an entry it cannot vouch for, and still lists as many as asked for', async () => {
    const { db, log } = await createLog();
    for (const reason of ['first', 'second']) await log.record(attempt(reason));
    await db.put('logins', { id: 'ffffffff-ffff-7fff-bfff-ffffffffffff', at: 'yesterday', outcome: 'success' });
    expect((await log.recent(2)).map((entry) => entry.reason)).toEqual(['second', 'first']);
  });

  it('is empty before any attempt', async () => {
    const { log } = await createLog();
    expect(await log.recent(5)).toEqual([]);
  });
});
