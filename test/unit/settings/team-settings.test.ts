import { describe, expect, it } from 'vitest';
import { settingsAad } from '../../../core/codec';
import { migrateTeamSettings, SETTINGS_ROW_KEY } from '../../../core/settings/settings';
import type { FieldDefinitions } from '../../../core/custom-fields/definitions';
import { DEFAULT_PIPELINE } from '../../../core/pipeline/pipeline-settings';
import { createHarness, opaqueCodec, type Harness } from '../store/harness';
import { deliver, device, exchange } from '../replica/replica-harness';

const fields = (name: string): FieldDefinitions => ({
  person: [{ id: `f-${name}`, name, type: 'text', choices: [], required: false, formerNames: [] }], organisation: [], case: [], opportunity: [],
});
const pipelineWith = (name: string) => ({
  ...DEFAULT_PIPELINE, milestones: [...DEFAULT_PIPELINE.milestones, { id: name.toLowerCase(), name, probability: 95, daysUntilStale: 3 }],
});
const track = { id: 'onboarding', name: 'Onboarding', steps: [{ description: 'Call', category: 'call', offsetDays: 1 }] };

/** Every change-set item in the log, as the relay would see it: kind, id, op and field names. */
const loggedItems = async (harness: Pick<Harness, 'db'>) =>
  (await harness.db.getAll('changes')).flatMap((set) => set.changes.map(({ kind, recordId, op, changed }) => ({ kind, recordId, op, changed })));

const storedKeys = async (harness: Pick<Harness, 'db'>) => (await harness.db.getAllKeys('settings')).sort();

describe('team settings are records of kind settings; personal settings stay on the device', () => {
  it('writes a team setting to its group with a change set queued for sync, and a personal one with none', async () => {
    const harness = await createHarness({}, opaqueCodec);
    await harness.store.saveSettings({ ownerName: 'Ada', savedLists: [] });
    expect(await loggedItems(harness)).toEqual([]);

    await harness.store.saveSettings({ fieldDefinitions: fields('Shoe size'), defaultCurrency: 'gbp' });
    expect(await loggedItems(harness)).toEqual([
      { kind: 'settings', recordId: 'settings:general', op: 'create', changed: ['defaultCurrency'] },
      { kind: 'settings', recordId: 'settings:fields', op: 'create', changed: ['fieldDefinitions'] },
    ]);
    expect(await harness.db.count('outbox')).toBe(1);
    expect(await storedKeys(harness)).toEqual(['general', 'settings:fields', 'settings:general']);
    // Values stay encrypted like every settings row; the owner's name never enters the change log.
    expect(JSON.stringify(await harness.db.getAll('settings'))).not.toContain('Shoe size');
    expect(JSON.stringify(await harness.db.getAll('changes'))).not.toContain('Ada');
    expect(await harness.store.getSettings()).toMatchObject({ ownerName: 'Ada', defaultCurrency: 'GBP', fieldDefinitions: fields('Shoe size') });
    // Settings are never records: no list, count or trash holds them.
    expect(await harness.db.count('records')).toBe(0);
  });

  it('saves the pipeline from options → Pipeline as its own group, in the same change set as the opportunities it moves', async () => {
    const harness = await createHarness();
    const { createPipelineWrites } = await import('../../../core/pipeline/pipeline-writes');
    const writes = createPipelineWrites(harness.deps, harness.store.audit);
    expect((await writes.savePipeline(pipelineWith('Signed'), [])).ok).toBe(true);
    expect(await loggedItems(harness)).toEqual([{ kind: 'settings', recordId: 'settings:pipeline', op: 'create', changed: ['pipeline'] }]);
    expect((await harness.store.getSettings()).pipeline).toEqual(pipelineWith('Signed'));
  });
});

describe('the migration of settings stored before team settings were records', () => {
  const previous = {
    ownerName: 'Ada Lovelace', ownerEmail: 'ada@example.com', defaultCurrency: 'CHF', savedLists: [],
    listViews: { person: { sort: { column: 'name', direction: 'asc' }, columns: ['owner'] } },
    fieldDefinitions: fields('Shoe size'), pipeline: pipelineWith('Signed'), tracks: [track],
  };

  it('moves every team setting into its group in one write, keeps the personal ones, and loses nothing', async () => {
    const harness = await createHarness({}, opaqueCodec);
    await harness.db.put('settings', await opaqueCodec.encode(previous, settingsAad(SETTINGS_ROW_KEY)), SETTINGS_ROW_KEY);
    const before = await harness.store.getSettings();
    expect(before).toMatchObject({ defaultCurrency: 'CHF', tracks: [track] });

    await migrateTeamSettings(harness.deps);

    expect(await harness.store.getSettings()).toEqual(before);
    expect(await storedKeys(harness)).toEqual(['general', 'settings:fields', 'settings:general', 'settings:pipeline', 'settings:tracks']);
    const general = await opaqueCodec.decode((await harness.db.get('settings', SETTINGS_ROW_KEY))!, '');
    expect(Object.keys(general as object).sort()).toEqual(['listViews', 'ownerEmail', 'ownerName', 'savedLists']);
    // One change set, so the owner's other devices receive them; no audit entry, as nobody changed a setting.
    expect((await harness.db.getAll('changes')).map((set) => set.changes.map((change) => change.recordId))).toEqual([
      ['settings:general', 'settings:fields', 'settings:pipeline', 'settings:tracks'],
    ]);
    expect(await harness.store.audit.entries()).toEqual([]);

    // Once moved, a second open does nothing.
    await migrateTeamSettings(harness.deps);
    expect(await harness.db.count('changes')).toBe(1);
    expect(await harness.store.getSettings()).toEqual(before);
  });

  it('on a member\'s device below admin, keeps them there only, and the team\'s settings replace them as they arrive', async () => {
    const owner = await device('device-a');
    const member = await device('device-b', owner.clock);
    await owner.store.saveSettings({ fieldDefinitions: fields('Team field') });
    owner.clock.advance(1000);
    await member.db.put('settings', { codec: 'plain', value: previous }, SETTINGS_ROW_KEY);

    await migrateTeamSettings(member.deps, false);
    // Nothing the relay would refuse is queued, and nothing is lost until the team says otherwise.
    expect(await member.db.count('changes')).toBe(0);
    expect(await member.store.getSettings()).toMatchObject({ defaultCurrency: 'CHF', fieldDefinitions: fields('Shoe size'), tracks: [track] });

    await deliver(owner, member);
    expect(await member.store.getSettings()).toMatchObject({ defaultCurrency: 'CHF', fieldDefinitions: fields('Team field'), tracks: [track] });
  });

  it('leaves a setting still at its default where it was, so a new member does not push the defaults', async () => {
    const harness = await createHarness();
    await harness.db.put('settings', { codec: 'plain', value: { ownerName: 'Bo', ownerEmail: '', defaultCurrency: 'EUR' } }, SETTINGS_ROW_KEY);
    await migrateTeamSettings(harness.deps);
    expect(await harness.db.count('changes')).toBe(0);
    expect(await harness.store.getSettings()).toEqual({ ownerName: 'Bo', ownerEmail: '', defaultCurrency: 'EUR' });
  });
});

describe('team settings between two devices', () => {
  it('brings a field and a milestone defined on one device to the other, and announces them there', async () => {
    const a = await device('device-a');
    const b = await device('device-b');
    await a.store.saveSettings({ fieldDefinitions: fields('Shoe size') });
    const { createPipelineWrites } = await import('../../../core/pipeline/pipeline-writes');
    await createPipelineWrites(a.deps, a.store.audit).savePipeline(pipelineWith('Signed'), []);

    await deliver(a, b);
    expect(await b.store.getSettings()).toMatchObject({ fieldDefinitions: fields('Shoe size'), pipeline: pipelineWith('Signed') });
    expect(b.bus.published).toContainEqual({ ids: [], kinds: [], settings: true });
    expect(await b.db.count('records')).toBe(0);
    // The sets are in B's change log, and applying them again changes nothing.
    expect(await b.db.count('changes')).toBe(2);
  });

  it('keeps both of two concurrent edits to different groups', async () => {
    const a = await device('device-a');
    const b = await device('device-b', a.clock);
    await a.store.saveSettings({ fieldDefinitions: fields('Shoe size') });
    a.clock.advance(1000);
    await b.store.saveSettings({ tracks: [track], ownerName: 'Bo' });

    await exchange(a, b);
    for (const d of [a, b]) expect(await d.store.getSettings()).toMatchObject({ fieldDefinitions: fields('Shoe size'), tracks: [track] });
    // The personal setting stayed where it was written.
    expect((await a.store.getSettings()).ownerName).toBe('');
    expect((await b.store.getSettings()).ownerName).toBe('Bo');
  });

  it('settles two concurrent edits of the same setting on the later one, on both devices', async () => {
    const a = await device('device-a');
    const b = await device('device-b', a.clock);
    await a.store.saveSettings({ defaultCurrency: 'USD', fieldDefinitions: fields('Earlier') });
    a.clock.advance(1000);
    await b.store.saveSettings({ defaultCurrency: 'GBP', fieldDefinitions: fields('Later') });

    await exchange(a, b);
    for (const d of [a, b]) expect(await d.store.getSettings()).toMatchObject({ defaultCurrency: 'GBP', fieldDefinitions: fields('Later') });
    // Delivered again (a relay re-sending), nothing moves back.
    await deliver(a, b);
    expect(await b.store.getSettings()).toMatchObject({ defaultCurrency: 'GBP' });
  });

  it('leaves out a remote setting that is not valid, and keeps the rest of the set', async () => {
    const a = await device('device-a');
    const b = await device('device-b');
    await a.store.saveSettings({ defaultCurrency: 'USD', tracks: [track] });
    const [entry] = await a.replica.pending(10);
    const set = entry!.set;
    const tampered = {
      ...set,
      items: set.items.map((item) => (item.recordId === 'settings:general' ? { ...item, body: { changed: ['defaultCurrency'], values: { defaultCurrency: 'not money' } } } : item)),
    };
    await b.replica.applyRemote([tampered], { relayInstance: 'relay-1', seq: 1 });
    expect(await b.store.getSettings()).toMatchObject({ defaultCurrency: 'EUR', tracks: [track] });
  });
});
