import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { LocketStore } from '../../core/store/contract';
import { held, storageFullError } from '../../test/elements/fakes';
import { hasFocus } from '../../test/elements/focus';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import { createFakeTeam } from '../../test/elements/team-fakes';
import './locket-trash';

const trashedPeople = async (store: LocketStore, names: readonly string[]) => {
  const ids: string[] = [];
  for (const name of names) {
    const result = await store.create('person', { firstName: name, lastName: 'Example' });
    if (!result.ok) throw new Error('test person refused');
    await store.remove(result.value.id);
    ids.push(result.value.id);
  }
  return ids;
};

const mountTrash = async (change: (store: LocketStore) => Partial<LocketStore> = () => ({})) => {
  const { services, store } = await createTestServices({ store: change });
  return { store, mountNow: () => mount('locket-trash', { services }) };
};

describe('locket-trash', () => {
  it('says the trash is empty', async () => {
    const { mountNow } = await mountTrash();
    await mountNow();
    await expect.element(page.getByText('The trash is empty.', { exact: false })).toBeVisible();
    expect(page.getByRole('button', { name: 'Empty trash' }).query()).toBeNull();
  });

  it('restores a record and offers to open it', async () => {
    const { store, mountNow } = await mountTrash();
    const [adaId] = await trashedPeople(store, ['Ada', 'Grace']);
    const opened = listen('locket-open');
    await mountNow();
    await expect.element(page.getByRole('list', { name: 'Trashed records' })).toHaveTextContent('Ada Example');
    await expect.element(page.getByText('2 records.', { exact: false })).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'Restore Ada Example' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Ada Example is back in People.');
    await expect.element(page.getByRole('list', { name: 'Trashed records' })).not.toHaveTextContent('Ada Example');
    expect((await store.get(adaId!))?.deletedAt).toBeNull();
    // The restored row went with the button pressed: the keyboard lands on the offer to open the record.
    await expect.poll(() => hasFocus(page.getByRole('button', { name: 'Open Ada Example' }))).toBe(true);
    await userEvent.click(page.getByRole('button', { name: 'Open Ada Example' }));
    expect(opened.details).toEqual([{ id: adaId }]);
  });

  it('deletes a record forever only once the owner confirms', async () => {
    const { store, mountNow } = await mountTrash();
    await trashedPeople(store, ['Ada', 'Grace']);
    await mountNow();
    await userEvent.click(page.getByRole('button', { name: 'Delete Ada Example forever' }));
    await expect.element(page.getByRole('alertdialog')).toHaveTextContent('Delete Ada Example forever?');
    await userEvent.click(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }));
    expect(page.getByRole('alertdialog').query()).toBeNull();
    expect(await store.trashCount()).toBe(2);

    await userEvent.click(page.getByRole('button', { name: 'Delete Ada Example forever' }));
    await userEvent.click(page.getByRole('alertdialog').getByRole('button', { name: 'Delete forever' }));
    await expect.element(page.getByRole('list', { name: 'Trashed records' })).not.toHaveTextContent('Ada Example');
    expect(await store.trashCount()).toBe(1);
  });

  it('empties the whole trash only once the owner confirms', async () => {
    const { store, mountNow } = await mountTrash();
    await trashedPeople(store, ['Ada', 'Grace']);
    await mountNow();
    await userEvent.click(page.getByRole('button', { name: 'Empty trash' }));
    await expect.element(page.getByRole('alertdialog')).toHaveTextContent('2 records and the notes that went with them will be deleted for good.');
    expect(await store.trashCount()).toBe(2);
    await userEvent.click(page.getByRole('alertdialog').getByRole('button', { name: 'Delete forever' }));
    await expect.element(page.getByText('The trash is empty.', { exact: false })).toBeVisible();
    expect(await store.trashCount()).toBe(0);
  });

  it('says when the disk is full and keeps the record', async () => {
    const { store, mountNow } = await mountTrash(() => ({ deleteForever: async () => { throw storageFullError(); } }));
    await trashedPeople(store, ['Ada']);
    await mountNow();
    await userEvent.click(page.getByRole('button', { name: 'Delete Ada Example forever' }));
    await userEvent.click(page.getByRole('alertdialog').getByRole('button', { name: 'Delete forever' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The trash could not be changed: This device has no room left');
    await expect.element(page.getByRole('list', { name: 'Trashed records' })).toHaveTextContent('Ada Example');
  });

  it('does not let a slow earlier read overwrite a newer one', async () => {
    const first = held<undefined>();
    let reads = 0;
    const { store, mountNow } = await mountTrash((real) => ({
      trashPage: async (offset, limit) => {
        const page = await real.trashPage(offset, limit);
        if (++reads === 1) await first.promise;
        return page;
      },
    }));
    await trashedPeople(store, ['Ada']);
    await mountNow();
    // The first read (Ada in the trash) is held; Ada is restored meanwhile, and the second read finds the trash empty.
    const [record] = await store.trashPage(0, 10);
    await store.restore(record!.record.id);
    await expect.element(page.getByText('The trash is empty.', { exact: false })).toBeVisible();
    first.resolve(undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect.element(page.getByText('The trash is empty.', { exact: false })).toBeVisible();
    expect(page.getByRole('list', { name: 'Trashed records' }).query()).toBeNull();
  });

  it('says when the trash could not be read', async () => {
    const { mountNow } = await mountTrash(() => ({ trashCount: async () => { throw new Error('no index'); } }));
    await mountNow();
    await expect.element(page.getByRole('alert')).toHaveTextContent('The trash could not be read: no index');
  });

  /** A person trashed as a trash that came through sync leaves its row: by the device that signed it. */
  const trashedByMia = async (services: Parameters<typeof createTestServices>[0]) => {
    const made = await createTestServices(services);
    const [id] = await trashedPeople(made.store, ['Ada']);
    const row = await made.db.get('records', id!);
    await made.db.put('records', { ...row!, deletedBy: 'device:device-mia' });
    await mount('locket-trash', { services: made.services });
  };

  it('names the member whose device trashed a record', async () => {
    const { services: team } = createFakeTeam({
      nameDirectory: async () => ({
        ok: true,
        value: { thisDevice: ['device-a'], me: 'member-ada', members: [{ member: 'member-mia', name: 'Mia Wong', removed: false }], devices: [{ device: 'device-mia', member: 'member-mia' }] },
      }),
    });
    await trashedByMia({ services: { team } });
    await expect.element(page.getByRole('list', { name: 'Trashed records' })).toHaveTextContent('Deleted by Mia Wong on');
  });

  it('says "another device" for a trash that came from one when no team names it', async () => {
    await trashedByMia({});
    await expect.element(page.getByRole('list', { name: 'Trashed records' })).toHaveTextContent('Deleted by another device on');
  });
});
