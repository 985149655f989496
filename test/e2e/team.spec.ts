import type { Locator, Page } from '@playwright/test';
import { expect, pageErrors } from './fixtures';
import { connectToRelay, syncSection, syncTest as test } from './sync-helpers';
import { DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, createAccount, createRecord, recordList, showTab, type Owner } from './ui';

/** The member on the second profile, with a Locket of their own. */
const MEMBER: Owner = { name: 'Grace Hopper', email: 'grace.hopper@example.com', password: 'cobalt meadow signal 58' };
/** A join waits for the owner's page to read the team again, which it does every 15 s. */
const PENDING_WITHIN = { timeout: 30_000 } as const;
/** How long a change may take to show on the other device while both are open. */
const SEEN_WITHIN = { timeout: 20_000 } as const;

const teamSection = (options: Page): Locator => options.getByRole('region', { name: 'Team', exact: true });
const usersSection = (options: Page): Locator => options.getByRole('region', { name: 'Users', exact: true });

const wordsIn = async (list: Locator): Promise<readonly string[]> => {
  await expect(list.getByRole('listitem').first()).toBeVisible(SEEN_WITHIN);
  return (await list.getByRole('listitem').allTextContents()).map((word) => word.trim());
};

const personRow = (panel: Page, title: string): Locator =>
  recordList(panel, 'People').getByRole('button', { name: `Open ${title}`, exact: true });

test('an owner invites a member, who joins from a profile of their own; both edit and see each other', async ({
  openSurface, deviceB, relay, saveScreenshot,
}) => {
  test.setTimeout(240_000);
  const ownerOptions = await openSurface('options');
  await createAccount(ownerOptions);
  const memberOptions = await deviceB.openSurface('options');
  await createAccount(memberOptions, MEMBER);

  await test.step('the owner connects sync and the Team section appears', async () => {
    await ownerOptions.bringToFront();
    await connectToRelay(ownerOptions, relay.url, 'Laptop');
    await expect(teamSection(ownerOptions)).toBeVisible(SEEN_WITHIN);
  });

  await test.step('a recovery key before the first invite, confirmed as written down', async () => {
    const team = teamSection(ownerOptions);
    await team.getByRole('button', { name: 'Make a recovery key', exact: true }).click();
    const recovery = team.getByRole('group', { name: 'Before the first invite' });
    const words = await wordsIn(recovery.getByRole('list', { name: 'Recovery key words' }));
    expect(words.length).toBeGreaterThanOrEqual(12);
    const keep = recovery.getByRole('button', { name: 'Continue', exact: true });
    await expect(keep).toBeDisabled();
    await recovery.getByLabel('I have written these words down').check();
    await keep.click();
    await expect(team.getByRole('form', { name: 'Invite a member' })).toBeVisible();
  });

  let code = '';
  await test.step('the owner invites a standard member and gets a one-time code', async () => {
    const form = teamSection(ownerOptions).getByRole('form', { name: 'Invite a member' });
    await expect(form.getByRole('radio', { name: /^Standard/ })).toBeChecked();
    await form.getByRole('button', { name: 'Create invite', exact: true }).click();
    const shown = teamSection(ownerOptions).getByLabel('Invite code', { exact: true });
    await expect(shown).toBeVisible(SEEN_WITHIN);
    code = ((await shown.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    // The team's id and the one-time secret, in the pairing code's letters: read out or typed as shown.
    expect(code).toMatch(/^([0-9A-Z]{4} ){12}[0-9A-Z]{4}$/);
    await saveScreenshot(ownerOptions, 'team-invite-code');
  });

  let memberWords: readonly string[] = [];
  await test.step('the member joins under Sync and sees six words', async () => {
    await memberOptions.bringToFront();
    const form = syncSection(memberOptions).getByRole('form', { name: 'Join a team' });
    await form.getByLabel('Relay address', { exact: true }).fill(relay.url);
    await form.getByLabel('Invite code', { exact: true }).fill(code);
    await form.getByLabel('Your name', { exact: true }).fill(MEMBER.name);
    await form.getByLabel('Your email', { exact: true }).fill(MEMBER.email);
    await form.getByLabel('Device name', { exact: true }).fill('Desk');
    await form.getByRole('button', { name: 'Join', exact: true }).click();
    memberWords = await wordsIn(syncSection(memberOptions).getByRole('list', { name: 'Words to compare' }));
    expect(memberWords).toHaveLength(6);
    await saveScreenshot(memberOptions, 'team-join-words');
  });

  await test.step('the owner sees the same six words under the pending join and confirms', async () => {
    await ownerOptions.bringToFront();
    const join = teamSection(ownerOptions).getByRole('list', { name: 'Waiting to join' }).getByRole('listitem')
      .filter({ has: ownerOptions.getByRole('button', { name: 'Words match', exact: true }) });
    await expect(join).toBeVisible(PENDING_WITHIN);
    // A join carries no name: the member seals theirs under the team key they get on confirmation.
    await expect(join).toContainText('Someone asks to join as Standard. Their name and email show once you confirm them.');
    expect(await wordsIn(join.getByRole('list', { name: 'Words to compare' }))).toEqual(memberWords);
    await saveScreenshot(ownerOptions, 'team-pending-join');
    await join.getByRole('button', { name: 'Words match', exact: true }).click();
    await expect(join).toHaveCount(0, SEEN_WITHIN);
    await memberOptions.bringToFront();
    await expect(syncSection(memberOptions).getByText('An admin confirmed you: you are in the team.', { exact: false }))
      .toBeVisible(PENDING_WITHIN);
  });

  await test.step('a person created on each device appears on the other', async () => {
    const ownerPanel = await openSurface('sidepanel');
    await ownerPanel.setViewportSize(SIDE_PANEL_VIEWPORT);
    const memberPanel = await deviceB.openSurface('sidepanel');
    await memberPanel.setViewportSize(SIDE_PANEL_VIEWPORT);
    await ownerPanel.bringToFront();
    await createRecord(ownerPanel, 'People', 'person', { 'First name': 'Ada', 'Last name': 'Lovelace' });
    await memberPanel.bringToFront();
    await createRecord(memberPanel, 'People', 'person', { 'First name': 'Alan', 'Last name': 'Turing' });
    await showTab(memberPanel, 'People');
    await expect(personRow(memberPanel, 'Ada Lovelace')).toBeVisible(SEEN_WITHIN);
    await ownerPanel.bringToFront();
    await showTab(ownerPanel, 'People');
    await expect(personRow(ownerPanel, 'Alan Turing')).toBeVisible(SEEN_WITHIN);
    for (const page of [ownerPanel, memberPanel]) expect(pageErrors(page)).toEqual([]);
  });

  await test.step('the owner’s Users list shows both members with role and two-factor status', async () => {
    await ownerOptions.bringToFront();
    await ownerOptions.reload();
    const table = usersSection(ownerOptions).getByRole('table', { name: 'Members of the team' });
    const ownerRow = table.getByRole('row', { name: new RegExp(`^${DEFAULT_OWNER.name} \\(you\\)`) });
    const memberRow = table.getByRole('row', { name: new RegExp(`^${MEMBER.name}`) });
    await expect(ownerRow).toBeVisible(SEEN_WITHIN);
    await expect(ownerRow.getByRole('cell').nth(1)).toHaveText('Owner');
    await expect(ownerRow.getByRole('cell').last()).toContainText('Off');
    await expect(memberRow.getByRole('cell').first()).toHaveText(MEMBER.email);
    await expect(memberRow.getByRole('cell').nth(1)).toHaveText('Standard');
    await expect(memberRow.getByRole('cell').last()).toContainText('Off');
    await saveScreenshot(ownerOptions, 'team-users');
  });

  for (const page of [ownerOptions, memberOptions]) expect(pageErrors(page)).toEqual([]);
});
