import { describe, expect, it } from 'vitest';
import { createHarness, person, saved, type Harness } from '../store/harness';

/** Creates people one minute apart, oldest first. */
const createPeople = async ({ store, clock }: Harness, names: readonly string[]) => {
  const created = [];
  for (const name of names) {
    created.push(saved(await store.create('person', person(name, 'Test'))));
    clock.advance(60_000);
  }
  return created;
};

const firstNames = (records: readonly { fields: object }[]) =>
  records.map((record) => Reflect.get(record.fields, 'firstName'));

describe('store reads', () => {
  it('pages a kind newest first, honours offset and limit, and counts only that kind', async () => {
    const harness = await createHarness();
    const { store } = harness;
    await createPeople(harness, ['A', 'B', 'C', 'D', 'E']);
    saved(await store.create('organisation', { name: 'Acme' }));

    expect(firstNames(await store.page('person', 0, 2))).toEqual(['E', 'D']);
    expect(firstNames(await store.page('person', 2, 2))).toEqual(['C', 'B']);
    expect(firstNames(await store.page('person', 4, 2))).toEqual(['A']);
    expect(await store.page('person', 5, 2)).toEqual([]);
    expect(await store.page('person', 0, 0)).toEqual([]);
    expect(await store.count('person')).toBe(5);
    expect(await store.count('organisation')).toBe(1);
    expect(await store.count('case')).toBe(0);
  });

  it('puts a record that was just edited at the top of its list', async () => {
    const harness = await createHarness();
    const [a] = await createPeople(harness, ['A', 'B', 'C']);
    saved(await harness.store.update(a!.id, 'person', { jobTitle: 'Engineer' }));

    expect(firstNames(await harness.store.page('person', 0, 3))).toEqual(['A', 'C', 'B']);
  });

  it('finds what links to an organisation and to a person, live records only', async () => {
    const { store } = await createHarness();
    const acme = saved(await store.create('organisation', { name: 'Acme' }));
    const other = saved(await store.create('organisation', { name: 'Other' }));
    const ada = saved(await store.create('person', person('Ada', 'L', { organisationId: acme.id })));
    const bob = saved(await store.create('person', person('Bob', 'M', { organisationId: other.id })));
    const acmeCase = saved(await store.create('case', { name: 'Onboarding', partyId: acme.id }));
    const deal = saved(await store.create('opportunity', { name: 'Licence', partyId: acme.id, value: 100, currency: 'EUR' }));
    const acmeNote = saved(await store.create('note', { body: 'Call back', recordId: acme.id }));
    const adaNote = saved(await store.create('note', { body: 'Likes tea', recordId: ada.id }));
    const adaCase = saved(await store.create('case', { name: 'Support', partyId: ada.id }));
    const gone = saved(await store.create('case', { name: 'Gone', partyId: acme.id }));
    await store.remove(gone.id);

    const ids = async (id: string) => (await store.linkedTo(id)).map((r) => r.id).sort();
    expect(await ids(acme.id)).toEqual([ada.id, acmeCase.id, deal.id, acmeNote.id].sort());
    expect(await ids(ada.id)).toEqual([adaNote.id, adaCase.id].sort());
    expect(await ids(other.id)).toEqual([bob.id]);
    expect(await ids(adaNote.id)).toEqual([]);
  });

  it('lists the most recently touched records across the listed kinds, notes left out', async () => {
    const { store, clock } = await createHarness();
    const made = [];
    for (const [kind, input] of [
      ['person', person('Ada', 'L')],
      ['organisation', { name: 'Acme' }],
      ['case', { name: 'Onboarding' }],
      ['opportunity', { name: 'Licence' }],
      ['person', person('Bob', 'M')],
    ] as const) {
      made.push(saved(await store.create(kind, input)));
      clock.advance(1_000);
    }
    saved(await store.create('note', { body: 'newest of all', recordId: made[0]!.id }));

    expect((await store.recent(3)).map((r) => r.id)).toEqual([made[4]!.id, made[3]!.id, made[2]!.id]);
    expect(await store.recent(50)).toHaveLength(5);
  });

  it('reads many by id in the order asked, leaving out unknown ids', async () => {
    const harness = await createHarness();
    const [a, b, c] = await createPeople(harness, ['A', 'B', 'C']);
    const found = await harness.store.getMany([c!.id, 'missing', a!.id, b!.id]);
    expect(found.map((r) => r.id)).toEqual([c!.id, a!.id, b!.id]);
  });

  it('visits every live record once, in batches no larger than asked', async () => {
    const harness = await createHarness();
    const people = await createPeople(harness, Array.from({ length: 25 }, (_, i) => `P${i}`));
    for (const trashed of people.slice(0, 3)) await harness.store.remove(trashed.id);

    const batches: number[] = [];
    const seen: string[] = [];
    await harness.store.forEachBatch(10, (records) => {
      batches.push(records.length);
      seen.push(...records.map((r) => r.id));
    });

    expect(batches.every((size) => size <= 10)).toBe(true);
    expect(seen.sort()).toEqual(people.slice(3).map((p) => p.id).sort());
  });

  it('reports a stored body that fails validation instead of returning it', async () => {
    const { store, db } = await createHarness();
    const acme = saved(await store.create('organisation', { name: 'Acme' }));
    const row = await db.get('records', acme.id);
    await db.put('records', { ...row!, body: { codec: 'plain', value: { name: 42 } } });

    await expect(store.get(acme.id)).rejects.toThrow(acme.id);
    await expect(store.page('organisation', 0, 10)).rejects.toThrow(acme.id);
  });
});
