import * as Comlink from 'comlink';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalStanding } from '../../../core/sync-account/local-standing';
import { cacheEntries } from '../../../core/sync-account/team-log-cache';
import { refusedActOf } from '../../../core/team/local-rights';
import { failureText } from '../../../components/shared/failure-text';
import { setCurrentLocale } from '../../../components/shared/i18n/locale';
import { locketContract, type LocketWorkerApi } from '../../../worker/contract';
import { hostContract } from '../../../worker/host';
import { createOpenWorkerApi } from '../../../worker/implementation';
import { guardStore } from '../../../worker/role-guard';
import { person } from '../store/harness';
import { addMember, newTeamWorld, type Member, type TeamWorld } from '../team/team-harness';
import { createTestAccount, saved, type TestAccount } from './harness';

let account: TestAccount;
afterEach(() => account.closeAll());

/** One team for every test: an owner, a read-only member, and standard members with and without the export right. */
let world: TeamWorld;
let reader: Member;
let standard: Member;
let exporter: Member;
beforeAll(async () => {
  world = await newTeamWorld();
  reader = await addMember(world, 'read-only');
  standard = await addMember(world, 'standard');
  exporter = await addMember(world, 'standard', world.owner, true);
});

/** This device as `member`'s device: the team's log cached as validated, and the worker opened on it. */
const openAs = async (member: Member | null) => {
  account = createTestAccount();
  const { deps, bus, store } = await account.open();
  if (member) await cacheEntries(deps.db, world.entries);
  const standing = createLocalStanding({ db: deps.db, clock: world.clock, deviceId: async () => member?.keys.signing.deviceId ?? null });
  return { api: createOpenWorkerApi(deps, bus, { standing }), store, guarded: guardStore(store, standing) };
};

const refusal = async (call: Promise<unknown>) => call.then(() => null, (error: unknown) => refusedActOf(error));
const CSV = [['contacts'], { bom: false, zip: false }, () => undefined] as const;

describe('a member’s role on their own device', () => {
  it('refuses a read-only member’s create, edit and trash, and writes nothing', async () => {
    const { api, store, guarded } = await openAs(reader);
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));

    expect(await refusal(api.insertMany('person', [person('Bo', 'Brown')]))).toBe('create');
    expect(await refusal(guarded.create('person', person('Cy', 'Young')))).toBe('create');
    expect(await refusal(guarded.update(ada.id, 'person', { firstName: 'Augusta' }))).toBe('edit');
    expect(await refusal(guarded.remove(ada.id))).toBe('trash');

    expect(await store.count('person')).toBe(1);
    expect(await store.get(ada.id)).toMatchObject({ fields: { firstName: 'Ada' }, deletedAt: null });
  });

  it('refuses a read-only member’s bulk changes, tag renames and selection exports, and writes nothing', async () => {
    const { api, store, guarded } = await openAs(reader);
    const ada = saved(await store.create('person', person('Ada', 'Lovelace', { tags: ['Lead'] })));

    expect(await refusal(guarded.applyBulk([ada.id], { type: 'add-tag', tag: 'Customer' }))).toBe('edit');
    expect(await refusal(guarded.applyBulk([ada.id], { type: 'trash' }))).toBe('trash');
    expect(await refusal(guarded.renameTag('Lead', 'Customer'))).toBe('edit');
    expect(await refusal(api.exportCsvSelection([ada.id], { bom: false }))).toBe('export');

    expect(await store.get(ada.id)).toMatchObject({ fields: { tags: ['Lead'] }, deletedAt: null });
  });

  it('lets a standard member create and trash but not restore from the trash, delete forever or erase', async () => {
    const { api, store, guarded } = await openAs(standard);
    expect((await api.insertMany('person', [person('Bo', 'Brown')])).inserted).toBe(1);
    const ada = saved(await guarded.create('person', person('Ada', 'Lovelace')));
    await guarded.remove(ada.id);

    expect(await refusal(guarded.restore(ada.id))).toBe('restore');
    expect(await refusal(guarded.deleteForever([ada.id]))).toBe('purge');
    expect(await refusal(guarded.emptyTrash())).toBe('purge');
    expect(await refusal(guarded.saveSettings({ defaultCurrency: 'USD' }))).toBe('settings');
    expect(await refusal(guarded.saveSettings({ tracks: [{ id: 't1', name: 'Onboarding', steps: [{ description: 'Call', offsetDays: 1 }] }] }))).toBe('settings');
    // Their own name and lists are personal: they never leave the device, so the role does not decide them.
    expect(await refusal(guarded.saveSettings({ ownerName: 'Someone' }))).toBeNull();
    expect(await refusal(guarded.undoImport('batch-1'))).toBe('undo-import');
    expect(await refusal(guarded.erase(ada.id, { suppressEmails: true }))).toBe('erase');
    expect(await refusal(api.restoreSnapshot('any', () => undefined))).toBe('restore');

    expect(await store.getSettings()).toMatchObject({ ownerName: 'Someone', defaultCurrency: 'EUR' });
    expect((await store.getSettings()).tracks).toBeUndefined();
    expect(await store.trashCount()).toBe(1);
    expect((await store.get(ada.id))?.deletedAt).not.toBeNull();
  });

  it('refuses CSV, vCard and backup files without the export right, and writes nothing to the audit log', async () => {
    const { api, store } = await openAs(standard);
    await store.create('person', person('Ada', 'Lovelace'));
    const entriesBefore = (await store.audit.entries()).length;

    expect(await refusal(api.exportCsv(...CSV))).toBe('export');
    expect(await refusal(api.exportVcard(null))).toBe('export');
    expect(await refusal(api.exportTasksIcs())).toBe('export');
    expect(await refusal(api.createBackup('a long backup password', () => undefined))).toBe('export');
    expect((await store.audit.entries()).length).toBe(entriesBefore);
  });

  it('exports for a member given the right', async () => {
    const { api, store } = await openAs(exporter);
    await store.create('person', person('Ada', 'Lovelace'));
    const file = await api.exportVcard(null);
    expect(new TextDecoder().decode(file.bytes)).toContain('Lovelace');
  });

  it('leaves the owner, and a device in no team, free to do everything', async () => {
    for (const member of [world.owner, null]) {
      const { api, store, guarded } = await openAs(member);
      const ada = saved(await guarded.create('person', person('Ada', 'Lovelace')));
      await guarded.remove(ada.id);
      saved(await guarded.restore(ada.id));
      expect((await store.get(ada.id))?.deletedAt).toBeNull();
      expect(new TextDecoder().decode((await api.exportVcard(null)).bytes)).toContain('Lovelace');
      account.closeAll();
    }
  });

  it('keeps the refusal’s type when it crosses from the worker to the page, which words it in the page’s language', async () => {
    const { api } = await openAs(standard);
    const channel = new MessageChannel();
    Comlink.expose(hostContract(locketContract, { immediate: { open: async () => undefined }, ready: Promise.resolve(api) }), channel.port1);
    const remote = Comlink.wrap<LocketWorkerApi>(channel.port2);
    const crossed: unknown = await remote.exportVcard(null).catch((error: unknown) => error);
    expect(refusedActOf(crossed)).toBe('export');
    expect(failureText(crossed)).toBe('You do not have the right to export or download backups. An admin can give you the right.');
    setCurrentLocale('de');
    try {
      expect(failureText(crossed)).toBe('Sie haben nicht das Recht, zu exportieren oder Sicherungen herunterzuladen. Ein Administrator kann Ihnen dieses Recht geben.');
    } finally {
      setCurrentLocale('en');
    }
    channel.port1.close();
    channel.port2.close();
  });
});
