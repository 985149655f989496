import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { LoginAttempt } from '../../core/security/login-log';
import type { SecurityServices } from '../../platform/page-services/services';
import { fakeWith } from '../../test/elements/fakes';
import { mount } from '../../test/elements/mount';
import './locket-login-history';

const attempt = (overrides: Partial<LoginAttempt>): LoginAttempt => ({
  id: 'a', at: Date.UTC(2026, 0, 15, 9), outcome: 'success', factors: ['password'], keyName: null, reason: '', client: 'Chrome on Linux', user: 'owner', ...overrides,
});

describe('locket-login-history', () => {
  it('lists each attempt with its outcome and factors, and reads again on refresh', async () => {
    const recent = vi.fn(async (): Promise<LoginAttempt[]> => [
      attempt({ id: 'b', outcome: 'failure', reason: 'Wrong password' }),
      attempt({ id: 'a', factors: ['password', 'security-key'], keyName: 'Blue YubiKey' }),
    ]);
    await mount('locket-login-history', { security: fakeWith<SecurityServices>('security', { logins: { recent, record: vi.fn() } }) });
    const table = page.getByRole('table', { name: 'Recent logins: the last 2 attempts' });
    await expect.element(table).toHaveTextContent('Refused');
    await expect.element(table).toHaveTextContent('Wrong password');
    await expect.element(table).toHaveTextContent('Password, Security key “Blue YubiKey”');
    expect(recent).toHaveBeenCalledWith(100);

    recent.mockResolvedValueOnce([]);
    await userEvent.click(page.getByRole('button', { name: 'Refresh' }));
    await expect.element(page.getByText('No attempts yet.')).toBeVisible();
  });

  it('words a refused key prompt from its code, and keeps the words of one stored before codes', async () => {
    const recent = vi.fn(async (): Promise<LoginAttempt[]> => [
      attempt({ id: 'b', outcome: 'failure', reason: JSON.stringify({ type: 'key-prompt', prompt: { code: 'cancelled', detail: null } }) }),
      attempt({ id: 'a', outcome: 'failure', reason: JSON.stringify({ type: 'key-prompt', message: 'The security key prompt was closed.' }) }),
    ]);
    await mount('locket-login-history', { security: fakeWith<SecurityServices>('security', { logins: { recent, record: vi.fn() } }) });
    const table = page.getByRole('table', { name: 'Recent logins: the last 2 attempts' });
    await expect.element(table).toHaveTextContent('The security key request was cancelled or timed out. Please try again.');
    await expect.element(table).toHaveTextContent('The security key prompt was closed.');
  });
});
