import { describe, expect, it } from 'vitest';
import type { RecordId } from '../../../core/records/types';
import { createLastContactedMap } from '../../../core/timeline/last-contacted';
import { createContactsApi } from '../../../worker/contacts-api';
import { createHarness, person, saved } from '../store/harness';

const DAY = 86_400_000;

describe('last contacted of a few records, through their links', () => {
  it('gives the full pass’s answer for every record, reading only what links to the ones asked', async () => {
    const { store, clock } = await createHarness();
    const acme = saved(await store.create('organisation', { name: 'Acme' }));
    const quiet = saved(await store.create('organisation', { name: 'Quiet Ltd' }));
    const anna = saved(await store.create('person', person('Anna', 'Schmidt', { organisationId: acme.id })));
    const bob = saved(await store.create('person', person('Bob', 'Byte', { organisationId: acme.id })));
    const cleo = saved(await store.create('person', person('Cleo', 'Nobody')));
    const annasDeal = saved(await store.create('opportunity', { name: 'Renewal', partyId: anna.id }));
    const acmeCase = saved(await store.create('case', { name: 'Roof', partyId: acme.id }));
    const at = (days: number) => clock.now() + days * DAY;
    // Each contact sits at a different depth below Acme; the latest is on Anna's deal.
    saved(await store.create('activity', { type: 'call', recordId: bob.id, occurredAt: at(1) }));
    saved(await store.create('activity', { type: 'email', recordId: acmeCase.id, occurredAt: at(2) }));
    saved(await store.create('activity', { type: 'meeting', recordId: annasDeal.id, occurredAt: at(3) }));
    const done = saved(await store.create('task', { description: 'Send terms', recordId: anna.id }));
    saved(await store.update(done.id, 'task', { doneAt: at(4) }));
    const trashed = saved(await store.create('activity', { type: 'call', recordId: cleo.id, occurredAt: at(9) }));
    await store.remove(trashed.id);
    saved(await store.create('note', { recordId: quiet.id, body: 'A note is no contact' }));
    saved(await store.create('task', { description: 'Open task', recordId: quiet.id }));

    const everything = createLastContactedMap();
    await store.forEachBatch(1000, (records) => { records.forEach((record) => everything.visit(record)); });
    const fullPass = everything.result();

    let batchReads = 0;
    const counted = { ...store, forEachBatch: (...args: Parameters<typeof store.forEachBatch>) => { batchReads++; return store.forEachBatch(...args); } };
    const api = createContactsApi({ store: counted, clock });
    const ids: RecordId[] = [acme.id, quiet.id, anna.id, bob.id, cleo.id, annasDeal.id, acmeCase.id];
    const answer = await api.lastContactedOf(ids);
    expect(answer).toEqual(Object.fromEntries(ids.flatMap((id) => (fullPass.has(id) ? [[id, fullPass.get(id)]] : []))));
    expect(answer[acme.id]).toBe(at(4));
    expect(answer[anna.id]).toBe(at(4));
    expect(answer[bob.id]).toBe(at(1));
    expect(answer[acmeCase.id]).toBe(at(2));
    expect(answer).not.toHaveProperty(cleo.id);
    expect(answer).not.toHaveProperty(quiet.id);
    expect(batchReads).toBe(0);
  });
});
