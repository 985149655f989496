import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { newRecoverySecret, recoveryWords } from '../../../core/team/recovery-key';
import type { AccountManager } from '../../../core/vault/account';
import { controlled, fakeWith } from '../../../test/elements/fakes';
import { listen, mount } from '../../../test/elements/mount';
import { realPasswordPolicy } from '../../../test/elements/test-services';
import type { RelayRestorePort } from './locket-relay-restore.component';
import './locket-relay-restore';

type Create = AccountManager['create'];
type Preview = RelayRestorePort['preview'];
type Finish = RelayRestorePort['finish'];

const WORDS = recoveryWords(newRecoverySecret());
const OWNER = { name: 'Ada Owner', email: 'ada@example.com' };
const PASSWORD = 'correct horse battery staple lantern';

const mountRestore = async () => {
  const log: string[] = [];
  const create = controlled<Parameters<Create>, Awaited<ReturnType<Create>>>();
  const preview = controlled<Parameters<Preview>, Awaited<ReturnType<Preview>>>();
  const finish = controlled<Parameters<Finish>, Awaited<ReturnType<Finish>>>();
  const note = <A extends unknown[], T>(name: string, fn: (...args: A) => T) => (...args: A): T => { log.push(name); return fn(...args); };
  await mount('locket-relay-restore', {
    account: fakeWith<AccountManager>('account', { create: note('create', create.fn) }),
    policy: realPasswordPolicy,
    restore: { preview: note('preview', preview.fn), finish: note('finish', finish.fn) },
    permissions: { request: async (origin: string) => { log.push(`permission ${origin}`); return true; } },
  });
  return { log, create, preview, finish };
};

const form = () => page.getByRole('form', { name: 'Restore from my relay' });

const fillIn = async (words: readonly string[] = WORDS) => {
  await userEvent.fill(form().getByLabelText('Relay address'), 'https://relay.example.com');
  await userEvent.fill(form().getByLabelText('Recovery key (16 words)'), words.join(' '));
  await userEvent.fill(form().getByLabelText('New password', { exact: true }), PASSWORD);
  await userEvent.fill(form().getByLabelText('Device name'), 'New laptop');
  await userEvent.click(form().getByRole('button', { name: 'Restore' }));
};

describe('locket-relay-restore', () => {
  it('checks the words on the relay, then makes the account as the relay’s owner, then restores on it', async () => {
    const { log, create, preview, finish } = await mountRestore();
    const started = listen('locket-relay-restore-started');
    const done = listen('locket-relay-restore-done');
    await fillIn();

    await expect.element(form().getByRole('button', { name: 'Restoring…' })).toBeDisabled();
    await expect.poll(() => preview.calls.length).toBe(1);
    expect(preview.calls[0]!.args).toEqual(['https://relay.example.com', WORDS]);
    expect(started.events).toHaveLength(0);
    preview.calls[0]!.resolve({ ok: true, value: { owner: OWNER } });

    await expect.poll(() => create.calls.length).toBe(1);
    expect(started.events).toHaveLength(1);
    expect(create.calls[0]!.args).toEqual([OWNER, PASSWORD]);
    create.calls[0]!.resolve({ ok: true, value: { owner: OWNER, keys: { accountKey: new Uint8Array(32), factorSecret: null } } });

    await expect.element(page.getByRole('status')).toHaveTextContent('Your account is made. Bringing your records from the relay…');
    await expect.poll(() => finish.calls.length).toBe(1);
    expect(finish.calls[0]!.args).toEqual(['https://relay.example.com', WORDS, 'New laptop']);
    finish.calls[0]!.resolve({ ok: true, value: undefined });
    await expect.poll(() => done.details).toEqual([OWNER]);
    expect(log).toEqual(['permission https://relay.example.com', 'preview', 'create', 'finish']);
  });

  it('says so beside the words when the relay holds no team with them, and makes no account', async () => {
    const { log, preview } = await mountRestore();
    const started = listen('locket-relay-restore-started');
    await fillIn();
    await expect.poll(() => preview.calls.length).toBe(1);
    preview.calls[0]!.resolve({ ok: false, error: { type: 'no-team-for-words' } });

    const words = form().getByLabelText('Recovery key (16 words)');
    await expect.element(words).toHaveAttribute('aria-invalid', 'true');
    await expect.element(words).toHaveAccessibleDescription('This relay holds no team with this recovery key. Check the words and the relay address.');
    await expect.element(form().getByRole('button', { name: 'Restore' })).toBeEnabled();
    expect(started.events).toHaveLength(0);
    expect(log).toEqual(['permission https://relay.example.com', 'preview']);
  });

  it('refuses a mistyped word before asking the browser or the relay anything', async () => {
    const { log } = await mountRestore();
    await fillIn([...WORDS.slice(0, 15), 'notaword']);
    await expect.element(form().getByLabelText('Recovery key (16 words)'))
      .toHaveAccessibleDescription('These are not the 16 words of a recovery key. Check each word against the printed key.');
    expect(log).toEqual([]);
  });

  it('keeps the account made when the restore then fails, and tries the restore alone again', async () => {
    const { log, create, preview, finish } = await mountRestore();
    const done = listen('locket-relay-restore-done');
    await fillIn();
    await expect.poll(() => preview.calls.length).toBe(1);
    preview.calls[0]!.resolve({ ok: true, value: { owner: OWNER } });
    await expect.poll(() => create.calls.length).toBe(1);
    create.calls[0]!.resolve({ ok: true, value: { owner: OWNER, keys: { accountKey: new Uint8Array(32), factorSecret: null } } });
    await expect.poll(() => finish.calls.length).toBe(1);
    finish.calls[0]!.resolve({ ok: false, error: { type: 'relay-unreachable' } });

    await expect.element(page.getByRole('alert')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.poll(() => finish.calls.length).toBe(2);
    finish.calls[1]!.resolve({ ok: true, value: undefined });
    await expect.poll(() => done.details).toEqual([OWNER]);
    expect(log).toEqual(['permission https://relay.example.com', 'preview', 'create', 'finish', 'finish']);
  });
});
