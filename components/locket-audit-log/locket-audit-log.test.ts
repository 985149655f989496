import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { offeredDownloads } from '../../test/elements/downloads';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-audit-log';

/** Two people deleted for good: two audit entries. */
const withEntries = async () => {
  const made = await createTestServices();
  for (const firstName of ['Ada', 'Grace']) {
    const created = await made.store.create('person', { firstName, lastName: 'Example' });
    if (!created.ok) throw new Error('test person refused');
    await made.store.remove(created.value.id);
    await made.store.deleteForever([created.value.id]);
  }
  return made;
};

describe('locket-audit-log', () => {
  it('says when there is nothing yet', async () => {
    const { services } = await createTestServices();
    await mount('locket-audit-log', { services });
    await expect.element(page.getByText('No entries yet.')).toBeVisible();
  });

  it('lists the entries newest first and confirms an intact chain', async () => {
    const { services, store } = await withEntries();
    const count = (await store.audit.entries()).length;
    await mount('locket-audit-log', { services });
    await expect.element(page.getByRole('table', { name: `Audit log entries 1–${count} of ${count}, newest first` })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Verify chain' }));
    await expect.element(page.getByRole('status')).toHaveTextContent(`The log is intact: ${count} entries`);
  });

  it('catches an entry edited in the database', async () => {
    const { services, db } = await withEntries();
    const first = await db.get('audit', 1);
    await db.put('audit', { ...first!, by: 'someone else' });
    await mount('locket-audit-log', { services });
    await userEvent.click(page.getByRole('button', { name: 'Verify chain' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The log was changed:');
  });

  it('exports the log as CSV', async () => {
    const { services } = await withEntries();
    await mount('locket-audit-log', { services });
    await userEvent.click(page.getByRole('button', { name: 'Export as CSV' }));
    await expect.element(page.getByRole('status')).toHaveTextContent(/^Exported .+\.csv\.$/);
    expect(offeredDownloads()).toHaveLength(1);
  });
});
