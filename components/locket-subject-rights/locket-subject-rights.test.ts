import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { LocketRecord } from '../../core/records/types';
import { offeredDownloads } from '../../test/elements/downloads';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-subject-rights';

const withPerson = async () => {
  const made = await createTestServices();
  const created = await made.store.create('person', { firstName: 'Ada', lastName: 'Lovelace', emails: ['ada@example.com'] });
  if (!created.ok) throw new Error('test person refused');
  await made.store.create('note', { body: 'Met at the Society', recordId: created.value.id, sourceUrl: null, capturedAt: null });
  return { ...made, person: created.value as LocketRecord<'person'> };
};

describe('locket-subject-rights', () => {
  it('exports everything about the person as one file', async () => {
    const { services, person } = await withPerson();
    await mount('locket-subject-rights', { services, person });
    await userEvent.click(page.getByRole('button', { name: 'Export everything about this person' }));
    await expect.poll(() => offeredDownloads()).toEqual([`locket-subject-${person.id}.json`]);
  });

  it('erases only after a confirmation that says what goes, and announces it', async () => {
    const { services, store, person } = await withPerson();
    const linked = await store.linkedTo(person.id);
    const deleted = listen('locket-deleted');
    await mount('locket-subject-rights', { services, person, linked });
    await userEvent.click(page.getByRole('button', { name: 'Erase…' }));
    const confirm = page.getByRole('alertdialog');
    await expect.element(confirm).toHaveTextContent('Erase Ada Lovelace for good?');
    await expect.element(confirm).toHaveTextContent('1 note about them');
    await userEvent.click(confirm.getByRole('button', { name: 'Keep' }));
    expect(await store.get(person.id)).toBeDefined();

    await userEvent.click(page.getByRole('button', { name: 'Erase…' }));
    await userEvent.click(page.getByRole('checkbox', { name: /Remember a hash of their email/ }));
    await userEvent.click(page.getByRole('button', { name: 'Erase permanently' }));
    await expect.poll(() => deleted.details).toEqual([{ id: person.id }]);
    expect(await store.get(person.id)).toBeUndefined();
  });

  it('does not carry an open confirmation over to another person', async () => {
    const { services, store, person } = await withPerson();
    const other = await store.create('person', { firstName: 'Grace', lastName: 'Hopper' });
    if (!other.ok) throw new Error('test person refused');
    const rights = await mount('locket-subject-rights', { services, person });
    await userEvent.click(page.getByRole('button', { name: 'Erase…' }));
    await expect.element(page.getByRole('alertdialog')).toBeVisible();
    rights.person = other.value as LocketRecord<'person'>;
    await rights.updateComplete;
    expect(page.getByRole('alertdialog').query()).toBeNull();
  });
});
