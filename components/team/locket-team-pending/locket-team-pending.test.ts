import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listen, mount } from '../../../test/elements/mount';
import { createFakeTeam, testJoin, testMember, testTeamView } from '../../../test/elements/team-fakes';
import './locket-team-pending';

describe('locket-team-pending', () => {
  it('shows who asks to join with the six words, and confirms when the words match', async () => {
    const { services, log } = createFakeTeam();
    const changed = listen('locket-team-changed');
    await mount('locket-team-pending', { services, view: testTeamView({ pendingJoins: [testJoin()] }) });
    const join = page.getByRole('listitem', { name: 'Carol Chen' });
    await expect.element(join).toHaveTextContent('Carol Chen (carol@example.com) asks to join as Standard, on “Edge on Windows”.');
    await expect.element(join.getByRole('list', { name: 'Words to compare' })).toHaveTextContent('orbit maple quartz lantern cedar harbor');
    await userEvent.click(join.getByRole('button', { name: 'Words match' }));
    await expect.poll(() => log).toEqual(['confirm join-carol true']);
    await expect.poll(() => changed.events.length).toBe(1);
    expect(join.query()).toBeNull();
  });

  it('declines when the words differ, and says why an answer was refused', async () => {
    const { services, log } = createFakeTeam({
      confirmJoin: async (joinHash, same) => { log.push(`confirm ${joinHash} ${String(same)}`); return { ok: false, error: { type: 'relay-unreachable' } }; },
    });
    await mount('locket-team-pending', { services, view: testTeamView({ pendingJoins: [testJoin()] }) });
    await userEvent.click(page.getByRole('button', { name: 'Words differ' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The relay did not answer.');
    expect(log).toEqual(['confirm join-carol false']);
    await expect.element(page.getByRole('button', { name: 'Words match' })).toBeEnabled();
  });

  it('says plainly that a join shows no name until it is confirmed, rather than an empty one', async () => {
    const { services } = createFakeTeam();
    await mount('locket-team-pending', { services, view: testTeamView({ pendingJoins: [testJoin({ name: '', email: '', deviceName: '' })] }) });
    const join = page.getByRole('listitem', { name: 'Someone asking to join' });
    await expect.element(join).toHaveTextContent('Someone asks to join as Standard. Their name and email show once you confirm them.');
    await expect.element(join.getByRole('button', { name: 'Words match' })).toBeEnabled();
  });

  it('names the joiner by their own claim where this device made the invite, and says the words are the proof', async () => {
    const { services } = createFakeTeam();
    const claim = { state: 'claimed' as const, name: 'Grace Hopper', email: 'grace.hopper@example.com', deviceName: 'Laptop' };
    await mount('locket-team-pending', { services, view: testTeamView({ pendingJoins: [testJoin({ name: '', email: '', deviceName: '', claim })] }) });
    const join = page.getByRole('listitem', { name: 'Grace Hopper' });
    await expect.element(join).toHaveTextContent('Grace Hopper (grace.hopper@example.com) asks to join as Standard from “Laptop”.');
    await expect.element(join).toHaveTextContent('They typed this name themselves: it says whom to ask, not who they are. The six words are the proof.');
    await expect.element(join.getByRole('button', { name: 'Words match' })).toBeEnabled();
  });

  it('warns, and shows no name at all, when the claim sent with a join does not open', async () => {
    const { services } = createFakeTeam();
    await mount('locket-team-pending', { services, view: testTeamView({ pendingJoins: [testJoin({ claim: { state: 'unreadable' } })] }) });
    const join = page.getByRole('listitem', { name: 'Someone asking to join' });
    await expect.element(join).toHaveTextContent('the name sent with the request does not open: it was changed on the way. No name is shown.');
    expect(join.element().textContent).not.toContain('Carol');
    await expect.element(join.getByRole('list', { name: 'Words to compare' })).toHaveTextContent('orbit maple quartz lantern cedar harbor');
  });

  it('shows an admin no join for the admin role, which only the owner confirms', async () => {
    const { services } = createFakeTeam();
    const me = testMember({ member: 'member-dan', role: 'admin', thisMember: true });
    await mount('locket-team-pending', {
      services, view: testTeamView({ me: 'member-dan', myRole: 'admin', members: [me], pendingJoins: [testJoin({ role: 'admin' }), testJoin({ joinHash: 'join-eve', name: 'Eve Early' })] }),
    });
    await expect.element(page.getByRole('listitem', { name: 'Eve Early' })).toBeVisible();
    expect(page.getByRole('listitem', { name: 'Carol Chen' }).query()).toBeNull();
  });
});
