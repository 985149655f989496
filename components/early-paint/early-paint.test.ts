import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../core/clock';
import { rememberFirstScreen, recallFirstScreen } from '../../platform/session/first-screen-store';
import { lockSession, writeLockPolicy, writeSessionKeys } from '../../platform/session/session';
import { writeLocalePreference } from '../../platform/locale/locale-preference';
import { setCurrentLocale } from '../shared/i18n/locale';
import { EARLY_PAINT_ID, giveWay, paintEarly } from './early-paint';

/** The side panel's early paint, on the (fake, in-memory) extension storage of the element tests. */
const KEYS = { accountKey: new Uint8Array(32).fill(7), factorSecret: null };
const AT = Date.UTC(2026, 11, 7, 8);
const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';
const shown = () => document.getElementById(EARLY_PAINT_ID);

describe('the side panel\'s early paint', () => {
  it('shows what a user wrote as text, never as markup', async () => {
    await writeSessionKeys(KEYS, AT);
    await rememberFirstScreen('people', KEYS.accountKey, { rows: [{ title: HOSTILE, subtitle: 'Analyst' }] });
    const paint = await paintEarly('people', createManualClock(AT + 1000), 'Europe/Berlin');
    expect(paint).not.toBeNull();
    expect(shown()?.textContent).toContain(HOSTILE);
    expect(shown()?.querySelector('img')).toBeNull();
    expect(shown()?.querySelector('[role="list"]')?.getAttribute('aria-busy')).toBe('true');
    paint?.remove();
  });

  it('draws remembered tasks in the sections of the moment it opens, and the board\'s first cards', async () => {
    // Auto-lock off: the panel is opened again a day later, the session still unlocked.
    await writeLockPolicy({ idleMinutes: null });
    await writeSessionKeys(KEYS, AT);
    await rememberFirstScreen('tasks', KEYS.accountKey, {
      rows: [{ description: 'Send the offer', record: HOSTILE, category: '', dueDate: '2026-12-07', dueTime: null, timeZone: 'Europe/Berlin' }],
    });
    // Remembered as due today; opened the next morning, it is overdue.
    const tasks = await paintEarly('tasks', createManualClock(AT + 86_400_000), 'Europe/Berlin');
    expect(shown()?.querySelector('li[data-task].overdue .description')?.textContent).toBe('Send the offer');
    expect(shown()?.querySelector('section')?.getAttribute('aria-label')).toBe('Overdue');
    expect(shown()?.querySelector('img')).toBeNull();
    tasks?.remove();

    await rememberFirstScreen('board', KEYS.accountKey, { columns: [{ name: 'Qualified', cards: [{ title: HOSTILE, value: '€1,200.00 · 40%' }] }] });
    const board = await paintEarly('board', createManualClock(AT), 'Europe/Berlin');
    expect(shown()?.querySelector('.card .name')?.textContent).toBe(HOSTILE);
    expect(shown()?.querySelector('h3')?.textContent).toBe('Qualified');
    board?.remove();
  });

  it('shows due dates as Tasks showed them while the zone and language are the same, and works them out again once either changed', async () => {
    await writeLockPolicy({ idleMinutes: null });
    await writeSessionKeys(KEYS, AT);
    const row = { description: 'Call Ada', record: null, category: '', dueDate: '2026-12-08', dueTime: '09:30', timeZone: 'Europe/Berlin' };
    const shownAs = { day: '2026-12-08', dueAt: Date.UTC(2026, 11, 8, 8, 30), label: 'as Tasks showed it' };
    await rememberFirstScreen('tasks', KEYS.accountKey, { rows: [{ ...row, shown: shownAs }], shownIn: { zone: 'Europe/Berlin', locale: 'en' } });
    const same = await paintEarly('tasks', createManualClock(AT), 'Europe/Berlin');
    expect(shown()?.querySelector('li[data-task] .due')?.textContent).toBe('as Tasks showed it');
    expect(shown()?.querySelector('section')?.getAttribute('aria-label')).toBe('Next 7 days');
    same?.remove();
    // The next morning after 9:30 in Berlin, the same row is overdue.
    const later = await paintEarly('tasks', createManualClock(Date.UTC(2026, 11, 8, 9)), 'Europe/Berlin');
    expect(shown()?.querySelector('section')?.getAttribute('aria-label')).toBe('Overdue');
    later?.remove();
    // The device moved to New York: the date is worked out again, in the new zone.
    const moved = await paintEarly('tasks', createManualClock(AT), 'America/New_York');
    expect(shown()?.querySelector('li[data-task] .due')?.textContent).toMatch(/Dec 8, 2026.*3:30/);
    moved?.remove();
  });

  it('speaks the owner\'s chosen language, read with the lock policy', async () => {
    await writeLocalePreference('de');
    await writeSessionKeys(KEYS, AT);
    await rememberFirstScreen('tasks', KEYS.accountKey, {
      rows: [{ description: 'Angebot senden', record: null, category: '', dueDate: '2026-12-06', dueTime: null, timeZone: 'Europe/Berlin' }],
    });
    const paint = await paintEarly('tasks', createManualClock(AT), 'Europe/Berlin');
    try {
      expect(shown()?.querySelector('h2')?.textContent).toBe('Aufgaben');
      expect(shown()?.querySelector('section')?.getAttribute('aria-label')).toBe('Überfällig');
    } finally {
      // The tests after this one speak English, whatever this one found.
      paint?.remove();
      await writeLocalePreference(null);
      setCurrentLocale('en');
    }
  });

  it('draws nothing while locked, or once idle past the auto-lock time', async () => {
    await writeLockPolicy({ idleMinutes: 5 });
    await writeSessionKeys(KEYS, AT);
    await rememberFirstScreen('tasks', KEYS.accountKey, { rows: [{ description: 'Call', record: null, category: '', dueDate: null, dueTime: null, timeZone: 'UTC' }] });
    expect(await paintEarly('tasks', createManualClock(AT + 5 * 60_000))).toBeNull();
    await lockSession();
    await writeSessionKeys(KEYS, AT);
    expect((await recallFirstScreen('tasks', AT)).screen).toBeNull();
    expect(await paintEarly('tasks', createManualClock(AT))).toBeNull();
    expect(shown()).toBeNull();
  });

  it('stays until the live view has drawn, and goes at once when the gate shows the lock screen', async () => {
    // Marks of other element tests on this page would read as a live view already drawn.
    performance.clearMarks();
    await writeSessionKeys(KEYS, AT);
    await rememberFirstScreen('board', KEYS.accountKey, { columns: [{ name: 'Lead', cards: [{ title: 'Engines', value: '€1' }] }] });
    const gate = document.createElement('div');
    gate.setAttribute('phase', 'loading');
    const paint = await paintEarly('board', createManualClock(AT));
    if (!paint) throw new Error('nothing was painted');
    giveWay(paint, 'board', gate);
    gate.setAttribute('phase', 'unlocked');
    await new Promise((resolve) => { setTimeout(resolve, 50); });
    expect(shown()).not.toBeNull();
    performance.mark('locket:board-live');
    await expect.poll(() => shown()).toBeNull();

    await rememberFirstScreen('people', KEYS.accountKey, { rows: [{ title: 'Ada', subtitle: '' }] });
    const again = await paintEarly('people', createManualClock(AT));
    if (!again) throw new Error('nothing was painted');
    const locked = document.createElement('div');
    locked.setAttribute('phase', 'loading');
    giveWay(again, 'people', locked);
    locked.setAttribute('phase', 'locked');
    await expect.poll(() => shown()).toBeNull();
  });
});
