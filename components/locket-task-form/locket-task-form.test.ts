import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import { deviceTimeZone } from '../../core/tasks/device-zone';
import './locket-task-form';

describe('locket-task-form', () => {
  it('saves a task on a record with its due date, time, category and the owner as assignee', async () => {
    const { services, store } = await createTestServices();
    await store.saveSettings({ ownerName: 'Sam Owner' });
    const anna = await store.create('person', { firstName: 'Anna', lastName: 'Schmidt' });
    if (!anna.ok) throw new Error('test person refused');
    const saved = listen('locket-saved');
    await mount('locket-task-form', { services, recordId: anna.value.id }, { 'record-title': 'Anna Schmidt' });
    await expect.element(page.getByText('About Anna Schmidt')).toBeVisible();
    await expect.element(page.getByLabelText('Assigned to')).toHaveValue('Sam Owner');
    await userEvent.fill(page.getByLabelText('What is to be done'), 'Call Anna');
    await userEvent.fill(page.getByLabelText('Due date'), '2026-02-03');
    await userEvent.fill(page.getByLabelText('Time (optional)'), '09:15');
    await userEvent.selectOptions(page.getByLabelText('Category'), 'Meeting');
    await userEvent.click(page.getByRole('button', { name: 'Save task' }));
    await expect.poll(() => saved.details.length).toBe(1);
    const [task] = (await store.linkedTo(anna.value.id)).filter((record) => record.kind === 'task');
    expect(task?.kind === 'task' && task.fields).toMatchObject({
      description: 'Call Anna', dueDate: '2026-02-03', dueTime: '09:15', category: 'meeting', assignee: 'Sam Owner',
      timeZone: deviceTimeZone(), doneAt: null,
    });
  });

  it('takes the owner\'s own category word', async () => {
    const { services, store } = await createTestServices();
    const saved = listen('locket-saved');
    await mount('locket-task-form', { services });
    await userEvent.fill(page.getByLabelText('What is to be done'), 'Visit the site');
    await userEvent.selectOptions(page.getByLabelText('Category'), 'Own word');
    await userEvent.fill(page.getByLabelText('Own word'), 'Site visit');
    await userEvent.click(page.getByRole('button', { name: 'Save task' }));
    await expect.poll(() => saved.details.length).toBe(1);
    const { record } = saved.details[0] as HTMLElementEventMap['locket-saved']['detail'];
    const stored = await store.get(record.id);
    expect(stored?.kind === 'task' && stored.fields.category).toBe('Site visit');
  });

  it('shows why a task was refused and saves nothing', async () => {
    const { services } = await createTestServices();
    const saved = listen('locket-saved');
    await mount('locket-task-form', { services });
    await userEvent.fill(page.getByLabelText('What is to be done'), '   ');
    await userEvent.click(page.getByRole('button', { name: 'Save task' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('Say what is to be done.');
    expect(saved.details).toEqual([]);
  });
});
