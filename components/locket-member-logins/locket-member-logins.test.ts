import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { MemberLoginRow } from '../../core/team/member-login-rows';
import { mount } from '../../test/elements/mount';
import { testMember, testOwner, testTeamView } from '../../test/elements/team-fakes';
import { TEST_START } from '../../test/elements/test-services';
import './locket-member-logins';

const row = (overrides: Partial<MemberLoginRow>): MemberLoginRow => ({
  device: 'device-bob', member: 'member-bob', at: TEST_START, kind: 'unlock', twoFactorVerified: false, ...overrides,
});

describe('locket-member-logins', () => {
  it('shows the owner each member\'s unlocks and relay sessions by name and device, and reads again on refresh', async () => {
    const memberLogins = vi.fn(async () => ({
      ok: true as const, value: [
        row({ at: TEST_START + 3000 }),
        row({ device: 'device-ada', member: 'member-ada', kind: 'session', twoFactorVerified: true, at: TEST_START + 2000 }),
        row({ kind: 'session', at: TEST_START + 1000 }),
        row({ device: 'device-gone', member: 'member-gone', at: TEST_START }),
      ],
    }));
    await mount('locket-member-logins', { team: testTeamView(), logins: { memberLogins } });
    const table = page.getByRole('table', { name: 'Team members’ logins: the last 4' });
    const rows = table.getByRole('row');
    await expect.element(rows.nth(1)).toHaveTextContent(/^Bob Builder Firefox on Windows Unlocked /);
    await expect.element(rows.nth(2)).toHaveTextContent(/^Ada Lovelace Chrome on Linux Relay session \(two-factor verified by the relay\) /);
    await expect.element(rows.nth(3)).toHaveTextContent(/^Bob Builder Firefox on Windows Relay session Jan 15, 2026/);
    await expect.element(rows.nth(4)).toHaveTextContent(/^Former or unknown member Unnamed device Unlocked /);

    memberLogins.mockResolvedValueOnce({ ok: true, value: [] });
    await userEvent.click(page.getByRole('button', { name: 'Refresh' }));
    await expect.element(page.getByText('No logins from team members yet.')).toBeVisible();
    expect(memberLogins).toHaveBeenCalledTimes(2);
  });

  it('shows an admin the rows too, and a standard or read-only member nothing of the others', async () => {
    const memberLogins = vi.fn(async () => ({ ok: true as const, value: [row({})] }));
    const admin = testTeamView({ me: 'member-bob', myRole: 'admin', members: [testOwner({ thisMember: false }), testMember({ role: 'admin', thisMember: true })] });
    const element = await mount('locket-member-logins', { team: admin, logins: { memberLogins } });
    await expect.element(page.getByRole('table', { name: 'Team members’ logins: the last one' })).toHaveTextContent('Bob Builder');

    for (const myRole of ['standard', 'read-only'] as const) {
      element.team = testTeamView({ me: 'member-bob', myRole });
      await element.updateComplete;
      expect(page.getByRole('table').query()).toBeNull();
      expect(page.getByText('Team members’ logins').query()).toBeNull();
    }
    expect(memberLogins).toHaveBeenCalledTimes(1);
  });

  it('says why the rows could not be read', async () => {
    const memberLogins = vi.fn(async () => ({ ok: false as const, error: { type: 'role-forbidden' as const } }));
    await mount('locket-member-logins', { team: testTeamView(), logins: { memberLogins } });
    await expect.element(page.getByRole('alert')).toHaveTextContent(/^The team members’ logins could not be read: /);
  });

  it('says so when the worker could not answer', async () => {
    const memberLogins = vi.fn(async () => { throw new Error('The worker stopped.'); });
    await mount('locket-member-logins', { team: testTeamView(), logins: { memberLogins } });
    await expect.element(page.getByRole('alert')).toHaveTextContent(/^The team members’ logins could not be read: .*The worker stopped\./);
  });
});
