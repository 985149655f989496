import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failureText, sweepErrorText, writeFailureText } from '../../../components/shared/failure-text';
import { listSnapshots } from '../../../core/snapshots/snapshots';
import { isStorageFull } from '../../../core/db/store-errors';
import { type ArchiveWorkerApi, coreWorkerContract } from '../../../worker/contract';
import { validated } from '../../../worker/host';

import { createWorkerApi } from '../../../worker/worker-api';
import {
  createArchiveHarness, noProgress, PASSWORD, rawDatabase, saved, seedAccount, type ArchiveHarness,
} from '../backup/archive-harness';
import { createSweepHarness } from '../sweep/harness';
import { fillDiskFor } from '../support/quota';

/** What the owner reads when the disk is full: what happened, and what to do about it. */
const FULL_DISK_WORDS = /no room left.*Nothing .* was saved.*Free up space/s;

/** Runs `write` with the disk full for `stores`; what it threw (or undefined). */
const withFullDisk = async (stores: readonly string[], write: () => Promise<unknown>): Promise<unknown> => {
  const lift = fillDiskFor(stores);
  try {
    await write();
    return undefined;
  } catch (error) {
    return error;
  } finally {
    lift();
  }
};

const expectStorageFull = (error: unknown): void => {
  expect(error).toMatchObject({ type: 'storage-full' });
  expect(failureText(error)).toMatch(FULL_DISK_WORDS);
};

const seeded = async (): Promise<ArchiveHarness & Awaited<ReturnType<typeof seedAccount>>> => {
  const harness = await createArchiveHarness();
  return { ...harness, ...(await seedAccount(harness)) };
};

afterEach(() => { vi.restoreAllMocks(); });

describe('a full disk', () => {
  it('refuses an ordinary save in words and leaves the record, its history and the settings as they were', async () => {
    const { store, db, ada } = await seeded();
    const before = await rawDatabase(db);

    expectStorageFull(await withFullDisk(['records'], () => store.update(ada.id, 'person', { jobTitle: 'Countess' })));
    expectStorageFull(await withFullDisk(['records'], () => store.create('person', { firstName: 'Carl', lastName: 'Newcomer' })));
    expectStorageFull(await withFullDisk(['settings'], () => store.saveSettings({ ownerName: 'Someone Else' })));

    expect(await rawDatabase(db)).toEqual(before);
    // Once there is room again, the same save goes through.
    expect(saved(await store.update(ada.id, 'person', { jobTitle: 'Countess' })).fields.jobTitle).toBe('Countess');
  });

  it('refuses a snapshot in words and leaves no part of it behind', async () => {
    const { archive, db } = await seeded();
    const before = await rawDatabase(db);

    expectStorageFull(await withFullDisk(['snapshotChunks'], () => archive.takeSnapshot()));

    expect(await archive.listSnapshots()).toEqual([]);
    expect(await rawDatabase(db)).toEqual(before);
  });

  it('stops an import with the words for a full disk and writes no record of the failed batch', async () => {
    const harness = await seeded();
    const api = validated(coreWorkerContract, createWorkerApi({ store: harness.store, bus: harness.bus, clock: harness.clock }));
    const file = { name: 'capsule-contacts.csv', bytes: new Uint8Array(readFileSync(new URL('../../fixtures/import/capsule-contacts.csv', import.meta.url))) };
    const [preview] = await api.previewImport([file]);
    if (!preview?.mapping) throw new Error('the fixture should preview');
    const summary = await api.planImport([file], [preview.mapping], 'create');
    const { records, changes } = await rawDatabase(harness.db);

    const lift = fillDiskFor(['records']);
    const result = await api.runImport(summary.planRef ?? '').finally(lift);

    expect(result).toMatchObject({ written: 0, failure: { type: 'storage-full' } });
    expect(result.failed).toBeGreaterThan(0);
    expect(writeFailureText(result.failure ?? { type: 'write-failed', message: '' })).toMatch(FULL_DISK_WORDS);
    expect(await rawDatabase(harness.db)).toMatchObject({ records, changes });
  });

  it('refuses a restore (of a backup or a snapshot) in words and leaves every store as it was', async () => {
    const { archive, db, store, ada } = await seeded();
    const file = await archive.createBackup(PASSWORD, noProgress);
    const snapshot = await archive.takeSnapshot();
    saved(await store.update(ada.id, 'person', { jobTitle: 'Countess' }));
    const before = await rawDatabase(db);

    expectStorageFull(await withFullDisk(['records'], () => archive.restoreBackup(file.bytes, PASSWORD, noProgress)));
    expectStorageFull(await withFullDisk(['records'], () => archive.restoreSnapshot(snapshot.id, noProgress)));
    // The safety snapshot a restore takes first is what cannot be written here.
    expectStorageFull(await withFullDisk(['snapshotChunks'], () => archive.restoreSnapshot(snapshot.id, noProgress)));

    expect(await rawDatabase(db)).toEqual(before);
  });

  it('lets a sweep say in its report that the daily snapshot did not fit, and keeps every record', async () => {
    const h = await createSweepHarness();
    saved(await h.store.create('person', { firstName: 'Ada', lastName: 'Lovelace' }));
    const records = await h.db.getAll('records');

    const lift = fillDiskFor(['snapshotChunks']);
    const report = await h.sweep().finally(lift);

    expect(report).toMatchObject({ snapshotTaken: null });
    expect(report?.error).toEqual({ type: 'storage-full' });
    expect(sweepErrorText(report!.error!)).toMatch(FULL_DISK_WORDS);
    expect(await listSnapshots(h.db)).toEqual([]);
    expect(await h.db.getAll('records')).toEqual(records);
  });

  it('keeps its words when the refusal crosses from the worker to the page', async () => {
    const { archive } = await seeded();
    const channel = new MessageChannel();
    Comlink.expose(archive, channel.port1);
    const remote = Comlink.wrap<ArchiveWorkerApi>(channel.port2);
    try {
      // Comlink carries an error's name and message only; the name is what the page recognises.
      const error = await withFullDisk(['snapshotChunks'], () => remote.takeSnapshot());
      expect(isStorageFull(error)).toBe(true);
      expect(failureText(error)).toMatch(FULL_DISK_WORDS);
    } finally {
      channel.port1.close();
      channel.port2.close();
    }
  });
});
