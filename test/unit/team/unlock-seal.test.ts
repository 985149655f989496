/**
 * A member's unlock travels to the relay sealed under the team key: the relay keeps the hour, the
 * device and the epoch; the time opens only with the key, and only for the team, device, epoch and
 * hour it was sealed for.
 */
import { describe, expect, it } from 'vitest';
import { newSyncKey } from '../../../core/sync/item-crypto';
import { UNLOCK_BUCKET_MS } from '../../../core/team/member-logins-protocol';
import { openUnlock, sealUnlock, unlockBucket } from '../../../core/team/unlock-seal';

const TEAM = 'T'.repeat(22);
const DEVICE = 'D'.repeat(22);
const OTHER_DEVICE = 'E'.repeat(22);
const AT = Date.UTC(2026, 11, 6, 14, 37, 12, 345);

describe('unlock reports sealed under the team key', () => {
  it('opens with the team key to the exact time, while the relay sees only its hour', async () => {
    const key = newSyncKey();
    const report = await sealUnlock(TEAM, DEVICE, 3, key, AT);
    expect(report.bucket).toBe(Date.UTC(2026, 11, 6, 14));
    expect(report.epoch).toBe(3);
    expect(report.ct).not.toContain(String(AT));
    expect(await openUnlock(TEAM, DEVICE, report, key)).toBe(AT);
  });

  it('does not open with another key, on another device or team, or moved to another hour or epoch', async () => {
    const key = newSyncKey();
    const report = await sealUnlock(TEAM, DEVICE, 1, key, AT);
    expect(await openUnlock(TEAM, DEVICE, report, newSyncKey())).toBeNull();
    expect(await openUnlock(TEAM, OTHER_DEVICE, report, key)).toBeNull();
    expect(await openUnlock('U'.repeat(22), DEVICE, report, key)).toBeNull();
    expect(await openUnlock(TEAM, DEVICE, { ...report, bucket: report.bucket - UNLOCK_BUCKET_MS }, key)).toBeNull();
    expect(await openUnlock(TEAM, DEVICE, { ...report, epoch: 2 }, key)).toBeNull();
    expect(await openUnlock(TEAM, DEVICE, { ...report, ct: report.ct.slice(0, -2) }, key)).toBeNull();
  });

  it('puts an unlock at the start of an hour in that hour', () => {
    expect(unlockBucket(Date.UTC(2026, 0, 1, 9))).toBe(Date.UTC(2026, 0, 1, 9));
    expect(unlockBucket(Date.UTC(2026, 0, 1, 9, 59, 59, 999))).toBe(Date.UTC(2026, 0, 1, 9));
  });
});
