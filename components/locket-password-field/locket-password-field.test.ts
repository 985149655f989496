import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mount } from '../../test/elements/mount';
import { realPasswordPolicy } from '../../test/elements/test-services';
import './locket-password-field';

describe('locket-password-field', () => {
  it('shows and hides what was typed', async () => {
    const field = await mount('locket-password-field', { label: 'Password' });
    const input = page.getByLabelText('Password', { exact: true });
    await userEvent.fill(input, 'secret');
    expect(field.value).toBe('secret');
    await expect.element(input).toHaveAttribute('type', 'password');
    await userEvent.click(page.getByRole('button', { name: 'Show password' }));
    await expect.element(input).toHaveAttribute('type', 'text');
    await expect.element(page.getByRole('button', { name: 'Show password' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('judges a new password as it is typed, against the owner\'s own words', async () => {
    await mount('locket-password-field', { label: 'New password', policy: realPasswordPolicy, context: { name: 'Ada Lovelace', email: 'ada@example.com' } });
    const input = page.getByLabelText('New password', { exact: true });
    await userEvent.fill(input, 'password');
    await expect.element(page.getByRole('meter', { name: 'Password strength' })).toBeVisible();
    await expect.element(page.getByText('Strength: Very weak')).toBeVisible();
    await userEvent.fill(input, 'correct horse battery staple lantern');
    await expect.element(page.getByText('Strength: Very strong')).toBeVisible();
  });

  it('shows the error of the last submit as the field\'s description', async () => {
    await mount('locket-password-field', { label: 'Password', error: 'That password is not right.' });
    const input = page.getByLabelText('Password', { exact: true });
    await expect.element(input).toHaveAttribute('aria-invalid', 'true');
    await expect.element(input).toHaveAccessibleDescription('That password is not right.');
  });

  it('submits the form around it on Enter', async () => {
    const form = document.createElement('form');
    let submitted = 0;
    form.addEventListener('submit', (event) => { event.preventDefault(); submitted++; });
    document.body.append(form);
    const field = document.createElement('locket-password-field');
    form.append(field);
    await field.updateComplete;
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), 'secret');
    await userEvent.keyboard('{Enter}');
    expect(submitted).toBe(1);
    form.remove();
  });
});
