import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { TeamView } from '../../../core/team/team-view';
import { listen, mount } from '../../../test/elements/mount';
import { createFakeSync } from '../../../test/elements/sync-fakes';
import { createFakeTeam, testOwner, testTeamView } from '../../../test/elements/team-fakes';
import './locket-relay-copy';

const WORDS = ['amber', 'bison', 'cobalt', 'dune', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'jasper', 'kelp', 'lagoon', 'maple', 'nectar', 'onyx', 'prairie'];

const mountCopy = async (view: TeamView | null, { granted = true } = {}) => {
  const sync = createFakeSync({
    connect: async (relayUrl, deviceName) => { sync.log.push(`connect ${relayUrl} | ${deviceName}`); return { ok: true, value: undefined }; },
  }, { granted });
  const team = createFakeTeam({ createRecoveryKey: async () => { sync.log.push('recovery key'); return { ok: true, value: { words: WORDS } }; } });
  const changed = listen('locket-team-changed');
  await mount('locket-relay-copy', { sync: sync.services, team: team.services, permissions: sync.permissions, view });
  return { log: sync.log, changed };
};

const copySwitch = () => page.getByRole('switch', { name: 'Keep an encrypted copy on my relay' });

describe('locket-relay-copy', () => {
  it('connects to the relay when switched on, then shows the recovery key once and counts it kept when written down', async () => {
    const { log, changed } = await mountCopy(null);
    await expect.element(copySwitch()).not.toBeChecked();
    await expect.element(page.getByText(/The relay keeps only ciphertext it cannot read\. The recovery key is the only way back/)).toBeVisible();
    await userEvent.click(copySwitch());
    const form = page.getByRole('form', { name: 'Keep an encrypted copy on my relay' });
    await userEvent.fill(form.getByLabelText('Relay address'), 'https://relay.example.com');
    await userEvent.fill(form.getByLabelText('Device name'), 'Laptop');
    await userEvent.click(form.getByRole('button', { name: 'Connect and keep a copy' }));

    const words = page.getByRole('list', { name: 'Recovery key words' });
    await expect.element(words).toHaveTextContent(WORDS.join(' '));
    expect(log).toEqual(['permission https://relay.example.com', 'connect https://relay.example.com | Laptop', 'recovery key']);
    const done = page.getByRole('button', { name: 'Done' });
    await expect.element(done).toBeDisabled();
    await userEvent.click(page.getByRole('checkbox', { name: 'I have written the words down' }));
    await userEvent.click(done);
    expect(words.query()).toBeNull();
    expect(changed.events).toHaveLength(1);
  });

  it('connects nothing and makes no key when the browser refuses the relay, and says why beside the address', async () => {
    const { log } = await mountCopy(null, { granted: false });
    await userEvent.click(copySwitch());
    const form = page.getByRole('form', { name: 'Keep an encrypted copy on my relay' });
    await userEvent.fill(form.getByLabelText('Relay address'), 'https://relay.example.com');
    await userEvent.click(form.getByRole('button', { name: 'Connect and keep a copy' }));
    await expect.element(form.getByLabelText('Relay address')).toHaveAttribute('aria-invalid', 'true');
    await expect.element(form.getByRole('alert')).toHaveTextContent('The browser did not allow Locket to reach this relay');
    expect(log).toEqual(['permission https://relay.example.com']);
    expect(page.getByRole('list', { name: 'Recovery key words' }).query()).toBeNull();
  });

  it('shows the copy as kept for an owner alone with a recovery key', async () => {
    await mountCopy(testTeamView({ members: [testOwner()], recoveryReady: true }));
    await expect.element(copySwitch()).toBeChecked();
    await expect.element(page.getByText(/An encrypted copy is kept on your relay/)).toBeVisible();
  });

  it('asks a connected owner without a key to make one first', async () => {
    const { log } = await mountCopy(testTeamView({ members: [testOwner()], recoveryReady: false }));
    await expect.element(copySwitch()).not.toBeChecked();
    await userEvent.click(page.getByRole('button', { name: 'Show my recovery key' }));
    await expect.element(page.getByRole('list', { name: 'Recovery key words' })).toHaveTextContent(WORDS.join(' '));
    expect(log).toEqual(['recovery key']);
  });

  it('is not shown in a team of several: its owner keeps the key in the Team section', async () => {
    await mountCopy(testTeamView());
    expect(copySwitch().query()).toBeNull();
  });
});
