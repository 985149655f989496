import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_KEEP_NEWEST, snapshotDue, snapshotsToDelete, type SnapshotStamp } from '../../../core/retention/snapshot-policy';
import { DAY_MS, SNAPSHOT_MAX_DAYS } from '../../../core/retention/windows';

const NOW = Date.UTC(2025, 5, 1, 12);

/** Any history of snapshots over the last 80 days, taken at any moment (several a day allowed). */
const historyArb = fc.uniqueArray(
  fc.record({ id: fc.uuid(), takenAt: fc.integer({ min: NOW - 80 * DAY_MS, max: NOW }) }),
  { selector: (snapshot) => snapshot.id, maxLength: 120 },
);

/** At most one snapshot per day over the last 120 days, as the daily sweep takes them. */
const dailyArb = fc.subarray(Array.from({ length: 120 }, (_, day) => day)).chain((days) =>
  fc.tuple(...days.map(() => fc.integer({ min: 0, max: DAY_MS - 1 }))).map((offsets) =>
    days.map((day, index): SnapshotStamp => ({ id: `day-${day}`, takenAt: NOW - day * DAY_MS - (offsets[index] ?? 0) }))));

/** The ids of the newest few, which are kept whatever their dates. */
const newestIds = (history: readonly SnapshotStamp[]): Set<string> =>
  new Set([...history].sort((a, b) => b.takenAt - a.takenAt || (a.id < b.id ? 1 : -1)).slice(0, SNAPSHOT_KEEP_NEWEST).map((snapshot) => snapshot.id));

const kept = (history: readonly SnapshotStamp[], now: number): SnapshotStamp[] => {
  const doomed = new Set(snapshotsToDelete(history, now));
  return history.filter((snapshot) => !doomed.has(snapshot.id));
};

describe('snapshot keep policy', () => {
  it('keeps nothing 50 days old or older but the newest three', () => {
    fc.assert(fc.property(historyArb, (history) => {
      const newest = newestIds(history);
      expect(kept(history, NOW).every((snapshot) => newest.has(snapshot.id) || NOW - snapshot.takenAt < SNAPSHOT_MAX_DAYS * DAY_MS)).toBe(true);
    }));
  });

  it('always keeps the newest three, however far before or after now they were taken', () => {
    const anyDates = fc.uniqueArray(
      fc.record({ id: fc.uuid(), takenAt: fc.integer({ min: NOW - 400 * DAY_MS, max: NOW + 400 * DAY_MS }) }),
      { selector: (snapshot) => snapshot.id, maxLength: 40 },
    );
    fc.assert(fc.property(anyDates, fc.integer({ min: NOW - 400 * DAY_MS, max: NOW + 400 * DAY_MS }), (history, now) => {
      const doomed = new Set(snapshotsToDelete(history, now));
      for (const id of newestIds(history)) expect(doomed.has(id)).toBe(false);
      expect(history.length - doomed.size).toBeGreaterThanOrEqual(Math.min(SNAPSHOT_KEEP_NEWEST, history.length));
    }));
  });

  it('never deletes a snapshot younger than 7 days', () => {
    fc.assert(fc.property(historyArb, (history) => {
      const doomed = new Set(snapshotsToDelete(history, NOW));
      for (const snapshot of history) if (NOW - snapshot.takenAt < 7 * DAY_MS) expect(doomed.has(snapshot.id)).toBe(false);
    }));
  });

  it('keeps at most one snapshot per week once they are a week old', () => {
    fc.assert(fc.property(historyArb, (history) => {
      const newest = newestIds(history);
      const older = kept(history, NOW).filter((snapshot) => !newest.has(snapshot.id) && NOW - snapshot.takenAt >= 7 * DAY_MS);
      expect(older.length).toBeLessThanOrEqual(7);
      const weeks = older.map((snapshot) => Math.floor((NOW - snapshot.takenAt) / (7 * DAY_MS)));
      expect(new Set(weeks).size).toBe(weeks.length);
    }));
  });

  it('keeps about two weeks of daily snapshots, whatever the history', () => {
    fc.assert(fc.property(dailyArb, (history) => {
      expect(kept(history, NOW).length).toBeLessThanOrEqual(14);
    }));
  });

  it('keeps the oldest snapshot of each week, so a week that has any snapshot keeps one', () => {
    fc.assert(fc.property(historyArb, (history) => {
      const survivors = kept(history, NOW);
      const newest = newestIds(history);
      for (let week = 1; week * 7 < SNAPSHOT_MAX_DAYS; week++) {
        const inWeek = (snapshot: SnapshotStamp) => Math.floor((NOW - snapshot.takenAt) / (7 * DAY_MS)) === week
          && NOW - snapshot.takenAt < SNAPSHOT_MAX_DAYS * DAY_MS && !newest.has(snapshot.id);
        const candidates = history.filter(inWeek);
        if (candidates.length === 0) continue;
        const oldest = Math.min(...candidates.map((snapshot) => snapshot.takenAt));
        expect(survivors.filter(inWeek).map((snapshot) => snapshot.takenAt)).toEqual([oldest]);
      }
    }));
  });

  it('is idempotent: applying it again deletes nothing more', () => {
    fc.assert(fc.property(historyArb, (history) => {
      expect(snapshotsToDelete(kept(history, NOW), NOW)).toEqual([]);
    }));
  });

  it('deletes only snapshots it was given, each once', () => {
    fc.assert(fc.property(historyArb, (history) => {
      const doomed = snapshotsToDelete(history, NOW);
      expect(new Set(doomed).size).toBe(doomed.length);
      const ids = new Set(history.map((snapshot) => snapshot.id));
      expect(doomed.every((id) => ids.has(id))).toBe(true);
    }));
  });
});

describe('daily snapshot due', () => {
  it('is due with no snapshot yet, and again once a day has passed', () => {
    expect(snapshotDue([], NOW)).toBe(true);
    expect(snapshotDue([NOW - 3 * DAY_MS, NOW - DAY_MS + 1], NOW)).toBe(false);
    expect(snapshotDue([NOW - 3 * DAY_MS, NOW - DAY_MS], NOW)).toBe(true);
  });

  it('is not held back by a snapshot dated after now', () => {
    expect(snapshotDue([NOW + 30 * DAY_MS], NOW)).toBe(true);
    expect(snapshotDue([NOW + 30 * DAY_MS, NOW - 60_000], NOW)).toBe(false);
  });
});
