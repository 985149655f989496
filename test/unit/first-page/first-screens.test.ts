import { describe, expect, it } from 'vitest';
import { bucketFirstTasks, FIRST_TASK_ROWS, openFirstTasks, sealFirstTasks, type FirstTaskRow, type FirstTasks } from '../../../core/first-page/first-tasks';
import { dueDayOf, dueInstantOf } from '../../../core/tasks/due-buckets';
import { FIRST_BOARD_CARDS, openFirstBoard, sealFirstBoard } from '../../../core/first-page/first-board';
import { openFirstPage } from '../../../core/first-page/first-page';

const key = (fill: number) => new Uint8Array(32).fill(fill);
const task = (description: string, dueDate: string | null, dueTime: string | null = null): FirstTaskRow =>
  ({ description, record: 'Ada Lovelace', category: '', dueDate, dueTime, timeZone: 'Europe/Berlin' });

describe('the sealed first screens of Tasks and the board', () => {
  it('open under their key and purpose only, with no word of them in the clear', async () => {
    const tasks = { rows: [task('Call Ada', '2026-12-07')] };
    const sealed = await sealFirstTasks(key(1), tasks);
    expect(JSON.stringify(sealed)).not.toContain('Ada');
    expect(await openFirstTasks(key(1), sealed)).toEqual(tasks);
    expect(await openFirstTasks(key(2), sealed)).toBeNull();
    // Sealed as Tasks' screen, it never opens as another view's.
    expect(await openFirstPage(key(1), sealed)).toBeNull();
    expect(await openFirstBoard(key(1), sealed)).toBeNull();

    const board = { columns: [{ name: 'Qualified', cards: [{ title: 'Engines', value: '€1,200.00 · 40%' }] }] };
    const sealedBoard = await sealFirstBoard(key(1), board);
    expect(JSON.stringify(sealedBoard)).not.toContain('Engines');
    expect(await openFirstBoard(key(1), sealedBoard)).toEqual(board);
    expect(await openFirstTasks(key(1), sealedBoard)).toBeNull();
  });

  it('keep a screen\'s worth, in a few kB', async () => {
    const many = Array.from({ length: FIRST_TASK_ROWS + 10 }, (_, index) => task(`Task ${index} ${'x'.repeat(400)}`, '2026-12-07'));
    const sealed = await sealFirstTasks(key(1), { rows: many });
    const opened = await openFirstTasks(key(1), sealed);
    expect(opened?.rows).toHaveLength(FIRST_TASK_ROWS);
    expect(opened?.rows[0]?.description).toHaveLength(200);
    expect(JSON.stringify(sealed).length).toBeLessThan(12_000);

    const cards = Array.from({ length: 10 }, (_, index) => ({ title: `Deal ${index}`, value: '€1' }));
    const board = await openFirstBoard(key(1), await sealFirstBoard(key(1), { columns: [{ name: 'Lead', cards }] }));
    expect(board?.columns[0]?.cards).toHaveLength(FIRST_BOARD_CARDS);
  });

  it('put remembered tasks in their sections by the clock when drawn, not when remembered', async () => {
    const rows = [task('Send the offer', '2026-12-07', '15:00'), task('Call Ada', '2026-12-08'), task('Book the hall', '2027-03-01')];
    const tasks = await openFirstTasks(key(1), await sealFirstTasks(key(1), { rows }));
    if (!tasks) throw new Error('the tasks did not open');
    const names = (now: number) => Object.fromEntries(Object.entries(bucketFirstTasks(tasks, now, 'Europe/Berlin'))
      .map(([bucket, items]) => [bucket, items.map((item) => item.row.description)]));
    // Remembered on the morning of 7 December (Berlin)...
    expect(names(Date.UTC(2026, 11, 7, 8))).toEqual({
      overdue: [], today: ['Send the offer'], 'next-7-days': ['Call Ada'], later: ['Book the hall'], done: [],
    });
    // ...and the same rows drawn the next morning: the offer is overdue, the call is today.
    expect(names(Date.UTC(2026, 11, 8, 8))).toEqual({
      overdue: ['Send the offer'], today: ['Call Ada'], 'next-7-days': [], later: ['Book the hall'], done: [],
    });
  });

  it('place rows by what was worked out when drawn exactly as by working it out again', async () => {
    const zone = 'Europe/Berlin';
    const rows = [task('Send the offer', '2026-12-07', '15:00'), task('Call Ada', '2026-12-08'), task('Late call', '2026-12-07', '23:30'),
      task('Book the hall', '2027-03-01'), task('Someday', null), { ...task('From Tokyo', '2026-12-08', '07:00'), timeZone: 'Asia/Tokyo' }];
    const withShown = rows.map((row) => ({ ...row, shown: { day: dueDayOf(row, zone), dueAt: dueInstantOf(row), label: '' } }));
    const remembered = await openFirstTasks(key(1), await sealFirstTasks(key(1), { rows: withShown, shownIn: { zone, locale: 'en' } }));
    if (!remembered) throw new Error('the tasks did not open');
    const order = (tasks: FirstTasks, now: number) => Object.fromEntries(Object.entries(bucketFirstTasks(tasks, now, zone))
      .map(([bucket, items]) => [bucket, items.map((item) => item.row.description)]));
    for (const hour of [0, 8, 14, 16, 23, 30, 24 * 8]) {
      const now = Date.UTC(2026, 11, 7, hour);
      expect(order(remembered, now)).toEqual(order({ rows }, now));
    }
  });
});

