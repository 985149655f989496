import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-tasks';

// The test clock starts on Thursday 15 January 2026, 10:00 in Berlin.
const ZONE = 'Europe/Berlin';

const withTasks = async () => {
  const { services, store, clock } = await createTestServices();
  const anna = await store.create('person', { firstName: 'Anna', lastName: 'Schmidt' });
  if (!anna.ok) throw new Error('test person refused');
  const task = async (fields: Record<string, unknown>) => {
    const made = await store.create('task', { timeZone: ZONE, ...fields });
    if (!made.ok) throw new Error('test task refused');
    return made.value;
  };
  await task({ description: 'Send the offer', dueDate: '2026-01-14', category: 'email' });
  const call = await task({ description: 'Call Anna', recordId: anna.value.id, dueDate: '2026-01-15', dueTime: '14:30', category: 'call' });
  await task({ description: 'Plan the visit', dueDate: '2026-01-19', category: 'Site visit' });
  await task({ description: 'Some day' });
  await task({ description: 'Old call', doneAt: Date.UTC(2026, 0, 10) });
  return { services, store, clock, anna: anna.value, call };
};

const section = (name: string) => page.getByRole('region', { name });

describe('locket-tasks', () => {
  it('shows overdue, today, next 7 days, later and done, each task with its record, category and due time', async () => {
    const { services } = await withTasks();
    await mount('locket-tasks', { services, zone: ZONE });
    await expect.element(section('Overdue')).toHaveTextContent('Send the offer');
    await expect.element(section('Today')).toHaveTextContent('Call Anna');
    await expect.element(section('Today')).toHaveTextContent('Anna Schmidt');
    await expect.element(section('Today')).toHaveTextContent('Call');
    await expect.element(section('Today')).toHaveTextContent(/14:30|2:30/);
    await expect.element(section('Next 7 days')).toHaveTextContent('Plan the visit');
    await expect.element(section('Next 7 days')).toHaveTextContent('Site visit');
    await expect.element(section('Later')).toHaveTextContent('Some day');
    await expect.element(section('Done')).toHaveTextContent('Old call');
  });

  it('opens the record a task is about', async () => {
    const { services, anna } = await withTasks();
    const opened = listen('locket-open');
    await mount('locket-tasks', { services, zone: ZONE });
    await userEvent.click(section('Today').getByRole('button', { name: 'Anna Schmidt' }));
    expect(opened.details).toEqual([{ id: anna.id }]);
  });

  it('marks a task done and undone', async () => {
    const { services, store, call } = await withTasks();
    await mount('locket-tasks', { services, zone: ZONE });
    await userEvent.click(page.getByRole('checkbox', { name: 'Mark "Call Anna" done' }));
    await expect.element(section('Done')).toHaveTextContent('Call Anna');
    await expect.element(section('Today')).not.toHaveTextContent('Call Anna');
    const done = await store.get(call.id);
    expect(done?.kind === 'task' && done.fields.doneAt).toBe(services.clock.now());
    await userEvent.click(section('Done').getByRole('checkbox', { name: 'Mark "Call Anna" done' }));
    await expect.element(section('Today')).toHaveTextContent('Call Anna');
  });

  it('snoozes a task by a day, keeping its time', async () => {
    const { services, store, call } = await withTasks();
    await mount('locket-tasks', { services, zone: ZONE });
    await userEvent.click(section('Today').getByRole('button', { name: 'Snooze a day' }));
    await expect.element(section('Next 7 days')).toHaveTextContent('Call Anna');
    const moved = await store.get(call.id);
    expect(moved?.kind === 'task' && [moved.fields.dueDate, moved.fields.dueTime]).toEqual(['2026-01-16', '14:30']);
  });

  it('moves tasks to other days when the device is in another zone', async () => {
    const { services } = await withTasks();
    // 14:30 in Berlin is 05:30 in Los Angeles, and at 01:00 there "today" is still the 15th.
    await mount('locket-tasks', { services, zone: 'America/Los_Angeles' });
    await expect.element(section('Today')).toHaveTextContent('Call Anna');
    await expect.element(section('Today')).toHaveTextContent(/5:30/);
  });

  it('adds a new task from the form', async () => {
    const { services } = await createTestServices();
    await mount('locket-tasks', { services, zone: ZONE });
    await expect.element(page.getByText('No tasks yet', { exact: false })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'New task' }));
    await userEvent.fill(page.getByLabelText('What is to be done'), 'Write to Müller GmbH');
    await userEvent.click(page.getByRole('button', { name: 'Save task' }));
    await expect.element(section('Later')).toHaveTextContent('Write to Müller GmbH');
    expect(page.getByRole('button', { name: 'Save task' }).query()).toBeNull();
  });

  it('exports every task to a calendar file through the worker, and says so when it is refused', async () => {
    let asked = 0;
    const { services } = await createTestServices({
      services: {
        exports: {
          exportCsv: async () => { throw new Error('not used'); },
          exportVcard: async () => { throw new Error('not used'); },
          cancelExport: async () => undefined,
          exportTasksIcs: async () => { asked++; throw new Error('No room for the file'); },
        },
      },
    });
    await mount('locket-tasks', { services, zone: ZONE });
    await userEvent.click(page.getByRole('button', { name: 'Export to a calendar (.ics)' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The calendar file was not made');
    expect(asked).toBe(1);
  });

  it('shows the soonest tasks before it asks for the rest, so the rest never competes with drawing them', async () => {
    const { services } = await withTasks();
    const tasks = services.tasks;
    if (!tasks) throw new Error('the test services have no task reads');
    const shownWhenRestAsked: boolean[] = [];
    const watched = {
      ...tasks,
      dueTasks: async (limit?: number) => {
        if (limit === undefined) shownWhenRestAsked.push(document.querySelector('locket-tasks')?.shadowRoot?.querySelector('li[data-task]') != null);
        return tasks.dueTasks(limit);
      },
    };
    await mount('locket-tasks', { services: { ...services, tasks: watched }, zone: ZONE });
    await expect.element(section('Later')).toHaveTextContent('Some day');
    expect(shownWhenRestAsked).toEqual([true]);
  });
});
