import { describe, expect, it } from 'vitest';
import { writeBackup } from '../../../core/backup/backup-file';
import { collectBackupContents } from '../../../core/backup/collect';
import { defaultVaultDeps } from '../../../core/vault/deps';
import { PASSWORD, TEST_KDF_ITERATIONS, createArchiveHarness, noProgress, saved, seedAccount } from './archive-harness';
import { failureText } from '../../../components/shared/failure-text';

/**
 * A backup file is what leaves the device, so a new backup's password meets the account's
 * own policy; files made under the older, looser rule still open with their password.
 */
const withOwner = async () => {
  const harness = await createArchiveHarness();
  await seedAccount(harness);
  saved(await harness.store.saveSettings({ ownerName: 'Ada Lovelace', ownerEmail: 'ada@acme.example' }));
  return harness;
};

describe('new backup passwords', () => {
  it.each([
    ['too short', 'tea4two', /at least 8 characters/],
    ['too common', 'password123', /too common/],
    ['built from the owner’s name', 'adalovelace1815', /your name/],
    ['repetitive', 'abcabcabcabc', /repeated or sequential/],
  ])('refuses a password that is %s, and makes no file', async (_kind, password, reason) => {
    const harness = await withOwner();
    const entries = (await harness.store.audit.entries()).length;
    // As the backup section shows the refusal.
    const refused = await harness.archive.createBackup(password, noProgress).then(() => null, (error: unknown) => failureText(error));
    expect(refused).toMatch(reason);
    expect(await harness.store.audit.entries()).toHaveLength(entries);
  });

  it('accepts a password the account policy accepts', async () => {
    const harness = await withOwner();
    const file = await harness.archive.createBackup(PASSWORD, noProgress);
    expect(file.bytes.length).toBeGreaterThan(0);
  });

  it('still opens a file made under the old eight-character rule with its password', async () => {
    const source = await withOwner();
    const old = 'password123';
    const contents = await collectBackupContents(source.deps, noProgress);
    const bytes = await writeBackup(contents, old, { iterations: TEST_KDF_ITERATIONS, crypto: defaultVaultDeps() });
    const fresh = await createArchiveHarness();
    expect(saved(await fresh.archive.restoreBackup(bytes, old, noProgress)).records).toMatchObject({ person: 2 });
  });
});
