import { afterEach, describe, expect, it, vi } from 'vitest';
import { failureText } from '../../../components/shared/failure-text';
import { markCancelled, readCancellation } from '../../../core/account/cancellation';
import { fillDiskFor } from '../support/quota';
import { PASSWORD, OWNER, withAccount } from './access-harness';

const NEW_PASSWORD = 'harbour lantern quietly mosaic';

const thrownBy = async (work: () => Promise<unknown>): Promise<unknown> => {
  try {
    await work();
    return undefined;
  } catch (error) {
    return error;
  }
};

const expectStorageFull = (error: unknown): void => {
  expect(error).toMatchObject({ type: 'storage-full' });
  expect(failureText(error)).toMatch(/no room left/);
};

afterEach(() => { vi.restoreAllMocks(); });

describe('a full disk outside the records', () => {
  it('a password change is refused in words and the old password still opens the vault', async () => {
    const harness = await withAccount();
    const before = await harness.vault();
    const lift = fillDiskFor(['vault']);
    expectStorageFull(await thrownBy(() => harness.account.changePassword(harness.keys, PASSWORD, NEW_PASSWORD, OWNER)));
    lift();
    expect(await harness.vault()).toEqual(before);
    harness.lock();
    expect((await harness.access.unlock(PASSWORD)).ok).toBe(true);
  });

  it('the login history and the cancellation marker say the disk is full, and nothing half-written stays', async () => {
    const harness = await withAccount();
    const lift = fillDiskFor(['logins', 'meta']);
    expectStorageFull(await thrownBy(() => harness.ports.logins.record({
      outcome: 'failure', factors: ['password'], keyName: null, reason: 'Wrong password.', client: 'test', user: 'owner',
    })));
    expectStorageFull(await thrownBy(() => markCancelled(harness.db, harness.clock.now())));
    lift();
    expect(await readCancellation(harness.db, harness.clock.now())).toBeNull();
  });
});
