import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { hasFocus } from '../../../test/elements/focus';
import { listen, mount } from '../../../test/elements/mount';
import { createFakeTeam, testMember, testOwner, testTeamView } from '../../../test/elements/team-fakes';
import './locket-team-members';

const ADMIN = testMember({ member: 'member-dan', name: 'Dan Admin', email: 'dan@example.com', role: 'admin', canExport: true });
const READER = testMember({ member: 'member-rita', name: 'Rita Reader', email: '', role: 'read-only' });

const table = () => page.getByRole('table', { name: 'Members of the team' });

describe('locket-team-members', () => {
  it('lists each member with email, role, export right and state', async () => {
    const { services } = createFakeTeam();
    await mount('locket-team-members', { services, view: testTeamView({ members: [testOwner(), ADMIN, READER, testMember({ status: 'joined' })] }) });
    await expect.element(table().getByRole('row', { name: /Ada Lovelace \(you\)/ })).toHaveTextContent('ada@example.com Owner May export Active');
    await expect.element(table().getByRole('row', { name: /Dan Admin/ })).toHaveTextContent('Admin May export Active');
    await expect.element(table().getByRole('row', { name: /Rita Reader/ })).toHaveTextContent('— Read-only No export Active');
    await expect.element(table().getByRole('row', { name: /Bob Builder/ })).toHaveTextContent('Standard No export Waiting for confirmation');
  });

  it('offers an admin only what an admin may do: no change to another admin, no admin role, no transfer', async () => {
    const { services } = createFakeTeam();
    const me = testMember({ member: 'member-dan', name: 'Dan Admin', role: 'admin', thisMember: true });
    await mount('locket-team-members', { services, view: testTeamView({ me: 'member-dan', myRole: 'admin', members: [testOwner({ thisMember: false }), me, testMember(), ADMIN] }) });
    await expect.element(page.getByRole('button', { name: 'Change Bob Builder' })).toBeVisible();
    expect(page.getByRole('button', { name: 'Change Ada Lovelace' }).query()).toBeNull();
    expect(page.getByRole('button', { name: 'Remove Dan Admin' }).query()).toBeNull();
    expect(page.getByRole('button', { name: /Make .* owner/ }).query()).toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'Change Bob Builder' }));
    const roles = page.getByRole('form', { name: 'Change Bob Builder' }).getByLabelText('Role');
    expect([...(roles.element() as HTMLSelectElement).options].map((option) => option.textContent?.trim())).toEqual(['Read-only', 'Standard']);
  });

  it('changes a member’s role and export right, says plainly that readers can copy, and tells the page', async () => {
    const { services, log } = createFakeTeam();
    const changed = listen('locket-team-changed');
    await mount('locket-team-members', { services, view: testTeamView() });
    await userEvent.click(page.getByRole('button', { name: 'Change Bob Builder' }));
    const form = page.getByRole('form', { name: 'Change Bob Builder' });
    await expect.element(form).toHaveTextContent('A member who can read can copy what they read.');
    await userEvent.selectOptions(form.getByLabelText('Role'), 'Admin');
    await userEvent.click(form.getByLabelText('May export CSV files and download backups'));
    await userEvent.click(form.getByRole('button', { name: 'Save' }));
    await expect.poll(() => log).toEqual(['change member-bob admin true']);
    await expect.poll(() => changed.events.length).toBe(1);
    expect(form.query()).toBeNull();
  });

  it('removes a member only after a confirmation that says what removal does and does not undo', async () => {
    const { services, log } = createFakeTeam();
    await mount('locket-team-members', { services, view: testTeamView() });
    await userEvent.click(page.getByRole('button', { name: 'Remove Bob Builder' }));
    const dialog = page.getByRole('alertdialog', { name: 'Confirm removal' });
    // It opens on its safe answer: Enter at once keeps the member.
    await expect.poll(() => hasFocus(dialog.getByRole('button', { name: 'Keep' }))).toBe(true);
    await expect.element(dialog).toHaveTextContent('They stop receiving anything new at once; what they already synced stays with them.');
    await expect.element(dialog).toHaveTextContent('The team key is replaced');
    await userEvent.click(dialog.getByRole('button', { name: 'Keep' }));
    expect(log).toEqual([]);
    await userEvent.click(page.getByRole('button', { name: 'Remove Bob Builder' }));
    await userEvent.click(page.getByRole('button', { name: 'Remove from the team' }));
    await expect.poll(() => log).toEqual(['remove member-bob']);
  });

  it('lets the owner make another member owner, and shows the team’s refusal in words', async () => {
    const { services, log } = createFakeTeam({
      transferOwnership: async (member) => { log.push(`transfer ${member}`); return { ok: false, error: { type: 'log-refused', reason: 'stale head' } }; },
    });
    await mount('locket-team-members', { services, view: testTeamView({ members: [testOwner(), ADMIN] }) });
    await userEvent.click(page.getByRole('button', { name: 'Make Dan Admin owner' }));
    await userEvent.click(page.getByRole('alertdialog', { name: 'Confirm new owner' }).getByRole('button', { name: 'Make owner' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The team’s membership log refused this change (stale head). Nothing was changed.');
    expect(log).toEqual(['transfer member-dan']);
  });
});
