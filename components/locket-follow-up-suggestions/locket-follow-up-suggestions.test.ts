import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import { createContactsApi } from '../../worker/contacts-api';
import './locket-follow-up-suggestions';

const DAY = 86_400_000;

describe('locket-follow-up-suggestions', () => {
  it('lists a person past their cadence, opens them, and drops them once a call is logged', async () => {
    const made = await createTestServices();
    const { store, clock } = made;
    const contacts = createContactsApi({ store, clock });
    const services = { ...made.services, contacts };
    const anna = await store.create('person', { firstName: 'Anna', lastName: 'Schmidt', cadenceDays: 7 });
    if (!anna.ok) throw new Error('person refused');
    await store.create('person', { firstName: 'Bob', lastName: 'Byte' });
    clock.advance(10 * DAY);

    const opened = listen('locket-open');
    await mount('locket-follow-up-suggestions', { services });
    const list = page.getByRole('list', { name: 'Stay in touch' });
    await expect.element(list.getByText('Anna Schmidt')).toBeVisible();
    await expect.element(list.getByText('due for 3 days')).toBeVisible();
    expect(list.getByText('Bob Byte').elements()).toHaveLength(0);

    await userEvent.click(page.getByRole('button', { name: 'Open: Anna Schmidt' }));
    await expect.poll(() => opened.details).toEqual([{ id: anna.value.id }]);

    await userEvent.click(page.getByRole('button', { name: 'Log a call: Anna Schmidt' }));
    await userEvent.click(page.getByRole('button', { name: 'Save' }));
    await expect.element(page.getByText('Nobody is past their stay-in-touch cadence.')).toBeVisible();
  });
});
