import { describe, expect, it } from 'vitest';
import { settingsAad } from '../../../core/codec';
import { SETTINGS_ROW_KEY } from '../../../core/settings/settings';
import { DEFAULT_PIPELINE } from '../../../core/pipeline/pipeline-settings';
import { createArchiveHarness, noProgress, PASSWORD, saved, type ArchiveHarness } from '../backup/archive-harness';

const renewal = { id: 'r', name: 'Renewal', type: 'date' as const, choices: [], required: true, formerNames: [] };
/** Every setting in the one `general` row, as a version before team settings stored them. */
const previousShape = {
  ownerName: 'Ada Lovelace', ownerEmail: 'ada@example.com', defaultCurrency: 'CHF',
  fieldDefinitions: { person: [renewal], organisation: [], case: [], opportunity: [] },
  pipeline: { ...DEFAULT_PIPELINE, lostReasons: ['Price'] },
  tracks: [{ id: 't', name: 'Onboarding', steps: [{ description: 'Call', category: '', offsetDays: 1 }] }],
};

const storePreviousShape = async ({ db, codec }: ArchiveHarness) => {
  await db.clear('settings');
  await db.put('settings', await codec.encode(previousShape, settingsAad(SETTINGS_ROW_KEY)), SETTINGS_ROW_KEY);
};

/** The team-settings items queued for sync, by group id. */
const queuedGroups = async ({ db }: ArchiveHarness) => (await db.getAll('changes'))
  .flatMap((set) => set.changes.filter((change) => change.kind === 'settings').map((change) => change.recordId)).sort();

describe('backups and snapshots from before team settings were records', () => {
  it('a backup holding every setting in one item restores them all, the team ones as records queued for sync', async () => {
    const harness = await createArchiveHarness();
    await storePreviousShape(harness);
    const file = await harness.archive.createBackup(PASSWORD, noProgress);

    saved(await harness.store.saveSettings({ defaultCurrency: 'USD', fieldDefinitions: { person: [] }, ownerName: 'Someone else' }));
    saved(await harness.archive.restoreBackup(file.bytes, PASSWORD, noProgress));

    expect(await harness.store.getSettings()).toEqual(previousShape);
    expect(await queuedGroups(harness)).toEqual(['settings:fields', 'settings:general', 'settings:pipeline', 'settings:tracks']);
    expect(harness.bus.published).toContainEqual(expect.objectContaining({ settings: true }));
  });

  it('a snapshot taken with the previous layout restores its settings; one taken since restores the groups it holds', async () => {
    const harness = await createArchiveHarness();
    await storePreviousShape(harness);
    const before = await harness.archive.takeSnapshot();
    saved(await harness.store.saveSettings({ defaultCurrency: 'USD', tracks: [] }));
    const since = await harness.archive.takeSnapshot();
    saved(await harness.store.saveSettings({ defaultCurrency: 'JPY', ownerName: 'Bo' }));

    saved(await harness.archive.restoreSnapshot(before.id, noProgress));
    expect(await harness.store.getSettings()).toEqual(previousShape);

    saved(await harness.archive.restoreSnapshot(since.id, noProgress));
    expect(await harness.store.getSettings()).toEqual({ ...previousShape, defaultCurrency: 'USD', tracks: [] });
  });
});
