import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../core/filters/match';
import { SORT_COLUMNS, type Condition, type Filter, type Sort } from '../../../core/filters/filter-schema';
import { sortKeyOf } from '../../../core/filters/sort';
import { LISTED_KINDS, MILESTONES, type LocketRecord } from '../../../core/records/types';
import { emptyFields } from '../../../core/records/validate';
import { isCancelled } from '../../../worker/contract';
import { filterCacheContract, filterContract, NOT_READY, type FilteredList, type NotReady } from '../../../worker/contracts/filters';
import { validated } from '../../../worker/host';
import { createFilterApi, FIRST_MATCHES } from '../../../worker/filters/filter-api';
import { createFilterCacheApi } from '../../../worker/filters/filter-cache-api';
import { createFilterColumns, type FilterColumns, type FilterColumnsJson } from '../../../worker/filters/filter-columns';
import { columnsTake } from '../../../worker/filters/contacted-columns';
import { createLastContactedMap } from '../../../core/timeline/last-contacted';
import { routeFilters } from '../../../worker/filters/filter-route';
import { createHarness, saved } from '../store/harness';
import { heldCopies } from './held';
import { DAY, NOW, opportunity, person } from './records';

const ids = (result: FilteredList | NotReady | { type: 'cancelled' }): readonly string[] => {
  if (isCancelled(result) || !('ids' in result)) throw new Error(`Expected a list, not ${JSON.stringify(result)}`);
  return result.ids;
};
const ignore = (): void => undefined;

/** Every operator of every field, as the filter bar offers them. */
const CONDITIONS: readonly Condition[] = [
  { field: 'tag', op: 'has', tag: 'customer' }, { field: 'tag', op: 'has-not', tag: 'Customer' },
  { field: 'city', op: 'is', text: 'leeds' }, { field: 'city', op: 'contains', text: 'Lee' }, { field: 'country', op: 'contains', text: 'kingdom' },
  { field: 'owner', op: 'is', text: 'olive' }, { field: 'owner', op: 'contains', text: 'Oli' },
  { field: 'created', op: 'before', date: '2025-01-15' }, { field: 'created', op: 'after', date: '2025-01-14' },
  { field: 'updated', op: 'within-days', days: 3 }, { field: 'updated', op: 'older-than-days', days: 3 }, { field: 'created', op: 'this-week' },
  { field: 'consent-date', op: 'before', date: '2023-02-01' }, { field: 'consent-date', op: 'older-than-days', days: 30 },
  { field: 'close-date', op: 'after', date: '2026-07-01' }, { field: 'last-activity', op: 'within-days', days: 2 },
  { field: 'lawful-basis', op: 'is', basis: 'consent' }, { field: 'milestone', op: 'is', milestone: 'proposal' },
  { field: 'status', op: 'is', status: 'open' }, { field: 'status', op: 'is', status: 'closed' },
  { field: 'value', op: 'at-least', amount: 1000 }, { field: 'value', op: 'at-most', amount: 1000 }, { field: 'import', op: 'last' },
  { field: 'custom', name: 'region', op: 'equals', text: 'north' }, { field: 'custom', name: 'Region', op: 'contains', text: 'or' },
  { field: 'custom', name: 'seats', op: 'at-least', amount: 10 }, { field: 'custom', name: 'Renewal', op: 'before', date: '2026-01-01' },
];

/** Every operator on last activity: last contacted (conversations, done tasks, through links), else the record's own last change. */
const LAST_ACTIVITY: readonly Condition[] = [
  { field: 'last-activity', op: 'before', date: '2025-01-20' }, { field: 'last-activity', op: 'after', date: '2025-01-20' },
  { field: 'last-activity', op: 'within-days', days: 5 }, { field: 'last-activity', op: 'older-than-days', days: 5 },
  { field: 'last-activity', op: 'this-week' },
];

/** A store with every listed kind and a spread of the values the conditions above ask about. */
const seeded = async () => {
  const harness = await createHarness();
  const { store, clock } = harness;
  const blank = <K extends 'person' | 'organisation' | 'case' | 'opportunity'>(kind: K) => emptyFields(kind, { owner: '', currency: 'EUR' });
  const acme = saved(await store.create('organisation', { ...blank('organisation'), name: 'Acme', tags: ['Customer'], addresses: ['1 Row, Leeds, United Kingdom'], owner: 'Olive' }));
  const zeta = saved(await store.create('organisation', { ...blank('organisation'), name: 'zeta', domain: 'zeta.example', customFields: [{ name: 'Region', value: 'North' }] }));
  const gone = saved(await store.create('organisation', { ...blank('organisation'), name: 'Gone Ltd' }));
  for (let i = 0; i < 80; i++) {
    clock.advance(DAY / 8);
    saved(await store.create('person', {
      ...blank('person'), firstName: i % 7 === 0 ? '' : `P${i % 13}`, lastName: `L${i % 5}`, emails: i % 7 === 0 ? [`p${i}@example.com`] : [],
      tags: i % 3 === 0 ? ['customer'] : i % 3 === 1 ? [' Customer ', 'VIP'] : [], addresses: i % 4 === 0 ? ['Leeds, United Kingdom'] : ['York'],
      organisationId: [acme.id, zeta.id, gone.id, null][i % 4] ?? null, owner: i % 2 === 0 ? 'Olive Owner' : 'olive',
      consent: i % 5 === 0 ? { basis: 'consent', date: `2023-0${1 + (i % 3)}-15`, source: 'form' } : null,
      customFields: i % 6 === 0 ? [{ name: 'Seats', value: String(i) }, { name: 'renewal', value: '2025-12-01' }] : [],
    }));
  }
  for (let i = 0; i < 12; i++) {
    saved(await store.create('opportunity', {
      ...blank('opportunity'), name: `Deal ${i % 4}`, partyId: [acme.id, gone.id, null][i % 3] ?? null, value: i % 4 === 0 ? null : i * 300,
      milestone: [...MILESTONES, 'custom-step'][i % 6] ?? 'new', expectedCloseDate: i % 2 === 0 ? `2026-0${1 + (i % 9)}-01` : null,
      status: (['open', 'won', 'lost'] as const)[i % 3], owner: 'Olive',
    }));
    saved(await store.create('case', { ...blank('case'), name: `Case ${i % 5}`, partyId: i % 2 === 0 ? acme.id : null, status: i % 2 === 0 ? 'open' : 'closed' }));
  }
  // An organisation in the trash: its people still sort by its name, the scan reads it by id.
  await store.remove(gone.id);
  const people = [...await store.page('person', 0, 200)];
  const cases = [...await store.page('case', 0, 200)];
  // Contacts before the columns are built: the build's pass reads them.
  for (const [at, record] of people.slice(0, 10).entries()) {
    saved(await store.create('activity', { type: 'call', recordId: record.id, occurredAt: clock.now() - at * DAY }));
  }
  const columns = createFilterColumns();
  const contacts = createLastContactedMap();
  await store.forEachBatch(100, (records) => { columns.upsertMany(records); for (const record of records) contacts.visit(record); });
  for (const [id, at] of contacts.result()) columns.setLastContacted(id, at);
  return { ...harness, columns, people, cases, acme, zeta };
};

/** What the search worker does with a change it reads from the log: the columns take the records changed. */
const take = async (harness: Awaited<ReturnType<typeof seeded>>, ids: readonly string[]) =>
  columnsTake(harness.columns, harness.store, await harness.store.getMany(ids), []);

describe('filtering from the search worker’s columns', () => {
  it('answers every operator on every kind, and every sort, with the scan’s list', async () => {
    const { store, db, clock, columns } = await seeded();
    const scan = createFilterApi({ store, db, clock });
    const cached = createFilterCacheApi({ store, db, clock, currentColumns: async () => columns });
    const newest: Sort = { column: 'updated', direction: 'desc' };
    for (const kind of LISTED_KINDS) {
      for (const condition of CONDITIONS) {
        const filter: Filter = { conditions: [condition] };
        expect(ids(await cached.filterCached(kind, filter, newest, ignore)), `${kind} ${JSON.stringify(condition)}`)
          .toEqual(ids(await scan.filterList(kind, filter, newest, ignore)));
      }
      for (const column of SORT_COLUMNS) {
        for (const direction of ['asc', 'desc'] as const) {
          const filter: Filter = { conditions: [{ field: 'tag', op: 'has-not', tag: 'vip' }] };
          expect(ids(await cached.filterCached(kind, filter, { column, direction }, ignore)), `${kind} by ${column} ${direction}`)
            .toEqual(ids(await scan.filterList(kind, filter, { column, direction }, ignore)));
        }
      }
    }
  });

  it('answers every last-activity operator from the columns as the scan’s pass does, kept current as contacts come, move and go', async () => {
    const harness = await seeded();
    const { store, db, clock, columns, people, cases, acme, zeta } = harness;
    const scan = createFilterApi({ store, db, clock });
    let passes = 0;
    const counting = { ...store, forEachBatch: (...args: Parameters<typeof store.forEachBatch>) => { passes += 1; return store.forEachBatch(...args); } };
    const cached = createFilterCacheApi({ store: counting, db, clock, currentColumns: async () => columns });
    const bothAgree = async (step: string) => {
      for (const kind of LISTED_KINDS) {
        for (const condition of LAST_ACTIVITY) {
          for (const sort of [{ column: 'updated', direction: 'desc' }, { column: 'name', direction: 'asc' }] as const) {
            const filter: Filter = { conditions: [condition] };
            expect(ids(await cached.filterCached(kind, filter, sort, ignore)), `${step}: ${kind} ${JSON.stringify(condition)} by ${sort.column}`)
              .toEqual(ids(await scan.filterList(kind, filter, sort, ignore)));
          }
        }
      }
    };
    await bothAgree('built');
    clock.advance(3 * DAY);
    const [first, second, third] = people;
    const [someCase] = cases;
    if (!first || !second || !third || !someCase) throw new Error('seeded records expected');
    // A call with a person (counts for their organisation), a done task on a case (for its party), a meeting with zeta.
    const call = saved(await store.create('activity', { type: 'call', recordId: third.id, occurredAt: clock.now() }));
    const task = saved(await store.create('task', { description: 'Send the offer', recordId: someCase.id, doneAt: clock.now() - DAY }));
    const meeting = saved(await store.create('activity', { type: 'meeting', recordId: zeta.id, occurredAt: clock.now() - 2 * DAY }));
    await take(harness, [call.id, task.id, meeting.id]);
    await bothAgree('contacts logged');
    // The called person moves to another organisation: the old one's last contact drops, the new one's rises.
    saved(await store.update(third.id, 'person', { organisationId: third.kind === 'person' && third.fields.organisationId === acme.id ? zeta.id : acme.id }));
    // The task is opened again and the meeting trashed: neither counts any more.
    saved(await store.update(task.id, 'task', { doneAt: null }));
    await store.remove(meeting.id);
    // A person trashed: their calls no longer count for their organisation.
    await store.remove(first.id);
    await take(harness, [third.id, task.id, meeting.id, first.id]);
    await bothAgree('moved, reopened, trashed');
    // The call was logged on the wrong person: moved to another, the first one's last contact drops with it.
    saved(await store.update(call.id, 'activity', { recordId: second.id }));
    await take(harness, [call.id]);
    await bothAgree('call moved to another person');
    // Saved and loaded, the columns still know where each contact was, and follow the next move.
    const loaded = { ...harness, columns: createFilterColumns(JSON.parse(JSON.stringify(harness.columns.toJSON())) as FilterColumnsJson) };
    const fromLoaded = createFilterCacheApi({ store: counting, db, clock, currentColumns: async () => loaded.columns });
    saved(await store.update(call.id, 'activity', { recordId: third.id }));
    await take(loaded, [call.id]);
    for (const condition of LAST_ACTIVITY) {
      const filter: Filter = { conditions: [condition] };
      expect(ids(await fromLoaded.filterCached('person', filter, { column: 'updated', direction: 'desc' }, ignore)), `loaded: ${JSON.stringify(condition)}`)
        .toEqual(ids(await scan.filterList('person', filter, { column: 'updated', direction: 'desc' }, ignore)));
    }
    expect(passes).toBe(0);
  });

  it('hands over the true first page before the whole list', async () => {
    const { store, db, clock, columns } = await seeded();
    const cached = createFilterCacheApi({ store, db, clock, currentColumns: async () => columns });
    const first: (readonly string[])[] = [];
    const all = ids(await cached.filterCached('person', { conditions: [] }, { column: 'name', direction: 'asc' }, (page) => { first.push(page); }));
    expect(all.length).toBeGreaterThan(FIRST_MATCHES);
    expect(first).toEqual([all.slice(0, FIRST_MATCHES)]);
  });

  it('answers not-ready while the columns are not, and the page then gets the scan’s list', async () => {
    const { store, db, clock } = await seeded();
    const scan = createFilterApi({ store, db, clock });
    const cached = createFilterCacheApi({ store, db, clock, currentColumns: async () => null });
    const filter: Filter = { conditions: [{ field: 'tag', op: 'has', tag: 'customer' }] };
    const newest: Sort = { column: 'updated', direction: 'desc' };
    expect(await cached.filterCached('person', filter, newest, ignore)).toEqual(NOT_READY);
    const routed = routeFilters(validated(filterCacheContract, cached), validated(filterContract, scan));
    const listed = ids(await routed.filterList('person', filter, newest, ignore));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toEqual(ids(await scan.filterList('person', filter, newest, ignore)));
  });

  it('lets go of a record trashed or purged, and of nothing else', async () => {
    const { store, columns } = await seeded();
    const [first] = columns.ofKind('person');
    if (!first) throw new Error('seeded people expected');
    const before = columns.size();
    await store.remove(first.id);
    columns.upsertMany(await store.getMany([first.id]));
    expect(columns.has(first.id)).toBe(false);
    expect(columns.size()).toBe(before - 1);
    expect(JSON.stringify((columns as FilterColumns).toJSON())).not.toContain(first.id);
  });
});

const text = fc.constantFrom('', 'Leeds', ' leeds ', 'York, United Kingdom', 'customer', 'Customer', 'VIP', 'Olive', 'north', '12', '1,200', '2026-05-01', 'Ünïcode');
const recordArb: fc.Arbitrary<LocketRecord> = fc.oneof(
  fc.record({
    firstName: text, lastName: text, emails: fc.array(text, { maxLength: 2 }), addresses: fc.array(text, { maxLength: 2 }),
    tags: fc.array(text, { maxLength: 3 }), owner: text, organisationId: fc.constantFrom(null, 'org-1'),
    customFields: fc.array(fc.record({ name: fc.constantFrom('Region', 'seats', 'renewal'), value: text }), { maxLength: 3 }),
    consent: fc.option(fc.record({ basis: fc.constantFrom('consent' as const, 'contract' as const), date: fc.constantFrom('2023-01-15', '2026-06-09'), source: text }), { nil: null }),
    updatedAt: fc.integer({ min: NOW - 40 * DAY, max: NOW }),
  }).map(({ updatedAt, ...fields }) => person(fields, { updatedAt, createdAt: updatedAt - DAY })),
  fc.record({
    name: text, value: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }), milestone: fc.constantFrom('new', 'proposal', 'own-step'),
    status: fc.constantFrom('open' as const, 'won' as const), expectedCloseDate: fc.constantFrom(null, '2026-07-01'), owner: text, partyId: fc.constantFrom(null, 'org-1'),
  }).map((fields) => opportunity(fields)),
);
const conditionArb = fc.constantFrom(...CONDITIONS);

describe('the columns’ copy of a record (property)', () => {
  it('matches every filter and keys every sort as the record does, held and loaded from a saved copy', () => {
    fc.assert(fc.property(recordArb, fc.array(conditionArb, { maxLength: 3 }), (record, conditions) => {
      const compiled = compileFilter({ conditions }, { now: NOW, lastImportIds: new Set([record.id]) });
      const names = (id: string) => (id === 'org-1' ? 'Acme' : undefined);
      for (const copy of heldCopies(record)) {
        expect(compiled.matches(copy)).toBe(compiled.matches(record));
        for (const column of SORT_COLUMNS) expect(sortKeyOf(copy, column, names)).toEqual(sortKeyOf(record, column, names));
      }
    }), { numRuns: 300 });
  });
});
