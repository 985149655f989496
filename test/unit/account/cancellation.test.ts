import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  CANCELLATION_KEY, cancellationDaysLeft, cancellationExpired, markCancelled, readCancellation,
} from '../../../core/account/cancellation';
import { openLocketDb } from '../../../core/db/schema';
import { DAY_MS } from '../../../core/retention/windows';

const NOW = Date.UTC(2026, 10, 29, 9);

describe('the cancellation marker', () => {
  it('is absent until the account is cancelled, and reads back as written', async () => {
    const db = await openLocketDb(new IDBFactory(), 'marker');
    expect(await readCancellation(db, NOW)).toBeNull();
    await markCancelled(db, NOW);
    expect(await readCancellation(db, NOW + DAY_MS)).toEqual({ cancelledAt: NOW });
    db.close();
  });

  it('reads a damaged marker as cancelled from the first reading, never as a window that closed long ago', async () => {
    const db = await openLocketDb(new IDBFactory(), 'damaged');
    await db.put('meta', { cancelledAt: 'yesterday' }, CANCELLATION_KEY);

    const first = await readCancellation(db, NOW);
    expect(first).toEqual({ cancelledAt: NOW });
    // Still restorable 13 days later, and the 14 days keep running from that first reading.
    const later = await readCancellation(db, NOW + 13 * DAY_MS);
    expect(later).toEqual({ cancelledAt: NOW });
    expect(later && cancellationExpired(later, NOW + 13 * DAY_MS)).toBe(false);
    expect(later && cancellationExpired(later, NOW + 14 * DAY_MS)).toBe(true);
    db.close();
  });

  it('counts a cancellation dated after now as made now: 14 days left, never expired', () => {
    const future = { cancelledAt: NOW + 400 * DAY_MS };
    expect(cancellationDaysLeft(future, NOW)).toBe(14);
    expect(cancellationExpired(future, NOW + 13 * DAY_MS)).toBe(false);
  });
});
