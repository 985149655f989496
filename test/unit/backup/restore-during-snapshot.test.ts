import { describe, expect, it, vi } from 'vitest';
import { replaceAllData } from '../../../core/archives/replace-all';
import type { ValueCodec } from '../../../core/codec';
import { readSnapshot, takeSnapshot } from '../../../core/snapshots/snapshots';
import { createArchiveHarness, rawDatabase, saved, seedAccount, visibleData, type ArchiveHarness } from './archive-harness';

/** A snapshot of the seeded account as a restore source, then an edit, so a restore is seen to change something. */
const restorable = async (harness: ArchiveHarness) => {
  const { ada } = await seedAccount(harness);
  const kept = await takeSnapshot(harness.db, { clock: harness.clock, newId: harness.deps.newId, reason: 'manual' });
  const contents = saved(await readSnapshot(harness.db, kept.id));
  const seeded = await visibleData(harness);
  saved(await harness.store.update(ada.id, 'person', { jobTitle: 'Countess' }));
  return { source: { from: 'snapshot' as const, snapshotId: kept.id, rows: contents.rows, settingsRows: contents.settingsRows }, seeded };
};

/** The harness's codec, counting the values it has decoded. */
const countingCodec = (codec: ValueCodec) => {
  let decoded = 0;
  const counting: ValueCodec = {
    ...codec,
    decodeMany: (values, aads) => {
      decoded += values.length;
      return codec.decodeMany(values, aads);
    },
  };
  return { counting, decoded: () => decoded };
};

const deferred = () => {
  let resolve: (id: string) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<string>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
};

describe('a restore beside its safety snapshot', () => {
  it('checks what it will write while the snapshot is taken, and writes nothing before the snapshot is complete', async () => {
    const harness = await createArchiveHarness();
    const { source, seeded } = await restorable(harness);
    const { counting, decoded } = countingCodec(harness.codec);
    const safety = deferred();
    const before = await rawDatabase(harness.db);

    const replacing = replaceAllData({ ...harness.deps, codec: counting }, source, { safetySnapshot: safety.promise });
    // Every snapshot row (and the settings) decoded and checked, the snapshot still unfinished.
    await vi.waitFor(() => expect(decoded()).toBeGreaterThanOrEqual(source.rows.length));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await rawDatabase(harness.db)).toEqual(before);

    safety.resolve('safety-snapshot-1');
    saved(await replacing);
    expect(await visibleData(harness)).toEqual(seeded);
    expect((await harness.store.audit.entries()).at(-1)).toMatchObject({ type: 'snapshot-restored', detail: { safetySnapshot: 'safety-snapshot-1' } });
  });

  it('stops with nothing written when the snapshot could not be taken', async () => {
    const harness = await createArchiveHarness();
    const { source } = await restorable(harness);
    const safety = deferred();
    const before = await rawDatabase(harness.db);

    const replacing = replaceAllData(harness.deps, source, { safetySnapshot: safety.promise });
    safety.reject(new Error('The disk is full'));

    await expect(replacing).rejects.toThrow('The disk is full');
    expect(await rawDatabase(harness.db)).toEqual(before);
  });
});
