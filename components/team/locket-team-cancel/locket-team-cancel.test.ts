import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { hasFocus } from '../../../test/elements/focus';
import { listen, mount } from '../../../test/elements/mount';
import { createFakeTeam, testTeamView } from '../../../test/elements/team-fakes';
import { setCurrentLocale } from '../../shared/i18n/locale';
import '../locket-team-settings/locket-team-settings';
import './locket-team-cancel';

const MARCH_1 = Date.UTC(2026, 2, 1, 12);
const DAY_MS = 86_400_000;
const clock = { now: () => MARCH_1 };

afterEach(() => { setCurrentLocale('en'); });

/** Team services whose cancel and restore are logged and answered as a relay that took them would. */
const cancellable = (cancelTeam?: ReturnType<typeof createFakeTeam>['services']['cancelTeam']) => {
  const calls: string[] = [];
  const made = createFakeTeam({
    cancelTeam: cancelTeam ?? (async () => { calls.push('cancel'); return { ok: true, value: { signedAt: MARCH_1, restorableUntil: MARCH_1 + 14 * DAY_MS } }; }),
    restoreTeam: async () => { calls.push('restore'); return { ok: true, value: undefined }; },
  });
  return { ...made, calls };
};

describe('locket-team-cancel', () => {
  it('says plainly what cancelling does before the owner confirms, and keeps the team on the safe answer', async () => {
    const { services, calls } = cancellable();
    await mount('locket-team-cancel', { services, clock });
    await userEvent.click(page.getByRole('button', { name: 'Cancel the team…' }));
    const dialog = page.getByRole('alertdialog', { name: 'Confirm cancelling the team' });
    await expect.element(dialog).toHaveTextContent('Every member loses access at once');
    await expect.element(dialog).toHaveTextContent('You can restore the team until Mar 15, 2026.');
    await expect.element(dialog).toHaveTextContent('After that the relay deletes everything of the team, and each device removes its copy.');
    await expect.poll(() => hasFocus(page.getByRole('button', { name: 'Keep the team' }))).toBe(true);
    await userEvent.click(page.getByRole('button', { name: 'Keep the team' }));
    expect(page.getByRole('alertdialog').query()).toBeNull();
    expect(calls).toEqual([]);
  });

  it('cancels on confirm, then shows when and until when, and restores', async () => {
    const { services, calls } = cancellable();
    const changed = listen('locket-team-changed');
    await mount('locket-team-cancel', { services, clock });
    await userEvent.click(page.getByRole('button', { name: 'Cancel the team…' }));
    await userEvent.click(page.getByRole('button', { name: 'Cancel the team', exact: true }));
    await expect.element(page.getByText('Cancelled on Mar 1, 2026; you can restore it until Mar 15, 2026.')).toBeVisible();
    expect(calls).toEqual(['cancel']);
    await userEvent.click(page.getByRole('button', { name: 'Restore the team' }));
    await expect.element(page.getByRole('button', { name: 'Cancel the team…' })).toBeVisible();
    expect(calls).toEqual(['cancel', 'restore']);
    expect(changed.events).toHaveLength(2);
  });

  it('says why a refused cancel did not take and stays on the confirmation', async () => {
    const { services } = cancellable(async () => ({ ok: false, error: { type: 'role-forbidden' } }));
    await mount('locket-team-cancel', { services, clock });
    await userEvent.click(page.getByRole('button', { name: 'Cancel the team…' }));
    await userEvent.click(page.getByRole('button', { name: 'Cancel the team', exact: true }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('Your role in the team does not allow this.');
    expect(page.getByText(/Cancelled on/).query()).toBeNull();
  });

  it('shows a cancellation the page already knows of, in German when the page speaks it', async () => {
    const { services } = cancellable();
    await mount('locket-team-cancel', { services, clock, cancelled: { signedAt: MARCH_1, restorableUntil: MARCH_1 + 14 * DAY_MS } });
    setCurrentLocale('de');
    await expect.element(page.getByRole('button', { name: 'Team wiederherstellen' })).toBeVisible();
    await expect.element(page.getByText(/^Gekündigt am .*; Sie können es bis .* wiederherstellen\.$/)).toBeVisible();
  });

  it('after a reload, reads the cancellation this device verified and offers only the restore', async () => {
    const { services, calls } = cancellable();
    const retention = {
      relayErasure: async () => ({ type: 'not-synced' as const }),
      relayRetention: async () => ({ relayKeyChangedSince: null, team: { type: 'cancelled' as const, signedAt: MARCH_1, restorableUntil: MARCH_1 + 14 * DAY_MS }, heldBack: 0 }),
    };
    const element = await mount('locket-team-cancel', { services, clock, retention, restoreOnly: true });
    await expect.element(page.getByText('Cancelled on Mar 1, 2026; you can restore it until Mar 15, 2026.')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Restore the team' }));
    expect(calls).toEqual(['restore']);
    await expect.poll(() => element.shadowRoot?.querySelector('button')).toBeNull();
  });

  it('is offered in the Team section to the owner', async () => {
    await mount('locket-team-settings', { services: cancellable().services, view: testTeamView() });
    await expect.element(page.getByRole('button', { name: 'Cancel the team…' })).toBeVisible();
  });

  it('is not offered to an admin', async () => {
    await mount('locket-team-settings', { services: cancellable().services, view: testTeamView({ myRole: 'admin' }) });
    await expect.element(page.getByText('Your role: Admin.')).toBeVisible();
    expect(page.getByRole('button', { name: 'Cancel the team…' }).query()).toBeNull();
  });
});
