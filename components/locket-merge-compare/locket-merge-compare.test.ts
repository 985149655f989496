import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import type { LocketStore } from '../../core/store/contract';
import type { MergedDetail } from '../shared/merge-events';
import './locket-merge-compare';

const person = async (store: LocketStore, input: Record<string, unknown>) => {
  const result = await store.create('person', input);
  if (!result.ok) throw new Error('test person refused');
  return result.value;
};

describe('locket-merge-compare', () => {
  it('shows both side by side and merges with the values chosen, lists combined', async () => {
    const { services, store } = await createTestServices();
    const anna = await person(store, { firstName: 'Anna', lastName: 'Schmidt', emails: ['anna@example.com'] });
    const twin = await person(store, { firstName: 'Anna', lastName: 'Schmitt', jobTitle: 'Buyer', emails: ['a.schmitt@work.example'] });
    const merged = listen('locket-merged');
    await mount('locket-merge-compare', { services, ids: [anna.id, twin.id] });

    await expect.element(page.getByRole('table')).toHaveTextContent('Both, combined: anna@example.com a.schmitt@work.example');
    // The kept record's empty job title gives way to the other's by default.
    await expect.element(page.getByRole('radio', { name: 'Buyer' })).toBeChecked();
    await userEvent.click(page.getByRole('radio', { name: 'Schmitt', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Merge' }));

    await expect.poll(() => merged.details.length).toBe(1);
    const detail = merged.details[0] as MergedDetail;
    expect(detail).toMatchObject({ act: 'merge', keptName: 'Anna Schmidt', otherName: 'Anna Schmitt', outcome: { survivorId: anna.id, trashedId: twin.id } });
    expect((await store.get(anna.id))?.fields).toMatchObject({
      lastName: 'Schmitt', jobTitle: 'Buyer', emails: ['anna@example.com', 'a.schmitt@work.example'],
    });
    expect((await store.get(twin.id))?.deletedAt).not.toBeNull();
  });

  it('keeps the other record when the user says so', async () => {
    const { services, store } = await createTestServices();
    const anna = await person(store, { firstName: 'Anna', lastName: 'Schmidt' });
    const twin = await person(store, { firstName: 'Anna', lastName: 'Schmitt' });
    await mount('locket-merge-compare', { services, ids: [anna.id, twin.id] });
    await userEvent.click(page.getByRole('radio', { name: 'Keep Anna Schmitt' }));
    await expect.element(page.getByText('Notes, cases, opportunities and links of Anna Schmidt move to Anna Schmitt.', { exact: false })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Merge' }));
    await expect.poll(async () => (await store.get(anna.id))?.deletedAt).not.toBeNull();
    expect((await store.get(twin.id))?.deletedAt).toBeNull();
  });

  it('says why a merge was refused and writes nothing', async () => {
    const { services, store } = await createTestServices({ store: () => ({ mergeRecords: async () => ({ ok: false, error: { type: 'record-in-trash' } }) }) });
    const anna = await person(store, { firstName: 'Anna', lastName: 'Schmidt' });
    const twin = await person(store, { firstName: 'Anna', lastName: 'Schmitt' });
    await mount('locket-merge-compare', { services, ids: [anna.id, twin.id] });
    await userEvent.click(page.getByRole('button', { name: 'Merge' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('One of the records is in the trash.');
  });
});
