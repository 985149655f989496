import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-log-activity';

describe('locket-log-activity', () => {
  it('saves a meeting with its duration and outcome, and refuses a duration that is not whole minutes', async () => {
    const { services, store } = await createTestServices();
    const anna = await store.create('person', { firstName: 'Anna', lastName: 'Schmidt' });
    if (!anna.ok) throw new Error('person refused');
    const saved = listen('locket-saved');
    await mount('locket-log-activity', { services, recordId: anna.value.id, type: 'meeting' });
    await expect.element(page.getByLabelText('Type')).toHaveValue('meeting');

    await userEvent.fill(page.getByLabelText('Duration (minutes)'), '-5');
    await userEvent.click(page.getByRole('button', { name: 'Save' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('Enter the duration as whole minutes, such as 15.');
    expect((await store.linkedTo(anna.value.id))).toHaveLength(0);

    await userEvent.fill(page.getByLabelText('Duration (minutes)'), '45');
    await userEvent.fill(page.getByLabelText('Summary'), 'Walked through the offer');
    await userEvent.click(page.getByRole('button', { name: 'Save' }));
    await expect.poll(() => saved.details.length).toBe(1);
    const [activity] = await store.linkedTo(anna.value.id);
    expect(activity?.kind === 'activity' && activity.fields).toMatchObject({ type: 'meeting', durationMinutes: 45, body: 'Walked through the offer' });
  });
});
