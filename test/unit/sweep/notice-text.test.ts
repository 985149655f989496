import { describe, expect, it } from 'vitest';
import { clockHoldText, snapshotSkippedText } from '../../../components/locket-sweep-status/sweep-notice-text';
import { dateTime } from '../../../components/locket-retention-settings/retention-text';

const T = Date.UTC(2026, 0, 10, 9);
const DAY = 24 * 60 * 60 * 1000;

describe('what the Retention section says about a held sweep', () => {
  it('names both times for a clock behind, and says nothing was deleted', () => {
    const text = clockHoldText({ type: 'clock-behind', clockAt: T - 40 * DAY, seenAt: T });
    expect(text).toMatch(/^Nothing was deleted/);
    expect(text).toContain(dateTime.format(T - 40 * DAY));
    expect(text).toContain(dateTime.format(T));
    expect(text).toMatch(/earlier than the newest time/);
  });

  it('says when a sweep after a jump goes ahead', () => {
    const text = clockHoldText({ type: 'clock-jumped', clockAt: T + 60 * DAY, seenAt: T, confirmAfter: T + 60 * DAY + 3_600_000 });
    expect(text).toMatch(/more than a day after the last sweep/);
    expect(text).toContain(dateTime.format(T + 60 * DAY + 3_600_000));
  });

  it('gives the free and needed space when the daily snapshot was skipped', () => {
    expect(snapshotSkippedText({ type: 'low-storage', availableBytes: 5 * 1024 * 1024, neededBytes: 90 * 1024 * 1024 }))
      .toMatch(/skipped: 5\.0 MB of storage is free, and a snapshot needs about 90\.0 MB/);
  });
});
