import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mount } from '../../test/elements/mount';
import { readMorningSummary } from '../../platform/tasks/morning-summary-setting';
import './locket-reminder-settings';

describe('locket-reminder-settings', () => {
  it('turns the morning summary off and moves its time', async () => {
    await mount('locket-reminder-settings');
    const summary = page.getByRole('checkbox', { name: 'Morning summary' });
    await expect.element(summary).toBeChecked();
    await expect.element(page.getByLabelText('at', { exact: true })).toHaveValue('08:00');

    await userEvent.fill(page.getByLabelText('at', { exact: true }), '07:30');
    await expect.poll(readMorningSummary).toEqual({ enabled: true, time: '07:30' });
    await userEvent.click(summary);
    await expect.poll(readMorningSummary).toEqual({ enabled: false, time: '07:30' });
    await expect.element(page.getByLabelText('at', { exact: true })).toBeDisabled();
  });
});
