import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { readRetentionPolicy } from '../../core/retention/policy';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-retention-rules';

describe('locket-retention-rules', () => {
  it('adds a rule, reviews it, and removes it', async () => {
    const { services, db } = await createTestServices();
    await mount('locket-retention-rules', { services });
    await expect.element(page.getByText('No rules yet.')).toBeVisible();
    await userEvent.selectOptions(page.getByLabelText('Propose'), 'Cases closed more than');
    await userEvent.fill(page.getByLabelText('Months'), '6');
    await userEvent.click(page.getByRole('button', { name: 'Add rule' }));
    await expect.element(page.getByRole('list', { name: 'Retention rules' })).toHaveTextContent('Cases closed more than 6 months ago');
    expect((await readRetentionPolicy(db)).rules).toMatchObject([{ kind: 'closed-cases', months: 6 }]);

    await userEvent.click(page.getByRole('button', { name: 'Review rule: Cases closed more than 6 months ago' }));
    await expect.element(page.getByRole('heading', { name: 'Review: Cases closed more than 6 months ago' })).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'Remove rule: Cases closed more than 6 months ago' }));
    await expect.element(page.getByText('No rules yet.')).toBeVisible();
    expect(page.getByRole('heading', { name: /^Review:/ }).query()).toBeNull();
    expect((await readRetentionPolicy(db)).rules).toEqual([]);
  });

  it('refuses a number of months out of range beside the field, and saves nothing', async () => {
    const { services, db } = await createTestServices();
    await mount('locket-retention-rules', { services });
    await userEvent.fill(page.getByLabelText('Months'), '0');
    await userEvent.click(page.getByRole('button', { name: 'Add rule' }));
    await expect.element(page.getByLabelText('Months')).toHaveAccessibleDescription('Use at least 1 month.');
    expect((await readRetentionPolicy(db)).rules).toEqual([]);
  });
});
