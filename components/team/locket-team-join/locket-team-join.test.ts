import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { JoinStep, MemberProfileInput } from '../../../core/team/team-view';
import type { TeamServices } from '../../../platform/page-services/services';
import type { HostPermissions } from '../../../platform/permissions/host-permission';
import { controlled } from '../../../test/elements/fakes';
import { listen, mount } from '../../../test/elements/mount';
import { createFakeTeam } from '../../../test/elements/team-fakes';
import './locket-team-join';

type Join = TeamServices['joinTeam'];

const mountJoin = async ({ granted = true } = {}) => {
  const join = controlled<Parameters<Join>, Awaited<ReturnType<Join>>>();
  const log: string[] = [];
  const { services } = createFakeTeam({ joinTeam: join.fn });
  const permissions: HostPermissions = { request: async (origin) => { log.push(`permission ${origin}`); return granted; } };
  const joining = listen('locket-team-joining');
  await mount('locket-team-join', { services, permissions });
  return { join, log, joining };
};

const form = () => page.getByRole('form', { name: 'Join a team' });

const fillJoin = async ({ relay = 'https://relay.example.com', code = 'ABCD EFGH JKLM', name = 'Carol Chen', email = 'carol@example.com', device = 'Carol’s laptop' } = {}) => {
  await userEvent.fill(form().getByLabelText('Relay address'), relay);
  await userEvent.fill(form().getByLabelText('Invite code'), code);
  await userEvent.fill(form().getByLabelText('Your name'), name);
  await userEvent.fill(form().getByLabelText('Your email'), email);
  await userEvent.fill(form().getByLabelText('Device name'), device);
  await userEvent.click(form().getByRole('button', { name: 'Join' }));
};

/** The step callback the page handed to the worker with the i-th join. */
const stepsOf = (join: ReturnType<typeof controlled<Parameters<Join>, Awaited<ReturnType<Join>>>>, index = 0) =>
  join.calls[index]!.args[4] as (step: JoinStep) => void;

describe('locket-team-join', () => {
  it('asks for the relay, joins with the code without spaces, shows the six words while waiting, then confirmed', async () => {
    const { join, log, joining } = await mountJoin();
    await fillJoin();
    await expect.poll(() => join.calls.length).toBe(1);
    const [relay, code, profile, device] = join.calls[0]!.args;
    expect([relay, code, profile as MemberProfileInput, device]).toEqual(['https://relay.example.com', 'ABCDEFGHJKLM', { name: 'Carol Chen', email: 'carol@example.com' }, 'Carol’s laptop']);
    expect(log).toEqual(['permission https://relay.example.com']);

    stepsOf(join)({ phase: 'waiting-for-confirmation', words: ['orbit', 'maple', 'quartz', 'lantern', 'cedar', 'harbor'] });
    await expect.element(page.getByRole('list', { name: 'Words to compare' })).toHaveTextContent('orbit maple quartz lantern cedar harbor');
    await expect.element(page.getByRole('status')).toHaveTextContent('Waiting for an admin to confirm…');
    await expect.element(form().getByRole('button', { name: 'Joining…' })).toBeDisabled();

    stepsOf(join)({ phase: 'confirmed' });
    join.calls[0]!.resolve({ ok: true, value: undefined });
    await expect.element(page.getByRole('status')).toHaveTextContent('An admin confirmed you: you are in the team.');
    expect(form().query()).toBeNull();
    await expect.poll(() => joining.details).toEqual([{ busy: true }, { busy: false }]);
  });

  it('says when an admin declined', async () => {
    const { join } = await mountJoin();
    await fillJoin();
    await expect.poll(() => join.calls.length).toBe(1);
    stepsOf(join)({ phase: 'waiting-for-confirmation', words: ['orbit', 'maple', 'quartz', 'lantern', 'cedar', 'harbor'] });
    stepsOf(join)({ phase: 'declined' });
    join.calls[0]!.resolve({ ok: true, value: undefined });
    await expect.element(page.getByRole('alert')).toHaveTextContent('An admin declined this join');
    await expect.element(form().getByRole('button', { name: 'Join' })).toBeEnabled();
  });

  it('asks for what is missing and sends nothing', async () => {
    const { join, log } = await mountJoin();
    await fillJoin({ code: ' ', name: '', device: '' });
    await expect.element(form().getByLabelText('Invite code')).toHaveAttribute('aria-invalid', 'true');
    await expect.element(form().getByText('Enter your name.')).toBeVisible();
    await expect.element(form().getByText('Give this device a name.')).toBeVisible();
    expect(log).toEqual([]);
    expect(join.calls).toHaveLength(0);
  });

  it('shows a refused relay beside the address and joins nothing', async () => {
    const { join, log } = await mountJoin({ granted: false });
    await fillJoin();
    await expect.element(form().getByRole('alert')).toHaveTextContent('The browser did not allow Locket to reach this relay');
    await expect.element(form().getByLabelText('Relay address')).toHaveAttribute('aria-invalid', 'true');
    expect(log).toEqual(['permission https://relay.example.com']);
    expect(join.calls).toHaveLength(0);
  });

  it('shows an expired invite beside the code, keeping what was typed', async () => {
    const { join } = await mountJoin();
    await fillJoin();
    await expect.poll(() => join.calls.length).toBe(1);
    join.calls[0]!.resolve({ ok: false, error: { type: 'invite-expired' } });
    await expect.element(form().getByLabelText('Invite code')).toHaveAttribute('aria-invalid', 'true');
    await expect.element(form().getByRole('alert')).toHaveTextContent('This invite has expired. Ask for a new one.');
    await expect.element(form().getByLabelText('Invite code')).toHaveValue('ABCD EFGH JKLM');
  });
});
