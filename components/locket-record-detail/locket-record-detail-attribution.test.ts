import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { auditKeysFrom } from '../../core/audit/hash';
import { plainCodec } from '../../core/codec';
import { createHlc } from '../../core/hlc';
import { createIdFactory } from '../../core/ids';
import { createStore } from '../../core/store/store';
import type { NameDirectory } from '../../core/team/name-directory';
import { mount } from '../../test/elements/mount';
import { createFakeTeam } from '../../test/elements/team-fakes';
import { createTestServices, type TestServices } from '../../test/elements/test-services';
import { formatDate } from '../shared/i18n/format';
import './locket-record-detail';

const DAY = 24 * 60 * 60 * 1000;

/** The team as this device (Carol's, `device-c`) last validated it: Grace wrote on device-a, Ada on device-b. */
const directory = (overrides: Partial<NameDirectory> = {}): NameDirectory => ({
  thisDevice: ['device-c'], me: 'member-carol',
  members: [
    { member: 'member-grace', name: 'Grace Hopper', removed: false },
    { member: 'member-ada', name: 'Ada Lovelace', removed: false },
    { member: 'member-carol', name: 'Carol Chen', removed: false },
  ],
  devices: [{ device: 'device-a', member: 'member-grace' }, { device: 'device-b', member: 'member-ada' }, { device: 'device-c', member: 'member-carol' }],
  ...overrides,
});

/** A second writer on the test's database: another device, as its own store would write. */
const writerOn = (made: TestServices, deviceId: string) => createStore({
  db: made.db, codec: plainCodec, clock: made.clock, newId: createIdFactory(made.clock), hlc: createHlc({ clock: made.clock, nodeId: deviceId }),
  deviceId, author: 'owner', bus: { publish: () => undefined, subscribe: () => () => undefined, close: () => undefined },
  auditKeys: auditKeysFrom(new Uint8Array(32).fill(7)),
});

/** A person Grace created (device-a) and Ada changed two days later (device-b). */
const withEditedPerson = async (team: NameDirectory | null) => {
  const { services: teamServices } = createFakeTeam({ nameDirectory: async () => ({ ok: true, value: team }) });
  const made = await createTestServices({ services: { team: teamServices } });
  const created = await made.store.create('person', { firstName: 'Alan', lastName: 'Turing' });
  if (!created.ok) throw new Error('test person refused');
  const createdAt = made.clock.now();
  made.clock.advance(2 * DAY);
  const edited = await writerOn(made, 'device-b').update(created.value.id, 'person', { jobTitle: 'Cryptanalyst' });
  if (!edited.ok) throw new Error('test edit refused');
  return { ...made, id: created.value.id, createdAt, changedAt: made.clock.now() };
};

describe('locket-record-detail: who created and last changed the record', () => {
  it('names the member who created the record and the one who last changed it, with the dates', async () => {
    const { services, id, createdAt, changedAt } = await withEditedPerson(directory());
    await mount('locket-record-detail', { services, recordId: id });
    await expect.element(page.getByText(
      `Created by Grace Hopper on ${formatDate(createdAt)} · last changed by Ada Lovelace on ${formatDate(changedAt)}`,
    )).toBeVisible();
  });

  it('says "you" for this device, and "a removed member" for a device the team no longer names', async () => {
    const { services, id, createdAt, changedAt } = await withEditedPerson(directory({
      thisDevice: ['device-b'], me: 'member-ada', devices: [{ device: 'device-b', member: 'member-ada' }],
    }));
    await mount('locket-record-detail', { services, recordId: id });
    await expect.element(page.getByText(
      `Created by a removed member on ${formatDate(createdAt)} · last changed by you on ${formatDate(changedAt)}`,
    )).toBeVisible();
  });

  it('shows a member\'s name as text, never as markup', async () => {
    const { services, id } = await withEditedPerson(directory({
      members: [{ member: 'member-grace', name: '<img src=x onerror=alert(1)>Grace', removed: true }],
    }));
    await mount('locket-record-detail', { services, recordId: id });
    await expect.element(page.getByText('Created by <img src=x onerror=alert(1)>Grace (removed) on', { exact: false })).toBeVisible();
    const detail = document.querySelector('locket-record-detail');
    expect(detail?.shadowRoot?.querySelector('img')).toBeNull();
  });

  it('adds nothing outside a team', async () => {
    const { services, id } = await withEditedPerson(null);
    await mount('locket-record-detail', { services, recordId: id });
    await expect.element(page.getByRole('heading', { name: 'Alan Turing' })).toBeVisible();
    await expect.element(page.getByText('Cryptanalyst')).toBeVisible();
    expect(page.getByText('Created by', { exact: false }).query()).toBeNull();
  });
});
