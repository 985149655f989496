import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { SyncPageServices } from '../../../core/sync/ports';
import { controlled } from '../../../test/elements/fakes';
import { mount } from '../../../test/elements/mount';
import { createFakeSync } from '../../../test/elements/sync-fakes';
import './locket-sync-join';

type Join = SyncPageServices['joinWithCode'];

const mountJoin = async ({ granted = true } = {}) => {
  const join = controlled<Parameters<Join>, Awaited<ReturnType<Join>>>();
  const answers: boolean[] = [];
  const fake = createFakeSync({
    joinWithCode: (...args) => { fake.log.push(`join ${args.join(' | ')}`); return join.fn(...args); },
    confirmPairing: async (same) => { answers.push(same); },
  }, { granted });
  await mount('locket-sync-join', { services: fake.services, permissions: fake.permissions });
  return { ...fake, join, answers };
};

const form = () => page.getByRole('form', { name: 'Join with a code' });

const fillJoin = async (relay: string, code: string, name = 'Phone') => {
  await userEvent.fill(form().getByLabelText('Relay address'), relay);
  await userEvent.fill(form().getByLabelText('Pairing code'), code);
  await userEvent.fill(form().getByLabelText('Device name'), name);
  await userEvent.click(form().getByRole('button', { name: 'Join' }));
};

describe('locket-sync-join', () => {
  it('asks for the relay first, joins with the code as typed without spaces, then shows the words to compare', async () => {
    const { log, join, sendStep, answers } = await mountJoin();
    await fillJoin('https://relay.example.com', 'ABCD EFGH 2345');
    await expect.poll(() => join.calls.length).toBe(1);
    expect(log).toEqual(['permission https://relay.example.com', 'join https://relay.example.com | ABCDEFGH2345 | Phone']);

    sendStep({ phase: 'waiting' });
    await expect.element(page.getByText('Waiting for the other device…')).toBeVisible();
    sendStep({ phase: 'confirm', fingerprint: ['orbit', 'maple', 'quartz', 'lantern'] });
    await expect.element(page.getByRole('list', { name: 'Fingerprint words' })).toHaveTextContent('orbit maple quartz lantern');
    await userEvent.click(page.getByRole('button', { name: 'They match' }));
    expect(answers).toEqual([true]);
    sendStep({ phase: 'done' });
    join.calls[0]!.resolve({ ok: true, value: undefined });
    await expect.element(page.getByText('The devices are paired.')).toBeVisible();
  });

  it('joins nothing when the browser is refused, and keeps the code', async () => {
    const { log, watchingPairing } = await mountJoin({ granted: false });
    await fillJoin('https://relay.example.com', 'ABCDEFGH');
    await expect.element(form().getByRole('alert')).toHaveTextContent('The browser did not allow Locket to reach this relay');
    expect(log).toEqual(['permission https://relay.example.com']);
    expect(watchingPairing()).toBe(0);
    await expect.element(form().getByLabelText('Pairing code')).toHaveValue('ABCDEFGH');
  });

  it('refuses plain http to another machine before asking, and shows a wrong code beside the code', async () => {
    const { log, join } = await mountJoin();
    await fillJoin('http://192.168.1.20:8787', 'ABCDEFGH');
    await expect.element(form().getByRole('alert')).toHaveTextContent('Locket talks to a relay over https only');
    expect(log).toEqual([]);

    await fillJoin('https://relay.example.com', 'ABCDEFGX');
    await expect.poll(() => join.calls.length).toBe(1);
    join.calls[0]!.resolve({ ok: false, error: { type: 'bad-pairing-code' } });
    await expect.element(form().getByLabelText('Pairing code')).toHaveAttribute('aria-invalid', 'true');
    await expect.element(form().getByRole('alert')).toHaveTextContent('This pairing code is not right.');
    await expect.element(form().getByLabelText('Pairing code')).toHaveValue('ABCDEFGX');
  });

  it('says the pairing stopped when the owner saw different words', async () => {
    const { join, sendStep, answers } = await mountJoin();
    await fillJoin('https://relay.example.com', 'ABCDEFGH');
    await expect.poll(() => join.calls.length).toBe(1);
    sendStep({ phase: 'confirm', fingerprint: ['orbit', 'maple', 'quartz', 'lantern'] });
    await userEvent.click(page.getByRole('button', { name: 'They differ' }));
    expect(answers).toEqual([false]);
    sendStep({ phase: 'failed', problem: { type: 'pairing-declined' } });
    join.calls[0]!.resolve({ ok: false, error: { type: 'pairing-declined' } });
    await expect.element(page.getByRole('alert')).toHaveTextContent('The pairing was stopped because the words did not match.');
    await expect.element(form().getByRole('button', { name: 'Join' })).toBeEnabled();
  });
});
