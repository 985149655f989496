import { describe, expect, it } from 'vitest';
import { SNAPSHOT_SPARE_BYTES, snapshotRoom } from '../../../core/snapshots/headroom';
import { listSnapshots } from '../../../core/snapshots/snapshots';
import { readSweepReport } from '../../../worker/sweep/report-store';
import { createSweepHarness, sweptOk } from './harness';

const MB = 1024 * 1024;

describe('the daily snapshot and the space left', () => {
  it('skips the snapshot when the disk is nearly full, says so, and takes it once there is room', async () => {
    const h = await createSweepHarness();
    const full = { usage: 500 * MB, quota: 505 * MB };
    const skipped = sweptOk(await h.sweep({ ports: { storageEstimate: () => Promise.resolve(full) } }));
    expect(skipped.snapshotTaken).toBeNull();
    expect(skipped.snapshotSkipped).toEqual({ type: 'low-storage', availableBytes: 5 * MB, neededBytes: 1000 * MB + SNAPSHOT_SPARE_BYTES });
    expect(await listSnapshots(h.db)).toEqual([]);
    expect((await readSweepReport(h.db))?.snapshotSkipped?.type).toBe('low-storage');

    const roomy = { usage: 5 * MB, quota: 10_000 * MB };
    const taken = sweptOk(await h.sweep({ ports: { storageEstimate: () => Promise.resolve(roomy) } }));
    expect(taken.snapshotSkipped).toBeNull();
    expect(taken.snapshotTaken).not.toBeNull();
  });

  it('takes the snapshot when the platform cannot estimate', async () => {
    const h = await createSweepHarness();
    expect(sweptOk(await h.sweep()).snapshotTaken).not.toBeNull();
  });
});

describe('snapshot room', () => {
  it('expects the next snapshot to be as large as the last, and wants twice that plus a spare margin free', () => {
    const last = 40 * MB;
    const needed = 2 * last + SNAPSHOT_SPARE_BYTES;
    expect(snapshotRoom({ usage: 1000 * MB, quota: 1000 * MB + needed }, last)).toBeNull();
    expect(snapshotRoom({ usage: 1000 * MB, quota: 1000 * MB + needed - 1 }, last))
      .toEqual({ type: 'low-storage', availableBytes: needed - 1, neededBytes: needed });
    // Before the first snapshot, all the profile uses is the guess; usage over quota leaves nothing.
    expect(snapshotRoom({ usage: 300 * MB, quota: 200 * MB }, null)).toEqual({ type: 'low-storage', availableBytes: 0, neededBytes: 600 * MB + SNAPSHOT_SPARE_BYTES });
  });
});
