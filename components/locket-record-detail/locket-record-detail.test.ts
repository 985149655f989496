import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { offeredDownloads } from '../../test/elements/downloads';
import { hasFocus } from '../../test/elements/focus';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-record-detail';

const withPerson = async () => {
  const made = await createTestServices();
  const created = await made.store.create('person', { firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'Analyst' });
  if (!created.ok) throw new Error('test person refused');
  return { ...made, id: created.value.id };
};

/** A person the element cannot read: the store's query for records linking to it fails. */
const withPersonReadFailing = async () => {
  const made = await createTestServices({ store: () => ({ linkedTo: async () => { throw new Error('no index'); } }) });
  const created = await made.store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
  if (!created.ok) throw new Error('test person refused');
  return { ...made, id: created.value.id };
};

describe('locket-record-detail', () => {
  it('shows the record and moves it to the trash only after confirmation', async () => {
    const { services, store, id } = await withPerson();
    const deleted = listen('locket-deleted');
    await mount('locket-record-detail', { services, recordId: id });
    await expect.element(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
    await expect.element(page.getByText('Analyst')).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'Delete' }));
    await userEvent.click(page.getByRole('alertdialog', { name: 'Confirm delete' }).getByRole('button', { name: 'Keep' }));
    expect((await store.get(id))?.deletedAt).toBeNull();

    await userEvent.click(page.getByRole('button', { name: 'Delete' }));
    await userEvent.click(page.getByRole('button', { name: 'Move to trash' }));
    await expect.poll(() => deleted.details).toEqual([{ id }]);
    expect((await store.get(id))?.deletedAt).not.toBeNull();
  });

  it('keeps the keyboard\'s place as the delete confirmation and the edit form open and close', async () => {
    const { services, id } = await withPerson();
    await mount('locket-record-detail', { services, recordId: id });
    const [edit, del] = [page.getByRole('button', { name: 'Edit' }), page.getByRole('button', { name: 'Delete' })];
    await userEvent.click(del);
    // The confirmation opens on its safe answer; once it closes, the keyboard is back on Delete.
    await expect.poll(() => hasFocus(page.getByRole('button', { name: 'Keep' }))).toBe(true);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    await expect.poll(() => hasFocus(del)).toBe(true);

    await userEvent.click(edit);
    await userEvent.fill(page.getByLabelText('Job title'), 'Mathematician');
    await userEvent.click(page.getByRole('button', { name: 'Save changes' }));
    await expect.element(page.getByText('Mathematician')).toBeVisible();
    await expect.poll(() => hasFocus(edit)).toBe(true);
  });

  it('adds a note, and keeps the text when it is refused', async () => {
    const { services, store, id } = await withPerson();
    await mount('locket-record-detail', { services, recordId: id });
    await userEvent.click(page.getByRole('button', { name: 'Add note' }));
    await expect.element(page.getByLabelText('New note')).toHaveAttribute('aria-invalid', 'true');
    expect((await store.linkedTo(id)).length).toBe(0);

    await userEvent.fill(page.getByLabelText('New note'), 'Met at the Analytical Society');
    await userEvent.click(page.getByRole('button', { name: 'Add note' }));
    await expect.element(page.getByRole('region', { name: 'Notes' })).toHaveTextContent('Met at the Analytical Society');
    await expect.element(page.getByLabelText('New note')).toHaveValue('');
  });

  it('edits in place and shows the saved values', async () => {
    const { services, id } = await withPerson();
    await mount('locket-record-detail', { services, recordId: id });
    await userEvent.click(page.getByRole('button', { name: 'Edit' }));
    await userEvent.fill(page.getByLabelText('Last name'), 'King');
    await userEvent.click(page.getByRole('button', { name: 'Save changes' }));
    await expect.element(page.getByRole('heading', { name: 'Ada King' })).toBeVisible();
  });

  it('says so when the record is gone', async () => {
    const { services, store, id } = await withPerson();
    await mount('locket-record-detail', { services, recordId: id });
    await expect.element(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
    await store.remove(id);
    await expect.element(page.getByText('This record is no longer here.', { exact: false })).toBeVisible();
  });

  it('says when the record could not be read instead of loading forever', async () => {
    const { services, id } = await withPersonReadFailing();
    await mount('locket-record-detail', { services, recordId: id });
    await expect.element(page.getByRole('alert')).toHaveTextContent('The record could not be read: no index');
    expect(page.getByText('Loading…').query()).toBeNull();
  });

  it('downloads the person as a vCard, and says so when that fails', async () => {
    const asked: (readonly string[] | null)[] = [];
    let fail = false;
    const made = await createTestServices({
      services: {
        exports: {
          exportCsv: async () => { throw new Error('not used'); },
          cancelExport: async () => undefined,
          exportTasksIcs: async () => { throw new Error('not used'); },
          exportVcard: async (ids) => {
            asked.push(ids);
            if (fail) throw new Error('the worker stopped');
            return { fileName: 'Ada Lovelace.vcf', mimeType: 'text/vcard', bytes: new Uint8Array([66]), rows: { contacts: 1 } };
          },
        },
      },
    });
    const created = await made.store.create('person', { firstName: 'Ada', lastName: 'Lovelace' });
    if (!created.ok) throw new Error('test person refused');
    await mount('locket-record-detail', { services: made.services, recordId: created.value.id });
    await userEvent.click(page.getByRole('button', { name: 'Download as vCard (.vcf)' }));
    await expect.poll(() => offeredDownloads()).toEqual(['Ada Lovelace.vcf']);
    expect(asked).toEqual([[created.value.id]]);
    fail = true;
    await userEvent.click(page.getByRole('button', { name: 'Download as vCard (.vcf)' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('the worker stopped');
  });

  it('shows a read-only member the record with no control to edit, trash, erase or add a note', async () => {
    const { services, id } = await withPerson();
    await mount('locket-record-detail', { services, recordId: id, readOnly: true });
    await expect.element(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
    await expect.element(page.getByText('Analyst')).toBeVisible();
    for (const control of ['Edit', 'Delete', 'Add note', 'Erase…']) {
      expect(page.getByRole('button', { name: control, exact: true }).query(), control).toBeNull();
    }
  });
});
