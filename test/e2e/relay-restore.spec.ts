import type { Page } from '@playwright/test';
import { newRecoverySecret, recoveryWords } from '../../core/team/recovery-key';
import { expect, pageErrors } from './fixtures';
import { syncSection, syncState, syncTest as test } from './sync-helpers';
import {
  DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, createRecord, createAccount, recordList, setupHeading, showTab, surfaceElement,
} from './ui';

/**
 * Issue 14's off-device copy: an owner alone turns on "Keep an encrypted copy on my relay" and
 * writes the recovery key down; the laptop is then lost, and a new profile restores everything
 * from the relay on its first screen, with its own password, and syncs on with the old one.
 */

const NEW_PASSWORD = 'harbor quartz 42 meadow lantern';
const SEEN_WITHIN = { timeout: 20_000 } as const;
const COPY = 'Keep an encrypted copy on my relay';

const openPerson = (panel: Page, title: string) => recordList(panel, 'People').getByRole('button', { name: `Open ${title}`, exact: true });

test('an owner alone keeps an encrypted copy on the relay, and a new device restores it from one screen',
  async ({ openSurface, deviceB, relay, saveScreenshot }) => {
    test.setTimeout(240_000);
    const optionsA = await openSurface('options');
    await createAccount(optionsA);
    const panelA = await openSurface('sidepanel');
    await panelA.setViewportSize(SIDE_PANEL_VIEWPORT);
    await createRecord(panelA, 'People', 'person', { 'First name': 'Ada', 'Last name': 'Lovelace' });
    await createRecord(panelA, 'People', 'person', { 'First name': 'Grace', 'Last name': 'Hopper' });

    let printed: string[] = [];
    await test.step('A switches the copy on: it connects, and the recovery key is shown once', async () => {
      await optionsA.bringToFront();
      const section = syncSection(optionsA);
      await expect(section.getByText(/The relay keeps only ciphertext it cannot read/)).toBeVisible();
      await section.getByRole('switch', { name: COPY }).check();
      const form = section.getByRole('form', { name: COPY });
      await form.getByLabel('Relay address', { exact: true }).fill(relay.url);
      await form.getByLabel('Device name', { exact: true }).fill('Laptop');
      await form.getByRole('button', { name: 'Connect and keep a copy', exact: true }).click();
      const words = section.getByRole('list', { name: 'Recovery key words' }).getByRole('listitem');
      await expect(words).toHaveCount(16, SEEN_WITHIN);
      printed = (await words.allTextContents()).map((word) => word.trim());
      await saveScreenshot(optionsA, 'relay-copy-recovery-key');
      await section.getByRole('checkbox', { name: 'I have written the words down' }).check();
      await section.getByRole('button', { name: 'Done', exact: true }).click();
      await expect(section.getByRole('switch', { name: COPY })).toBeChecked(SEEN_WITHIN);
      await expect(syncState(optionsA)).toHaveText('Connected', SEEN_WITHIN);
      await expect(section.locator('dt:text-is("Waiting to send") + dd')).toHaveText('Nothing', SEEN_WITHIN);
    });

    const optionsB = await deviceB.openSurface('options');
    const form = optionsB.getByRole('form', { name: 'Restore from my relay' });
    await test.step('a new device refuses words no team holds, and writes nothing', async () => {
      await expect(setupHeading(optionsB)).toBeVisible();
      await optionsB.getByRole('button', { name: 'Restore from my relay', exact: true }).click();
      await form.getByLabel('Relay address', { exact: true }).fill(relay.url);
      await form.getByLabel('Recovery key (16 words)').fill(recoveryWords(newRecoverySecret()).join(' '));
      await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await form.getByLabel('Device name', { exact: true }).fill('New laptop');
      await form.getByRole('button', { name: 'Restore', exact: true }).click();
      await expect(form.getByRole('alert')).toHaveText('This relay holds no team with this recovery key. Check the words and the relay address.', SEEN_WITHIN);
      // Still the first run: no account was made.
      await optionsB.reload();
      await expect(setupHeading(optionsB)).toBeVisible();
    });

    await test.step('with the printed words it restores: the account is made, and the records arrive', async () => {
      await optionsB.getByRole('button', { name: 'Restore from my relay', exact: true }).click();
      await form.getByLabel('Relay address', { exact: true }).fill(relay.url);
      await form.getByLabel('Recovery key (16 words)').fill(printed.join('\n'));
      await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await form.getByLabel('Device name', { exact: true }).fill('New laptop');
      await saveScreenshot(optionsB, 'relay-restore-screen');
      await form.getByRole('button', { name: 'Restore', exact: true }).click();
      await expect(surfaceElement(optionsB)).toBeVisible({ timeout: 60_000 });
      // The owner's name and email come from the team's directory, sealed on the relay.
      await expect(optionsB.getByRole('form', { name: 'General settings' }).getByLabel('Owner’s name')).toHaveValue(DEFAULT_OWNER.name);
      await expect(syncState(optionsB)).toHaveText('Connected', SEEN_WITHIN);
    });

    const panelB = await deviceB.openSurface('sidepanel');
    await panelB.setViewportSize(SIDE_PANEL_VIEWPORT);
    await test.step('the new device lists every record, and what it writes reaches the old one', async () => {
      await showTab(panelB, 'People');
      await expect(openPerson(panelB, 'Ada Lovelace')).toBeVisible(SEEN_WITHIN);
      await expect(openPerson(panelB, 'Grace Hopper')).toBeVisible();
      await saveScreenshot(panelB, 'relay-restore-people');
      await createRecord(panelB, 'People', 'person', { 'First name': 'Katherine', 'Last name': 'Johnson' });
      await panelA.bringToFront();
      await showTab(panelA, 'People');
      await expect(openPerson(panelA, 'Katherine Johnson')).toBeVisible(SEEN_WITHIN);
    });

    await test.step('the new device’s audit log says it was restored from the relay', async () => {
      await optionsB.bringToFront();
      await optionsB.getByRole('link', { name: 'Audit log', exact: true }).click();
      const audit = optionsB.getByRole('region', { name: 'Audit log', exact: true });
      await audit.getByRole('button', { name: 'Refresh' }).click();
      await expect(audit.getByRole('row').filter({ hasText: 'Restored from the relay with the printed recovery key' })).toHaveCount(1);
    });
    expect(pageErrors(optionsA)).toEqual([]);
    expect(pageErrors(optionsB)).toEqual([]);
  });
