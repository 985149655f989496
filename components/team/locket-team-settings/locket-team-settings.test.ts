import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../../test/elements/mount';
import { createFakeTeam, testJoin, testTeamView } from '../../../test/elements/team-fakes';
import { setCurrentLocale } from '../../shared/i18n/locale';
import './locket-team-settings';

afterEach(() => { setCurrentLocale('en'); });

describe('locket-team-settings', () => {
  it('shows the viewer’s role, the members, the joins waiting and the invite form together', async () => {
    const { services } = createFakeTeam();
    await mount('locket-team-settings', { services, view: testTeamView({ pendingJoins: [testJoin()] }) });
    await expect.element(page.getByText('Your role: Owner.')).toBeVisible();
    await expect.element(page.getByRole('table', { name: 'Members of the team' })).toHaveTextContent('Bob Builder');
    await expect.element(page.getByRole('list', { name: 'Waiting to join' })).toHaveTextContent('Carol Chen');
    await expect.element(page.getByRole('form', { name: 'Invite a member' })).toBeVisible();
  });

  it('lets the owner require two-factor for every member', async () => {
    const { services, log } = createFakeTeam();
    const changed = listen('locket-team-changed');
    await mount('locket-team-settings', { services, view: testTeamView() });
    const box = page.getByLabelText('Require two-factor for every member');
    await expect.element(box).not.toBeChecked();
    await userEvent.click(box);
    await expect.poll(() => log).toEqual(['require-two-factor true']);
    await expect.poll(() => changed.events.length).toBe(1);
  });

  it('puts the box back and says why when the rule is refused', async () => {
    const { services } = createFakeTeam({ setRequireTwoFactor: async () => ({ ok: false, error: { type: 'role-forbidden' } }) });
    await mount('locket-team-settings', { services, view: testTeamView() });
    const box = page.getByLabelText('Require two-factor for every member');
    await userEvent.click(box);
    await expect.element(page.getByRole('alert')).toHaveTextContent('Your role in the team does not allow this.');
    await expect.element(box).not.toBeChecked();
  });

  it('tells an admin the rule without offering to change it', async () => {
    const { services } = createFakeTeam();
    await mount('locket-team-settings', { services, view: testTeamView({ myRole: 'admin', requireTwoFactor: true }) });
    await expect.element(page.getByText('Two-factor is required for every member.')).toBeVisible();
    expect(page.getByLabelText('Require two-factor for every member').query()).toBeNull();
  });

  it('speaks German when the page does, the removal warning included', async () => {
    const { services } = createFakeTeam();
    await mount('locket-team-settings', { services, view: testTeamView() });
    setCurrentLocale('de');
    await expect.element(page.getByText('Ihre Rolle: Inhaber.')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Bob Builder entfernen' }));
    await expect.element(page.getByRole('alertdialog', { name: 'Entfernen bestätigen' }))
      .toHaveTextContent('Die Person erhält ab sofort nichts Neues mehr; was sie bereits synchronisiert hat, bleibt bei ihr.');
    await expect.element(page.getByRole('form', { name: 'Mitglied einladen' })).toHaveTextContent('Wer lesen kann, kann auch kopieren, was er liest.');
  });
});
