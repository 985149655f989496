import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-bulk-bar';

const twoPeople = async (store: Awaited<ReturnType<typeof createTestServices>>['store']) => {
  const ids: string[] = [];
  for (const firstName of ['Ada', 'Grace']) {
    const saved = await store.create('person', { firstName, lastName: 'Test', tags: ['Lead'] });
    if (saved.ok) ids.push(saved.value.id);
  }
  return ids;
};

describe('locket-bulk-bar', () => {
  it('shows nothing while nothing is selected', async () => {
    const { services } = await createTestServices();
    await mount('locket-bulk-bar', { services, kind: 'person', selected: [] });
    expect(page.getByRole('toolbar').query()).toBeNull();
  });

  it('tags the selection, clears it, and offers the undo that takes the tag off again', async () => {
    const { services, store } = await createTestServices();
    const ids = await twoPeople(store);
    const cleared = listen('locket-bulk-clear');
    const bar = await mount('locket-bulk-bar', { services, kind: 'person', selected: ids });
    await expect.element(page.getByRole('toolbar', { name: 'Bulk actions' })).toHaveTextContent('2 selected');

    await userEvent.click(page.getByRole('button', { name: 'Add tag' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'Tag' }), 'Customer');
    await userEvent.click(page.getByRole('button', { name: 'Apply' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Done: 2 records tagged Customer.');
    expect(cleared.events).toHaveLength(1);
    const ada = await store.get(ids[0] ?? '');
    expect(ada?.kind === 'person' ? ada.fields.tags : null).toEqual(['Lead', 'Customer']);

    bar.selected = [];
    await userEvent.click(page.getByRole('button', { name: 'Undo: 2 records tagged Customer' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Undone: 2 records back as they were.');
    const again = await store.get(ids[0] ?? '');
    expect(again?.kind === 'person' ? again.fields.tags : null).toEqual(['Lead']);
  });

  it('asks before moving the selection to the trash, naming the count', async () => {
    const { services, store } = await createTestServices();
    const ids = await twoPeople(store);
    await mount('locket-bulk-bar', { services, kind: 'person', selected: ids });

    await userEvent.click(page.getByRole('button', { name: 'Move to trash' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('Move 2 records to the trash?');
    await userEvent.click(page.getByRole('button', { name: 'Cancel' }));
    expect(await store.count('person')).toBe(2);

    await userEvent.click(page.getByRole('button', { name: 'Move to trash' }));
    await userEvent.click(page.getByRole('alert').getByRole('button', { name: 'Move to trash' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Done: 2 records moved to the trash.');
    expect(await store.count('person')).toBe(0);
  });

  it('sets a case status from the choices a case has', async () => {
    const { services, store } = await createTestServices();
    const saved = await store.create('case', { name: 'Audit' });
    const id = saved.ok ? saved.value.id : '';
    await mount('locket-bulk-bar', { services, kind: 'case', selected: [id] });

    await userEvent.click(page.getByRole('button', { name: 'Set field' }));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Field' }), 'status');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Value' }), 'closed');
    await userEvent.click(page.getByRole('button', { name: 'Apply' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Done: Status set on 1 record.');
    expect((await store.get(id))?.fields).toMatchObject({ status: 'closed' });
  });

  it('asks why when it sets opportunities to lost, from the owner’s reasons, and keeps the reason on each', async () => {
    const { services, store } = await createTestServices();
    const pipeline = await services.pipeline?.readPipeline();
    await services.pipeline?.savePipeline({ milestones: pipeline?.milestones ?? [], lostReasons: ['Price', 'Timing'] });
    const ids: string[] = [];
    for (const name of ['Renewal', 'Upsell']) {
      const saved = await store.create('opportunity', { name });
      if (saved.ok) ids.push(saved.value.id);
    }
    await mount('locket-bulk-bar', { services, kind: 'opportunity', selected: ids });

    await userEvent.click(page.getByRole('button', { name: 'Set field' }));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Field' }), 'status');
    await expect.element(page.getByRole('combobox', { name: 'Why was it lost?' })).not.toBeInTheDocument();
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Value' }), 'lost');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Why was it lost?' }), 'Timing');
    await userEvent.click(page.getByRole('button', { name: 'Apply' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Done: Status set on 2 records.');
    for (const id of ids) expect((await store.get(id))?.fields).toMatchObject({ status: 'lost', lostReason: 'Timing' });
  });
});
