import type { Locator, Page } from '@playwright/test';
import { expect, pageErrors, test } from './fixtures';
import {
  SIDE_PANEL_VIEWPORT, createAccount, createRecord, expectFieldError, fillFields, listedCount, openTrash, recordList,
  showTab, trashList,
} from './ui';

const OPTIONS_VIEWPORT = { width: 1000, height: 800 } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

const isoDaysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);

/** The options page scrolled to its Retention section. */
const retentionSection = async (options: Page): Promise<Locator> => {
  await options.getByRole('link', { name: 'Retention', exact: true }).click();
  const section = options.getByRole('region', { name: 'Retention', exact: true });
  await expect(section.getByRole('heading', { name: 'What Locket keeps' })).toBeVisible();
  return section;
};

/** A new opportunity with a status and an expected close date, from the side panel's form. */
const createOpportunity = async (panel: Page, name: string, status: 'open' | 'won' | 'lost', expectedClose: string): Promise<void> => {
  await showTab(panel, 'Opportunities');
  await panel.getByRole('button', { name: 'New opportunity' }).click();
  const form = panel.getByRole('form', { name: 'New opportunity' });
  await fillFields(form, { Name: name, 'Expected close': expectedClose });
  await form.getByLabel('Status', { exact: true }).selectOption(status);
  await form.getByRole('button', { name: 'Add opportunity' }).click();
  await expect(panel.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
};

test('a retention rule proposes only what it matches, and moves the reviewed records to the trash once confirmed', async ({
  openSurface, saveScreenshot,
}) => {
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(panel);
  await createOpportunity(panel, 'Harbour refit', 'lost', isoDaysAgo(2 * 365));
  await createOpportunity(panel, 'Lighthouse lamps', 'lost', isoDaysAgo(3));
  await createOpportunity(panel, 'Dock cranes', 'open', isoDaysAgo(2 * 365));

  const options = await openSurface('options');
  await options.setViewportSize(OPTIONS_VIEWPORT);
  const section = await retentionSection(options);
  const form = section.getByRole('form', { name: 'Add a retention rule' });
  await expect(section.getByText('No rules yet.')).toBeVisible();

  await test.step('a rule with no months, or a fraction, is refused next to the field', async () => {
    await form.getByLabel('Propose', { exact: true }).selectOption({ label: 'Opportunities lost more than' });
    await form.getByLabel('Months', { exact: true }).fill('0');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expectFieldError(form, 'Months', 'Use at least 1 month.');
    await form.getByLabel('Months', { exact: true }).fill('1.5');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expectFieldError(form, 'Months', 'Use a whole number of months.');
    await expect(section.getByText('No rules yet.')).toBeVisible();
  });

  const ruleName = 'Opportunities lost more than 1 month ago';
  await test.step('the rule is kept with the policy', async () => {
    await form.getByLabel('Months', { exact: true }).fill('1');
    await form.getByRole('button', { name: 'Add rule' }).click();
    const rules = section.getByRole('list', { name: 'Retention rules' });
    await expect(rules.getByRole('listitem')).toHaveText([new RegExp(ruleName)]);
    await options.reload();
    await expect((await retentionSection(options)).getByRole('list', { name: 'Retention rules' }).getByRole('listitem'))
      .toHaveText([new RegExp(ruleName)]);
  });

  const review = section.getByRole('region', { name: `Review: ${ruleName}` });
  const proposed = review.getByRole('list', { name: 'Records the rule proposes' });
  await test.step('review lists only the opportunity lost long ago, checked', async () => {
    await section.getByRole('button', { name: `Review rule: ${ruleName}` }).click();
    await expect(proposed.getByRole('checkbox')).toHaveCount(1);
    const candidate = proposed.getByRole('checkbox', { name: /Harbour refit/ });
    await expect(candidate).toBeChecked();
    await expect(candidate).toHaveAccessibleName(/Lost /);
    await saveScreenshot(options, 'retention-rule-review');
  });

  await test.step('moving asks first; Cancel moves nothing', async () => {
    await review.getByRole('button', { name: 'Move 1 to the trash' }).click();
    const confirm = review.getByRole('alertdialog', { name: /Move 1 record to the trash\?/ });
    await expect(confirm).toContainText('restored from the trash for 30 days');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(proposed.getByRole('checkbox', { name: /Harbour refit/ })).toBeChecked();
  });

  await test.step('confirmed, it moves to the trash and the rule proposes nothing more', async () => {
    await review.getByRole('button', { name: 'Move 1 to the trash' }).click();
    await review.getByRole('alertdialog').getByRole('button', { name: 'Move to the trash' }).click();
    await expect(review.getByRole('status')).toHaveText('1 record moved to the trash. They can be restored for 30 days.');
    await expect(review.getByText('Nothing matches this rule now.')).toBeVisible();
    await saveScreenshot(options, 'retention-rule-moved');
  });

  await test.step('the side panel shows it in the trash, and the others still listed', async () => {
    await panel.reload();
    await showTab(panel, 'Opportunities');
    expect(await listedCount(panel, 'Opportunities')).toBe(2);
    await expect(recordList(panel, 'Opportunities').getByRole('button', { name: 'Open Harbour refit' })).toHaveCount(0);
    await openTrash(panel);
    const trash = trashList(panel);
    await expect(trash.getByRole('listitem')).toHaveCount(1);
    await expect(trash.getByRole('listitem')).toContainText('Harbour refit');
  });

  await test.step('the audit log notes the rule without naming the record', async () => {
    await options.reload();
    await options.getByRole('link', { name: 'Audit log', exact: true }).click();
    const audit = options.getByRole('region', { name: 'Audit log', exact: true });
    const entry = audit.getByRole('row').filter({ hasText: 'Retention rule applied' });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText('rule: lost-opportunities, months: 1, moved: 1');
    await expect(audit).not.toContainText('Harbour refit');
  });

  await test.step('removing the rule takes it off the list', async () => {
    const again = await retentionSection(options);
    await again.getByRole('button', { name: `Remove rule: ${ruleName}` }).click();
    await expect(again.getByText('No rules yet.')).toBeVisible();
  });
  expect(pageErrors(options)).toEqual([]);
  expect(pageErrors(panel)).toEqual([]);
});

test('a snapshot taken now is listed and restoring it undoes what was added since, after a safety snapshot', async ({
  openSurface, saveScreenshot,
}) => {
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(panel);
  await createRecord(panel, 'People', 'person', { 'First name': 'Ada', 'Last name': 'Lovelace' });

  const options = await openSurface('options');
  await options.setViewportSize(OPTIONS_VIEWPORT);
  const section = await retentionSection(options);
  const table = section.getByRole('table', { name: 'Snapshots kept, newest first' });
  const manualRow = table.getByRole('row').filter({ hasText: 'Taken by you' });

  await test.step('take a snapshot now', async () => {
    await section.getByRole('button', { name: 'Take a snapshot now' }).click();
    await expect(section.getByRole('status').filter({ hasText: /^Snapshot taken: / })).toBeVisible();
    await expect(manualRow).toHaveCount(1);
  });

  await test.step('a person added after the snapshot', async () => {
    await createRecord(panel, 'People', 'person', { 'First name': 'Grace', 'Last name': 'Hopper' });
    await showTab(panel, 'People');
    expect(await listedCount(panel, 'People')).toBe(2);
  });

  await test.step('restore asks first, saying what it does', async () => {
    await manualRow.getByRole('button', { name: /^Restore the snapshot of / }).click();
    const confirm = section.getByRole('alertdialog');
    await expect(confirm).toContainText('Records changed since then go back to how they were; records added since are removed.');
    await expect(confirm).toContainText('A snapshot of the current data is taken first.');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await saveScreenshot(options, 'retention-snapshot-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
  });

  await test.step('restored: the person added since is gone and a before-restore snapshot is listed', async () => {
    await manualRow.getByRole('button', { name: /^Restore the snapshot of / }).click();
    await section.getByRole('alertdialog').getByRole('button', { name: 'Restore this snapshot' }).click();
    await expect(section.getByRole('status').filter({ hasText: /^Snapshot restored:\s+1 record put back/ })).toBeVisible({ timeout: 20_000 });
    await expect(table.getByRole('row').filter({ hasText: 'Before a restore' })).toHaveCount(1);
    await saveScreenshot(options, 'retention-snapshot-restored');

    await panel.reload();
    await showTab(panel, 'People');
    await expect.poll(() => listedCount(panel, 'People')).toBe(1);
    await expect(recordList(panel, 'People').getByRole('button', { name: 'Open Ada Lovelace', exact: true })).toBeVisible();
    await expect(recordList(panel, 'People').getByRole('button', { name: 'Open Grace Hopper', exact: true })).toHaveCount(0);
  });

  await test.step('daily snapshots can be switched off, and stay off', async () => {
    const daily = section.getByRole('switch', { name: 'Keep a daily snapshot' });
    await expect(daily).toBeChecked();
    await daily.uncheck();
    await expect(section.getByRole('status').filter({ hasText: 'Daily snapshots are off.' })).toBeVisible();
    await options.reload();
    await expect((await retentionSection(options)).getByRole('switch', { name: 'Keep a daily snapshot' })).not.toBeChecked();
  });
  expect(pageErrors(options)).toEqual([]);
  expect(pageErrors(panel)).toEqual([]);
});

test('the options page shows what Locket keeps, runs a sweep on demand with its report, and keeps the login window chosen', async ({
  openSurface, saveScreenshot,
}) => {
  const options = await openSurface('options');
  await options.setViewportSize(OPTIONS_VIEWPORT);
  await createAccount(options);
  const section = await retentionSection(options);
  const kept = section.getByRole('list', { name: 'What Locket keeps' });
  await expect(kept).toContainText('trash for 30 days');
  await expect(kept).toContainText('restored for 14 days');
  await expect(kept).toContainText('at most 50 days');
  await expect(kept).toContainText('Login history is kept for 90 days.');
  await expect(section.getByText(/^Next sweep due: /)).toBeVisible();

  await test.step('Run sweep now shows the new report', async () => {
    await section.getByRole('button', { name: 'Run sweep now' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Sweep finished.' })).toBeVisible({ timeout: 20_000 });
    const report = section.getByRole('list', { name: 'Last sweep' });
    await expect(report).toContainText('started by you');
    await expect(report).toContainText('Login history: ');
    await expect(section.getByText('No sweep has run yet.')).toHaveCount(0);
    // The first sweep of the day takes the daily snapshot, and the list shows it without a reload.
    await expect(section.getByRole('table', { name: 'Snapshots kept, newest first' }).getByRole('row').filter({ hasText: 'Daily' }))
      .toHaveCount(1);
    await saveScreenshot(options, 'retention-sweep-report');
  });

  await test.step('Retention says how much Locket stores, and that the browser keeps it when the disk runs low', async () => {
    const permissions = await options.evaluate(() => (globalThis as unknown as {
      chrome: { runtime: { getManifest: () => { permissions?: string[] } } };
    }).chrome.runtime.getManifest().permissions ?? []);
    expect(permissions).toContain('unlimitedStorage');
    await expect(section.getByRole('heading', { name: 'Storage', exact: true })).toBeVisible();
    await expect(section.getByText(/^Locket uses \d+(\.\d)? (B|KB|MB) on this device\.$/)).toBeVisible();
    await expect(section.getByText('The browser keeps Locket’s data even when the disk runs low.')).toBeVisible();
    await saveScreenshot(options, 'retention-storage-use');
  });

  await test.step('the login window chosen is kept and stated', async () => {
    await section.getByLabel('Keep login history for', { exact: true }).selectOption({ label: '30 days' });
    await expect(kept).toContainText('Login history is kept for 30 days.');
    await options.reload();
    const again = await retentionSection(options);
    await expect(again.getByLabel('Keep login history for', { exact: true })).toHaveValue('30');
    await expect(again.getByRole('list', { name: 'What Locket keeps' })).toContainText('Login history is kept for 30 days.');
  });
  expect(pageErrors(options)).toEqual([]);
});
