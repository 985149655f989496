import { describe, expect, it } from 'vitest';
import { forgetFirstPage, recallFirstPage, rememberFirstPage } from '../../platform/session/first-page-store';
import { lockSession, writeLockPolicy, writeSessionKeys } from '../../platform/session/session';

/** The side panel's remembered rows on the (fake, in-memory) extension storage of the element tests. */
const KEYS = { accountKey: new Uint8Array(32).fill(7), factorSecret: null };
const AT = Date.UTC(2026, 11, 6, 9);
const PAGE = { rows: [{ title: 'Ada Lovelace', subtitle: 'Analyst' }] };

describe('the side panel\'s remembered first rows', () => {
  it('come back while the session is unlocked and in use', async () => {
    await writeSessionKeys(KEYS, AT);
    await rememberFirstPage(KEYS.accountKey, PAGE);
    expect(await recallFirstPage(AT + 60_000)).toEqual(PAGE);
  });

  it('are not shown once the session has sat idle past its auto-lock time, about to lock', async () => {
    await writeLockPolicy({ idleMinutes: 5 });
    await writeSessionKeys(KEYS, AT);
    await rememberFirstPage(KEYS.accountKey, PAGE);
    expect(await recallFirstPage(AT + 5 * 60_000)).toBeNull();
  });

  it('go when the session locks, and when a change to people drops them', async () => {
    await writeSessionKeys(KEYS, AT);
    await rememberFirstPage(KEYS.accountKey, PAGE);
    await forgetFirstPage();
    expect(await recallFirstPage(AT)).toBeNull();

    await rememberFirstPage(KEYS.accountKey, PAGE);
    await lockSession();
    await writeSessionKeys(KEYS, AT);
    expect(await recallFirstPage(AT)).toBeNull();
  });
});
