import { expect, pageErrors, test } from './fixtures';
import { createAccount } from './ui';
import { lastActivityAt } from './vault-helpers';

/**
 * Auto-lock ends an unlocked page's worker, so a long job must count as activity while it
 * runs: otherwise the idle time would run from the click that started it.
 */

const BACKUP_PASSWORD = 'copper lantern 7 meadow';

test('a backup counts as activity until it ends, so the idle time runs from its end', async ({ context, openSurface }) => {
  const options = await openSurface('options');
  await createAccount(options);
  await options.getByRole('link', { name: 'Backup', exact: true }).click();
  const download = options.getByRole('region', { name: 'Backup', exact: true }).getByRole('form', { name: 'Download backup' });
  await download.getByLabel('Backup password', { exact: true }).fill(BACKUP_PASSWORD);
  await download.getByLabel('Backup password again', { exact: true }).fill(BACKUP_PASSWORD);

  const downloading = options.waitForEvent('download');
  await download.getByRole('button', { name: 'Download backup' }).click();
  // The click itself is activity; everything after it is the job's.
  const clicked = Date.now();
  await downloading;
  await expect(download.getByRole('status')).toHaveText(/^Saved locket-/);
  expect(await lastActivityAt(context)).toBeGreaterThan(clicked);
  expect(pageErrors(options)).toEqual([]);
});
