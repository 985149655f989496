import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-record-tasks';

describe('locket-record-tasks', () => {
  it('lists the record’s open tasks, adds one, and marks one done', async () => {
    const { services, store } = await createTestServices();
    const anna = await store.create('person', { firstName: 'Anna', lastName: 'Schmidt' });
    if (!anna.ok) throw new Error('test person refused');
    await store.create('task', { description: 'Call Anna', recordId: anna.value.id, dueDate: '2026-01-20', category: 'call' });
    await store.create('task', { description: 'Already done', recordId: anna.value.id, doneAt: 1 });
    await mount('locket-record-tasks', { services, recordId: anna.value.id }, { 'record-title': 'Anna Schmidt' });
    const section = page.getByRole('region', { name: 'Tasks' });
    await expect.element(section).toHaveTextContent('Call Anna');
    await expect.element(section).not.toHaveTextContent('Already done');

    await userEvent.click(page.getByRole('button', { name: 'Add task' }));
    await expect.element(page.getByText('About Anna Schmidt')).toBeVisible();
    await userEvent.fill(page.getByLabelText('What is to be done'), 'Send the offer');
    await userEvent.click(page.getByRole('button', { name: 'Save task' }));
    await expect.element(section.getByRole('listitem').filter({ hasText: 'Send the offer' })).toBeVisible();

    await userEvent.click(page.getByRole('checkbox', { name: 'Mark "Call Anna" done' }));
    await expect.element(section).not.toHaveTextContent('Call Anna');
  });
});
