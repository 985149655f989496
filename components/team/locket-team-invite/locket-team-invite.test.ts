import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { InviteRequest } from '../../../core/team/team-view';
import { listen, mount } from '../../../test/elements/mount';
import { createFakeTeam, testMember, testTeamView } from '../../../test/elements/team-fakes';
import { TEST_START } from '../../../test/elements/test-services';
import './locket-team-invite';

const OFFER = { inviteId: 'invite-1', code: 'ABCD-EFGH-JKLM-NPQR', expiresAt: TEST_START + 7 * 86_400_000 };

const mountInvite = async (view = testTeamView()) => {
  const requests: InviteRequest[] = [];
  const fake = createFakeTeam({
    inviteMember: async (request) => { requests.push(request); return { ok: true, value: OFFER }; },
    createRecoveryKey: async () => { fake.log.push('recovery key'); return { ok: true, value: { words: ['amber', 'bison', 'cobalt', 'dune'] } }; },
  });
  const changed = listen('locket-team-changed');
  const element = await mount('locket-team-invite', { services: fake.services, view });
  return { ...fake, requests, changed, element };
};

const form = () => page.getByRole('form', { name: 'Invite a member' });

describe('locket-team-invite', () => {
  it('invites a standard member for 7 days by default, then shows the one-time code, its QR image and when it expires', async () => {
    const { requests, changed } = await mountInvite();
    await expect.element(form().getByLabelText('Days until the invite expires')).toHaveValue(7);
    await expect.element(form().getByRole('radio', { name: /Standard/ })).toBeChecked();
    await expect.element(form()).toHaveTextContent('A member who can read can copy what they read.');
    await userEvent.click(form().getByRole('button', { name: 'Create invite' }));
    await expect.element(page.getByLabelText('Invite code', { exact: true })).toHaveTextContent('ABCD EFGH JKLM NPQR');
    await expect.element(page.getByRole('img', { name: 'Invite code as a QR image' })).toBeVisible();
    await expect.element(page.getByText('The code works once and expires on')).toBeVisible();
    expect(requests).toEqual([{ role: 'standard', canExport: false, expiresInDays: 7 }]);
    expect(changed.events.length).toBe(1);
  });

  it('sends the role, export right and expiry chosen, and refuses an expiry outside 1 to 30 days', async () => {
    const { requests } = await mountInvite();
    await userEvent.click(form().getByRole('radio', { name: /Read-only/ }));
    await userEvent.click(form().getByLabelText('May export CSV files and download backups'));
    await userEvent.fill(form().getByLabelText('Days until the invite expires'), '45');
    await userEvent.click(form().getByRole('button', { name: 'Create invite' }));
    await expect.element(form().getByRole('alert')).toHaveTextContent('Choose from 1 to 30 days.');
    expect(requests).toEqual([]);
    await userEvent.fill(form().getByLabelText('Days until the invite expires'), '3');
    await userEvent.click(form().getByRole('button', { name: 'Create invite' }));
    await expect.poll(() => requests).toEqual([{ role: 'read-only', canExport: true, expiresInDays: 3 }]);
  });

  it('offers an admin no admin role, and no revoking of the owner’s admin invite', async () => {
    await mountInvite(testTeamView({
      myRole: 'admin', members: [testMember({ role: 'admin', thisMember: true })],
      invites: [{ inviteId: 'invite-7', role: 'admin', canExport: false, expiresAt: OFFER.expiresAt, used: false },
        { inviteId: 'invite-6', role: 'standard', canExport: false, expiresAt: OFFER.expiresAt, used: false }],
    }));
    await expect.element(form().getByRole('radio', { name: /Read-only/ })).toBeVisible();
    expect(form().getByRole('radio', { name: /Admin/ }).query()).toBeNull();
    await expect.element(page.getByRole('button', { name: /Revoke the Standard invite/ })).toBeVisible();
    expect(page.getByRole('button', { name: /Revoke the Admin invite/ }).query()).toBeNull();
  });

  it('shows a standard member no invite at all', async () => {
    const { element } = await mountInvite(testTeamView({ myRole: 'standard' }));
    expect(element.shadowRoot?.textContent?.trim()).toBe('');
  });

  it('asks for a recovery key before the first invite, shows its words once, and waits until they are written down', async () => {
    const { log, changed } = await mountInvite(testTeamView({ recoveryReady: false }));
    expect(form().query()).toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'Make a recovery key' }));
    await expect.element(page.getByRole('list', { name: 'Recovery key words' })).toHaveTextContent('amber bison cobalt dune');
    await expect.element(page.getByText('Locket shows them only this once.')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
    await userEvent.click(page.getByLabelText('I have written these words down'));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(form()).toBeVisible();
    expect(page.getByRole('list', { name: 'Recovery key words' }).query()).toBeNull();
    expect(log).toEqual(['recovery key']);
    expect(changed.events.length).toBe(1);
  });

  it('lists open invites and revokes one', async () => {
    const { log } = await mountInvite(testTeamView({
      invites: [{ inviteId: 'invite-9', role: 'read-only', canExport: false, expiresAt: OFFER.expiresAt, used: false },
        { inviteId: 'invite-8', role: 'admin', canExport: true, expiresAt: OFFER.expiresAt, used: true }],
    }));
    const list = page.getByRole('list', { name: 'Open invites' });
    await expect.element(list).toHaveTextContent('Read-only, No export, expires on');
    expect(list.getByRole('listitem').all()).toHaveLength(1);
    await userEvent.click(list.getByRole('button', { name: /Revoke the Read-only invite/ }));
    await expect.poll(() => log).toEqual(['revoke invite-9']);
  });

  it('says why an invite was refused', async () => {
    const fake = createFakeTeam({ inviteMember: async () => ({ ok: false, error: { type: 'needs-recovery' } }) });
    await mount('locket-team-invite', { services: fake.services, view: testTeamView() });
    await userEvent.click(form().getByRole('button', { name: 'Create invite' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('Before the first invite, make a recovery key');
  });
});
