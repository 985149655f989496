import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { SyncPageServices } from '../../../core/sync/ports';
import { controlled } from '../../../test/elements/fakes';
import { mount } from '../../../test/elements/mount';
import { createFakeSync } from '../../../test/elements/sync-fakes';
import './locket-sync-connect';

type Connect = SyncPageServices['connect'];

const mountConnect = async ({ granted = true } = {}) => {
  const connect = controlled<Parameters<Connect>, Awaited<ReturnType<Connect>>>();
  const fake = createFakeSync({
    connect: (...args) => { fake.log.push(`connect ${args.join(' | ')}`); return connect.fn(...args); },
  }, { granted });
  await mount('locket-sync-connect', { services: fake.services, permissions: fake.permissions });
  return { ...fake, connect };
};

const form = () => page.getByRole('form', { name: 'Connect to a relay' });
const address = () => form().getByLabelText('Relay address');

describe('locket-sync-connect', () => {
  it('asks the browser for that one relay before connecting, then connects with the device name', async () => {
    const { log, connect } = await mountConnect();
    // Named after the browser and its system until the owner types another name.
    expect((form().getByLabelText('Device name').element() as HTMLInputElement).value).toMatch(/^\w+ on \w+$/);
    await userEvent.fill(address(), ' https://relay.example.com/ ');
    await userEvent.fill(form().getByLabelText('Device name'), 'Work laptop');
    await userEvent.click(form().getByRole('button', { name: 'Connect' }));

    await expect.element(form().getByRole('button', { name: 'Connecting…' })).toBeDisabled();
    expect(log).toEqual(['permission https://relay.example.com', 'connect https://relay.example.com | Work laptop']);
    connect.calls[0]!.resolve({ ok: true, value: undefined });
    await expect.element(form().getByRole('button', { name: 'Connect' })).toBeEnabled();
    expect(form().getByRole('alert').query()).toBeNull();
  });

  it('connects to nothing when the browser is refused, says why beside the address, and keeps what was typed', async () => {
    const { log } = await mountConnect({ granted: false });
    await userEvent.fill(address(), 'relay.example.com');
    await userEvent.click(form().getByRole('button', { name: 'Connect' }));
    await expect.element(address()).toHaveAttribute('aria-invalid', 'true');
    await expect.element(form().getByRole('alert')).toHaveTextContent('The browser did not allow Locket to reach this relay');
    expect(log).toEqual(['permission https://relay.example.com']);
    await expect.element(address()).toHaveValue('relay.example.com');
  });

  it('refuses plain http to another machine before asking anything, and allows it on this computer', async () => {
    const { log, connect } = await mountConnect();
    await userEvent.fill(address(), 'http://relay.example.com');
    await userEvent.click(form().getByRole('button', { name: 'Connect' }));
    await expect.element(form().getByRole('alert')).toHaveTextContent('Locket talks to a relay over https only');
    expect(log).toEqual([]);

    await userEvent.fill(address(), 'http://127.0.0.1:8787');
    await userEvent.click(form().getByRole('button', { name: 'Connect' }));
    await expect.poll(() => connect.calls.length).toBe(1);
    expect(log[0]).toBe('permission http://127.0.0.1:8787');
    expect(connect.calls[0]!.args[0]).toBe('http://127.0.0.1:8787');
  });

  it('shows a relay that does not answer beside the address, and a missing name beside the name', async () => {
    const { connect, log } = await mountConnect();
    await userEvent.fill(address(), 'https://relay.example.com');
    await userEvent.fill(form().getByLabelText('Device name'), '  ');
    await userEvent.click(form().getByRole('button', { name: 'Connect' }));
    await expect.element(form().getByRole('alert')).toHaveTextContent('Give this device a name');
    expect(log).toEqual([]);

    await userEvent.fill(form().getByLabelText('Device name'), 'Desk');
    await userEvent.click(form().getByRole('button', { name: 'Connect' }));
    await expect.poll(() => connect.calls.length).toBe(1);
    connect.calls[0]!.resolve({ ok: false, error: { type: 'relay-unreachable' } });
    await expect.element(address()).toHaveAttribute('aria-invalid', 'true');
    await expect.element(form().getByRole('alert')).toHaveTextContent('The relay did not answer.');
    await expect.element(address()).toHaveValue('https://relay.example.com');
    await expect.element(form().getByLabelText('Device name')).toHaveValue('Desk');
  });
});
