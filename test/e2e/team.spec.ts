import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, pageErrors, type Surface } from './fixtures';
import { connectToRelay, syncSection, syncState, syncTest as test, type E2eRelay } from './sync-helpers';
import { DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, createAccount, createRecord, recordList, showTab, type Owner } from './ui';
import { addVirtualAuthenticator } from './vault-helpers';

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

/** A removed member's device hears the relay refuse it at its next request: a poke, or one periodic round (45 s). */
const REFUSED_WITHIN = { timeout: 60_000 } as const;
/**
 * How long a person must stay away to count as never arriving: several times what a change takes
 * between two open devices here, once the writer's relay has it.
 */
const STAYS_AWAY_MS = 8_000;

/** An owner (recovery key made) and a standard member they confirmed, each on the options page of a profile of their own. */
const ownerAndMember = async (
  openOwner: (surface: Surface) => Promise<Page>, openMember: (surface: Surface) => Promise<Page>, relay: E2eRelay,
): Promise<{ ownerOptions: Page; memberOptions: Page }> => {
  const ownerOptions = await openOwner('options');
  await createAccount(ownerOptions);
  const memberOptions = await openMember('options');
  await createAccount(memberOptions, MEMBER);
  await ownerOptions.bringToFront();
  await connectToRelay(ownerOptions, relay.url, 'Laptop');
  const team = teamSection(ownerOptions);
  await team.getByRole('button', { name: 'Make a recovery key', exact: true }).click();
  const recovery = team.getByRole('group', { name: 'Before the first invite' });
  await wordsIn(recovery.getByRole('list', { name: 'Recovery key words' }));
  await recovery.getByLabel('I have written these words down').check();
  await recovery.getByRole('button', { name: 'Continue', exact: true }).click();
  const code = await inviteMember(ownerOptions, 'Standard');
  await confirmJoin(ownerOptions, memberOptions, 'Standard', await joinTeam(memberOptions, relay.url, code, MEMBER, 'Desk'), MEMBER, 'Desk');
  return { ownerOptions, memberOptions };
};

const sidePanel = async (open: (surface: Surface) => Promise<Page>): Promise<Page> => {
  const panel = await open('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  return panel;
};

const addPerson = async (panel: Page, first: string, last: string): Promise<void> => {
  await panel.bringToFront();
  await createRecord(panel, 'People', 'person', { 'First name': first, 'Last name': last });
};

/** "Sync now" on this device's options page, until it says so: what it wrote is at the relay. */
const syncNow = async (options: Page): Promise<void> => {
  await options.bringToFront();
  await syncSection(options).getByRole('button', { name: 'Sync now', exact: true }).click();
  await expect(syncSection(options).getByText('Synced.', { exact: true })).toBeVisible(SEEN_WITHIN);
};

/** The owner's Users list, read afresh. */
const membersTable = async (ownerOptions: Page): Promise<Locator> => {
  await ownerOptions.bringToFront();
  await ownerOptions.reload();
  const table = usersSection(ownerOptions).getByRole('table', { name: 'Members of the team' });
  await expect(table.getByRole('row', { name: new RegExp(`^${DEFAULT_OWNER.name} \\(you\\)`) })).toBeVisible(SEEN_WITHIN);
  return table;
};
const memberRow = (table: Locator): Locator => table.getByRole('row', { name: new RegExp(`^${MEMBER.name}`) });

/** The sync section's security key button, pressed with a virtual authenticator in that tab; sync then runs again. */
const addSecurityKey = async (context: BrowserContext, options: Page, button: string | RegExp): Promise<void> => {
  await options.bringToFront();
  await addVirtualAuthenticator(context, options, { prf: false, transport: 'usb' });
  await syncSection(options).getByRole('button', { name: button }).click();
  await expect(syncState(options)).toHaveText('Connected', SEEN_WITHIN);
};

test('the owner removes a member: gone from the Users list, they keep what they had and receive nothing written after', async ({
  openSurface, deviceB, relay, saveScreenshot,
}) => {
  test.setTimeout(300_000);
  const { ownerOptions, memberOptions } = await ownerAndMember(openSurface, deviceB.openSurface, relay);
  const ownerPanel = await sidePanel(openSurface);
  const memberPanel = await sidePanel(deviceB.openSurface);
  await addPerson(ownerPanel, 'Ada', 'Lovelace');
  await memberPanel.bringToFront();
  await showTab(memberPanel, 'People');
  await expect(personRow(memberPanel, 'Ada Lovelace')).toBeVisible(SEEN_WITHIN);

  await test.step('the owner removes the member, told what they already synced stays with them', async () => {
    await ownerOptions.bringToFront();
    await teamSection(ownerOptions).getByRole('button', { name: `Remove ${MEMBER.name}`, exact: true }).click();
    const confirm = teamSection(ownerOptions).getByRole('alertdialog', { name: 'Confirm removal' });
    await expect(confirm).toContainText('They stop receiving anything new at once; what they already synced stays with them.');
    await expect(confirm).toContainText('The team key is replaced');
    await saveScreenshot(ownerOptions, 'team-remove-member');
    await confirm.getByRole('button', { name: 'Remove from the team', exact: true }).click();
    await expect(confirm).toHaveCount(0, SEEN_WITHIN);
    await expect(memberRow(await membersTable(ownerOptions))).toHaveCount(0);
    await saveScreenshot(ownerOptions, 'team-users-after-removal');
  });

  await test.step('a person the owner creates afterwards never reaches the member, whose earlier records stay', async () => {
    await addPerson(ownerPanel, 'Katherine', 'Johnson');
    await syncNow(ownerOptions);
    await memberOptions.bringToFront();
    await expect(syncState(memberOptions)).toHaveText('Removed from the account: this device no longer syncs', REFUSED_WITHIN);
    await memberPanel.bringToFront();
    await memberPanel.waitForTimeout(STAYS_AWAY_MS);
    await expect(personRow(memberPanel, 'Katherine Johnson')).toHaveCount(0);
    await expect(personRow(memberPanel, 'Ada Lovelace')).toBeVisible();
    await saveScreenshot(memberPanel, 'team-removed-member-panel');
  });

  for (const page of [ownerOptions, memberOptions, ownerPanel, memberPanel]) expect(pageErrors(page)).toEqual([]);
});

test('the owner requires two-factor: a member without a key receives nothing until they add one, then shows as verified by the relay', async ({
  context, openSurface, deviceB, relay, saveScreenshot,
}) => {
  test.setTimeout(300_000);
  const { ownerOptions, memberOptions } = await ownerAndMember(openSurface, deviceB.openSurface, relay);
  const ownerPanel = await sidePanel(openSurface);
  const memberPanel = await sidePanel(deviceB.openSurface);

  await test.step('the owner requires two-factor, and meets the rule with a key of their own', async () => {
    await ownerOptions.bringToFront();
    const rule = teamSection(ownerOptions).getByRole('checkbox', { name: 'Require two-factor for every member' });
    await rule.check();
    await expect(rule).toBeChecked();
    // The owner's own session is held from its next request on, as everyone's is.
    await syncSection(ownerOptions).getByRole('button', { name: 'Sync now', exact: true }).click();
    await addSecurityKey(context, ownerOptions, /^(Add a security key|Confirm with your security key)$/);
  });

  await test.step('the member is held at "Add a security key" and a person the owner creates does not reach them', async () => {
    await addPerson(ownerPanel, 'Katherine', 'Johnson');
    await syncNow(ownerOptions);
    await memberOptions.bringToFront();
    await syncSection(memberOptions).getByRole('button', { name: 'Sync now', exact: true }).click();
    // The section's status says so, and so does the refused "Sync now" beside its button.
    await expect(syncSection(memberOptions).getByText('Add a security key to continue; nothing syncs until then.', { exact: false }).first()).toBeVisible(SEEN_WITHIN);
    await expect(syncSection(memberOptions).getByRole('button', { name: 'Add a security key', exact: true })).toBeVisible();
    await saveScreenshot(memberOptions, 'team-two-factor-held');
    await memberPanel.bringToFront();
    await showTab(memberPanel, 'People');
    await memberPanel.waitForTimeout(STAYS_AWAY_MS);
    await expect(personRow(memberPanel, 'Katherine Johnson')).toHaveCount(0);
  });

  await test.step('the member adds a key from the options page while the side panel runs sync, and receives the person', async () => {
    // A reload ends the options page's worker: the side panel's worker takes over sync.
    await memberOptions.reload();
    await addSecurityKey(deviceB.context, memberOptions, 'Add a security key');
    // The page's team calls go through the session the key verified, which the side panel's worker lends.
    await expect(teamSection(memberOptions)).toContainText('Your role: Standard.', SEEN_WITHIN);
    await expect(teamSection(memberOptions).getByRole('alert')).toHaveCount(0, SEEN_WITHIN);
    await memberPanel.bringToFront();
    await expect(personRow(memberPanel, 'Katherine Johnson')).toBeVisible(SEEN_WITHIN);
  });

  await test.step('the owner’s Users list shows the member’s two-factor as on, verified by the relay', async () => {
    // Not reloaded: this page's worker runs the owner's sync, on the session their key verified, and reads the list every 15 s.
    await ownerOptions.bringToFront();
    const row = memberRow(usersSection(ownerOptions).getByRole('table', { name: 'Members of the team' }));
    await expect(row.getByRole('cell').last()).toHaveText(/^\s*On\s+verified by the relay\s*$/, PENDING_WITHIN);
    await expect(row.getByRole('cell').nth(1)).toHaveText('Standard');
    await saveScreenshot(ownerOptions, 'team-users-two-factor');
  });

  for (const page of [ownerOptions, memberOptions, ownerPanel, memberPanel]) expect(pageErrors(page)).toEqual([]);
});
