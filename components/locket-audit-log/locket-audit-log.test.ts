import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { offeredDownloads } from '../../test/elements/downloads';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import { createFakeTeam } from '../../test/elements/team-fakes';
import { setCurrentLocale } from '../shared/i18n/locale';
import './locket-audit-log';

/** Two people deleted for good: two audit entries. */
const withEntries = async () => {
  const made = await createTestServices();
  for (const firstName of ['Ada', 'Grace']) {
    const created = await made.store.create('person', { firstName, lastName: 'Example' });
    if (!created.ok) throw new Error('test person refused');
    await made.store.remove(created.value.id);
    await made.store.deleteForever([created.value.id]);
  }
  return made;
};

describe('locket-audit-log', () => {
  it('says when there is nothing yet', async () => {
    const { services } = await createTestServices();
    await mount('locket-audit-log', { services });
    await expect.element(page.getByText('No entries yet.')).toBeVisible();
  });

  it('lists the entries newest first and confirms an intact chain', async () => {
    const { services, store } = await withEntries();
    const count = (await store.audit.entries()).length;
    await mount('locket-audit-log', { services });
    await expect.element(page.getByRole('table', { name: `Audit log entries 1–${count} of ${count}, newest first` })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Verify chain' }));
    await expect.element(page.getByRole('status')).toHaveTextContent(`The log is intact: ${count} entries`);
  });

  it('catches an entry edited in the database', async () => {
    const { services, db } = await withEntries();
    const first = await db.get('audit', 1);
    await db.put('audit', { ...first!, by: 'someone else' });
    await mount('locket-audit-log', { services });
    await userEvent.click(page.getByRole('button', { name: 'Verify chain' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The log was changed:');
  });

  it('exports the log as CSV', async () => {
    const { services } = await withEntries();
    await mount('locket-audit-log', { services });
    await userEvent.click(page.getByRole('button', { name: 'Export as CSV' }));
    await expect.element(page.getByRole('status')).toHaveTextContent(/^Exported .+\.csv\.$/);
    expect(offeredDownloads()).toHaveLength(1);
  });

  it('names team acts in the owner\'s language, with the member by id', async () => {
    const made = await createTestServices();
    await made.store.audit.append({ type: 'member-invited', by: 'owner', subjects: [], detail: { member: 'm-7f3a', role: 'standard', canExport: false } });
    await made.store.audit.append({ type: 'member-removed', by: 'owner', subjects: [], detail: { member: 'm-7f3a', epoch: 2 } });
    await mount('locket-audit-log', { services: made.services });
    const removed = page.getByRole('row').filter({ hasText: 'Team member removed and the team key replaced' });
    await expect.element(removed).toHaveTextContent('member: m-7f3a, epoch: 2');
    await expect.element(page.getByRole('row').filter({ hasText: 'Team member invited' })).toHaveTextContent('canExport: no');
    try {
      setCurrentLocale('de');
      await expect.element(page.getByRole('row').filter({ hasText: 'Teammitglied entfernt und Teamschlüssel ersetzt' })).toBeVisible();
      await expect.element(page.getByRole('row').filter({ hasText: 'Teammitglied eingeladen' })).toHaveTextContent('canExport: nein');
    } finally {
      setCurrentLocale('en');
    }
  });

  it('in a team, names members and the devices that acted here by who they are, never by markup', async () => {
    const { services: team } = createFakeTeam({
      nameDirectory: async () => ({
        ok: true,
        value: {
          thisDevice: ['device-a'], me: 'member-ada',
          members: [{ member: 'member-ada', name: 'Ada Lovelace', removed: false }, { member: 'm-7f3a', name: '<b>Mia</b> Wong', removed: true }],
          devices: [{ device: 'device-mia', member: 'm-7f3a' }],
        },
      }),
    });
    const made = await createTestServices({ services: { team } });
    await made.store.audit.append({ type: 'member-removed', by: 'owner', subjects: [], detail: { member: 'm-7f3a', epoch: 2 } });
    await made.store.audit.append({ type: 'records-purged', by: 'device:device-mia', subjects: [], detail: { person: 1, trigger: 'owner' } });
    await made.store.audit.append({ type: 'member-changed', by: 'owner', subjects: [], detail: { member: 'm-unnamed', role: 'admin', canExport: true } });
    await mount('locket-audit-log', { services: made.services });
    const removed = page.getByRole('row').filter({ hasText: 'Team member removed and the team key replaced' });
    await expect.element(removed).toHaveTextContent('You');
    await expect.element(removed).toHaveTextContent('member: <b>Mia</b> Wong (removed), epoch: 2');
    await expect.element(page.getByRole('row').filter({ hasText: 'Records purged from the trash for good' })).toHaveTextContent('<b>Mia</b> Wong (removed)');
    // A member this device cannot name keeps the id the log holds.
    await expect.element(page.getByRole('row').filter({ hasText: 'role or export right changed' })).toHaveTextContent('member: m-unnamed');
    expect(document.querySelector('locket-audit-log')?.shadowRoot?.querySelector('td b')).toBeNull();
  });

  it('shows the relay\'s part of an erasure on the person\'s entry: receipt, acknowledgements and who has not yet', async () => {
    const made = await createTestServices();
    const hash = 'a'.repeat(64);
    await made.store.audit.append({ type: 'record-erased', by: 'owner', subjects: [{ kind: 'person', idHash: hash }], detail: { person: 1 } });
    const now = made.services.clock.now();
    const asked: string[] = [];
    const relayRetention = {
      relayErasure: async (subject: string) => {
        asked.push(subject);
        return {
          type: 'erased-on-relay' as const, at: now, rowsDeleted: 3, acknowledged: 4, devices: 5,
          pending: [{ device: 'device-laptop-1', label: 'Laptop', lastSeenAt: now - 12 * 24 * 60 * 60 * 1000 }],
        };
      },
      relayRetention: async () => ({ relayKeyChangedSince: null, team: { type: 'active' as const }, heldBack: 0 }),
    };
    await mount('locket-audit-log', { services: { ...made.services, relayRetention } });
    await expect.element(page.getByRole('row').filter({ hasText: 'Person erased for good' }))
      .toHaveTextContent('Erased on the relay; acknowledged by 4 of 5 devices; \'Laptop\' last seen 12 days ago');
    expect(asked).toEqual([hash]);
  });
});
