import type { Locator, Page } from '@playwright/test';
import { expect, pageErrors } from './fixtures';
import { connectToRelay, syncSection, syncTest as test } from './sync-helpers';
import { DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, createAccount, createRecord, recordList, showTab, type Owner } from './ui';

/** The member on the second profile, with a Locket of their own. */
const MEMBER: Owner = { name: 'Grace Hopper', email: 'grace.hopper@example.com', password: 'cobalt meadow signal 58' };
/** A read-only member on a third profile. */
const READER: Owner = { name: 'Edsger Dijkstra', email: 'edsger@example.com', password: 'russet quarry willow 31' };
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

/** On the owner's Team section: an invite for `role`, and the code it shows. */
const inviteMember = async (options: Page, role: 'Standard' | 'Read-only'): Promise<string> => {
  const form = teamSection(options).getByRole('form', { name: 'Invite a member' });
  await form.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
  await form.getByRole('button', { name: 'Create invite', exact: true }).click();
  const shown = teamSection(options).getByLabel('Invite code', { exact: true });
  await expect(shown).toBeVisible(SEEN_WITHIN);
  const code = ((await shown.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  // The team's id and the one-time secret, in the pairing code's letters: read out or typed as shown.
  expect(code).toMatch(/^([0-9A-Z]{4} ){12}[0-9A-Z]{4}$/);
  return code;
};

/** Sync → Join a team, as `person` on a device named `device`; the six words it then shows. */
const joinTeam = async (options: Page, relayUrl: string, code: string, person: Owner, device: string): Promise<readonly string[]> => {
  await options.bringToFront();
  const form = syncSection(options).getByRole('form', { name: 'Join a team' });
  await form.getByLabel('Relay address', { exact: true }).fill(relayUrl);
  await form.getByLabel('Invite code', { exact: true }).fill(code);
  await form.getByLabel('Your name', { exact: true }).fill(person.name);
  await form.getByLabel('Your email', { exact: true }).fill(person.email);
  await form.getByLabel('Device name', { exact: true }).fill(device);
  await form.getByRole('button', { name: 'Join', exact: true }).click();
  return wordsIn(syncSection(options).getByRole('list', { name: 'Words to compare' }));
};

/**
 * The owner finds the waiting join, named as `person` typed it on `device`, showing `words`, and
 * says they match; the member's page then says they are in.
 */
const confirmJoin = async (owner: Page, member: Page, role: string, words: readonly string[], person: Owner, device: string): Promise<void> => {
  await owner.bringToFront();
  const join = teamSection(owner).getByRole('list', { name: 'Waiting to join' }).getByRole('listitem')
    .filter({ has: owner.getByRole('button', { name: 'Words match', exact: true }) });
  await expect(join).toBeVisible(PENDING_WITHIN);
  // The owner made the invite, so holds its secret: the join's claim opens, and is said to be the joiner's own word.
  await expect(join).toContainText(`${person.name} (${person.email}) asks to join as ${role} from “${device}”.`);
  await expect(join).toContainText('They typed this name themselves: it says whom to ask, not who they are. The six words are the proof.');
  expect(await wordsIn(join.getByRole('list', { name: 'Words to compare' }))).toEqual(words);
  await join.getByRole('button', { name: 'Words match', exact: true }).click();
  await expect(join).toHaveCount(0, SEEN_WITHIN);
  await member.bringToFront();
  await expect(syncSection(member).getByText('An admin confirmed you: you are in the team.', { exact: false })).toBeVisible(PENDING_WITHIN);
};

test('an owner invites a member, who joins from a profile of their own; both edit and see each other', async ({
  openSurface, deviceB, deviceC, relay, saveScreenshot,
}) => {
  test.setTimeout(300_000);
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

  await test.step('the owner invites a standard member and gets a one-time code; the member joins and sees six words', async () => {
    await expect(teamSection(ownerOptions).getByRole('radio', { name: /^Standard/ })).toBeChecked();
    const code = await inviteMember(ownerOptions, 'Standard');
    await saveScreenshot(ownerOptions, 'team-invite-code');
    const words = await joinTeam(memberOptions, relay.url, code, MEMBER, 'Desk');
    expect(words).toHaveLength(6);
    await saveScreenshot(memberOptions, 'team-join-words');
    await confirmJoin(ownerOptions, memberOptions, 'Standard', words, MEMBER, 'Desk');
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
    await expect(memberRow.getByRole('cell').nth(3)).toHaveText('Desk');
    await expect(memberRow.getByRole('cell').last()).toContainText('Off');
    await saveScreenshot(ownerOptions, 'team-users');
  });

  await test.step('a read-only member on a third profile joins, reads both people and has no control to change them', async () => {
    const readerOptions = await deviceC.openSurface('options');
    await createAccount(readerOptions, READER);
    await ownerOptions.bringToFront();
    const code = await inviteMember(ownerOptions, 'Read-only');
    const words = await joinTeam(readerOptions, relay.url, code, READER, 'Tablet');
    await confirmJoin(ownerOptions, readerOptions, 'Read-only', words, READER, 'Tablet');
    const readerPanel = await deviceC.openSurface('sidepanel');
    await readerPanel.setViewportSize(SIDE_PANEL_VIEWPORT);
    await showTab(readerPanel, 'People');
    for (const person of ['Ada Lovelace', 'Alan Turing']) await expect(personRow(readerPanel, person)).toBeVisible(SEEN_WITHIN);
    await expect(readerPanel.getByRole('button', { name: 'New person', exact: true })).toHaveCount(0);
    await personRow(readerPanel, 'Ada Lovelace').click();
    await expect(readerPanel.getByRole('heading', { level: 2, name: 'Ada Lovelace', exact: true })).toBeVisible();
    await expect(readerPanel.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
    await ownerOptions.bringToFront();
    await ownerOptions.reload();
    const readerRow = usersSection(ownerOptions).getByRole('table', { name: 'Members of the team' }).getByRole('row', { name: new RegExp(`^${READER.name}`) });
    await expect(readerRow.getByRole('cell').nth(1)).toHaveText('Read-only', SEEN_WITHIN);
    for (const page of [readerOptions, readerPanel]) expect(pageErrors(page)).toEqual([]);
  });

  for (const page of [ownerOptions, memberOptions]) expect(pageErrors(page)).toEqual([]);
});
