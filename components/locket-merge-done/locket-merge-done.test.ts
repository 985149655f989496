import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-merge-done';

describe('locket-merge-done', () => {
  it('says what was merged, opens the kept record, and undoes the merge as one', async () => {
    const { services, store } = await createTestServices();
    const a = await store.create('person', { firstName: 'Anna', lastName: 'Schmidt' });
    const b = await store.create('person', { firstName: 'Anna', lastName: 'Schmitt' });
    if (!a.ok || !b.ok) throw new Error('test person refused');
    await store.create('note', { body: 'Called', recordId: b.value.id });
    const merged = await store.mergeRecords({ survivorId: a.value.id, otherId: b.value.id, choices: {}, note: 'Merged' });
    if (!merged.ok) throw new Error('merge refused');
    const opened = listen('locket-open');
    await mount('locket-merge-done', {
      services, detail: { act: 'merge', outcome: merged.value, kind: 'person', keptName: 'Anna Schmidt', otherName: 'Anna Schmitt' },
    });

    await expect.element(page.getByRole('status')).toHaveTextContent('Anna Schmitt was merged into Anna Schmidt.');
    await userEvent.click(page.getByRole('button', { name: 'Open Anna Schmidt' }));
    expect(opened.details).toEqual([{ id: a.value.id }]);

    await userEvent.click(page.getByRole('button', { name: 'Undo' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Undone: Anna Schmitt is back.');
    expect((await store.get(b.value.id))?.deletedAt).toBeNull();
    expect((await store.linkedTo(b.value.id)).map((note) => note.fields)).toEqual([expect.objectContaining({ body: 'Called' })]);
  });

  it('says why an undo cannot be done', async () => {
    const { services } = await createTestServices({ store: () => ({ undoMerge: async () => ({ ok: false, error: { type: 'changed-since' } }) }) });
    await mount('locket-merge-done', {
      services, detail: { act: 'convert', outcome: { undoId: 'u', survivorId: 's', trashedId: 't', moved: 0 }, kind: 'organisation', keptName: 'Shoes', otherName: 'Shoes' },
    });
    await expect.element(page.getByRole('status')).toHaveTextContent('Shoes is now an organisation.');
    await userEvent.click(page.getByRole('button', { name: 'Undo' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The record was changed since');
  });
});
