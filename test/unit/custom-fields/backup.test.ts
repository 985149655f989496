import { describe, expect, it } from 'vitest';
import { createArchiveHarness, noProgress, PASSWORD, saved, seedAccount } from '../backup/archive-harness';

describe('field definitions in a backup', () => {
  it('travel with the settings: a restore brings back the fields as they were when the backup was made', async () => {
    const harness = await createArchiveHarness();
    const { store, archive } = harness;
    await seedAccount(harness);
    const renewal = { id: 'r', name: 'Renewal', type: 'date', choices: [], required: true, formerNames: [] };
    saved(await store.saveSettings({ fieldDefinitions: { person: [renewal] } }));
    const file = await archive.createBackup(PASSWORD, noProgress);
    expect(new TextDecoder().decode(file.bytes)).not.toContain('Renewal');

    saved(await store.saveSettings({ fieldDefinitions: { person: [] } }));
    saved(await archive.restoreBackup(file.bytes, PASSWORD, noProgress));
    expect((await store.getSettings()).fieldDefinitions?.person).toEqual([renewal]);
  });
});
