import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictedFieldsOf, joinRows, mergeItem, rowOfItem, type MergeItem, type MergeOutcome } from '../../../core/replica/merge';
import { formatHlc } from '../../../core/hlc';

const hlc = (wallMs: number, counter: number, node: string): string => formatHlc({ wallMs, counter, nodeId: node });

const TAGS = ['vip', 'lead', 'press', 'board'];

/** Items of one person record from up to three devices, each with a unique set id. */
const personItem = fc.record({
  wall: fc.integer({ min: 1, max: 50 }),
  counter: fc.integer({ min: 0, max: 3 }),
  node: fc.constantFrom('a', 'b', 'c'),
  op: fc.constantFrom('create', 'update', 'update', 'delete', 'restore', 'purge'),
  jobTitle: fc.constantFrom('Analyst', 'Engineer', 'Chief'),
  firstName: fc.constantFrom('Ada', 'Bert'),
  tags: fc.subarray(TAGS),
  tagsRemoved: fc.subarray(TAGS),
  touch: fc.subarray(['jobTitle', 'firstName', 'tags'], { minLength: 1 }),
}).map(({ wall, counter, node, op, jobTitle, firstName, tags, tagsRemoved, touch }): MergeItem => {
  const setId = hlc(wall, counter, node);
  // The signer of the set: credited with the fields it writes.
  const by = `device-${node}`;
  const all = { jobTitle, firstName, tags };
  if (op === 'delete') return { setId, by, kind: 'person', op, changed: ['deletedAt'], values: { deletedAt: wall } };
  if (op === 'restore') return { setId, by, kind: 'person', op, changed: ['deletedAt'], values: { deletedAt: null } };
  if (op === 'purge') return { setId, by, kind: 'person', op, changed: [], values: {} };
  const changed = op === 'create' ? Object.keys(all) : touch;
  const values = Object.fromEntries(changed.map((field) => [field, all[field as keyof typeof all]]));
  const removed = tagsRemoved.filter((tag) => !tags.includes(tag));
  return { setId, by, kind: 'person', op, changed, values, ...(op === 'update' && changed.includes('tags') ? { tagsAdded: tags, tagsRemoved: removed } : {}) };
});

const noteItem = fc.record({
  wall: fc.integer({ min: 1, max: 50 }),
  node: fc.constantFrom('a', 'b'),
  body: fc.constantFrom('tea', 'coffee', 'water'),
  basisWall: fc.integer({ min: 0, max: 50 }),
}).map(({ wall, node, body, basisWall }): MergeItem => ({
  setId: hlc(wall, 0, node), kind: 'note', op: 'update', changed: ['body'], values: { body },
  basis: { body: basisWall === 0 ? '' : hlc(Math.min(basisWall, wall - 1 < 0 ? 0 : wall - 1), 0, node) },
}));

/** Items with unique set ids: one set id is one set, so it never says two different things. */
const uniqueItems = (item: fc.Arbitrary<MergeItem>) => fc.uniqueArray(item, { selector: (each) => each.setId, minLength: 1, maxLength: 8 });

const fold = (items: readonly MergeItem[], start?: MergeOutcome): MergeOutcome | undefined =>
  items.reduce<MergeOutcome | undefined>((state, item) => mergeItem(state, item), start);

const withConflicts = (outcome: MergeOutcome | undefined) =>
  (outcome?.type === 'row' ? { ...outcome, conflicted: conflictedFieldsOf(outcome.row) } : outcome);

describe('merge', () => {
  it('ends in the same record whatever order the items arrive in (commutative)', () => {
    for (const items of [uniqueItems(personItem), uniqueItems(noteItem)]) {
      fc.assert(fc.property(items, fc.func(fc.integer()), (list, rank) => {
        const shuffled = [...list].sort((x, y) => rank(x.setId) - rank(y.setId));
        expect(withConflicts(fold(shuffled))).toEqual(withConflicts(fold(list)));
      }), { numRuns: 300 });
    }
  });

  it('changes nothing when items are applied again (idempotent)', () => {
    fc.assert(fc.property(uniqueItems(personItem), fc.array(fc.nat()), (list, repeats) => {
      const again = [...list, ...repeats.map((index) => list[index % list.length]!)];
      expect(fold(again)).toEqual(fold(list));
    }), { numRuns: 300 });
  });

  it('joins rows associatively, so devices may merge partial histories first', () => {
    const live = personItem.filter((item) => item.op !== 'purge');
    fc.assert(fc.property(live, live, live, (x, y, z) => {
      const [a, b, c] = [rowOfItem(x), rowOfItem(y), rowOfItem(z)];
      expect(joinRows(joinRows(a, b), c)).toEqual(joinRows(a, joinRows(b, c)));
    }), { numRuns: 300 });
  });

  it('credits the create\'s signer as creator and the latest field write\'s as last changer, whatever the order; a trash changes neither', () => {
    const create: MergeItem = { setId: hlc(1, 0, 'a'), by: 'device-a', kind: 'person', op: 'create', changed: ['firstName'], values: { firstName: 'Ada' } };
    const edit: MergeItem = { setId: hlc(3, 0, 'b'), by: 'device-b', kind: 'person', op: 'update', changed: ['jobTitle'], values: { jobTitle: 'Analyst' } };
    const older: MergeItem = { setId: hlc(2, 0, 'c'), by: 'device-c', kind: 'person', op: 'update', changed: ['lastName'], values: { lastName: 'King' } };
    const trash: MergeItem = { setId: hlc(4, 0, 'c'), by: 'device-c', kind: 'person', op: 'delete', changed: ['deletedAt'], values: { deletedAt: 4 } };
    const expected = { created: { by: 'device-a', clock: create.setId }, changed: { by: 'device-b', clock: edit.setId } };
    for (const order of [[create, edit, older, trash], [trash, older, edit, create], [edit, create, trash, older]]) {
      const outcome = fold(order);
      expect(outcome?.type === 'row' && outcome.row.attribution).toEqual(expected);
    }
  });

  it('keeps tags added concurrently on two devices, and a removal only of what its writer saw', () => {
    const create: MergeItem = { setId: hlc(1, 0, 'a'), kind: 'person', op: 'create', changed: ['tags'], values: { tags: ['vip'] } };
    const onA: MergeItem = { setId: hlc(2, 0, 'a'), kind: 'person', op: 'update', changed: ['tags'], values: { tags: ['lead'] }, tagsAdded: ['lead'], tagsRemoved: ['vip'] };
    const onB: MergeItem = { setId: hlc(2, 0, 'b'), kind: 'person', op: 'update', changed: ['tags'], values: { tags: ['vip', 'press'] }, tagsAdded: ['press'], tagsRemoved: [] };
    const result = fold([create, onB, onA]);
    expect(result?.type === 'row' && result.row.fields.tags).toEqual(['lead', 'press']);
    expect(fold([create, onA, onB])).toEqual(result);
  });

  it('flags a note text edited on two devices, and not one edited after the other', () => {
    const create: MergeItem = { setId: hlc(1, 0, 'a'), kind: 'note', op: 'create', changed: ['body'], values: { body: 'tea' } };
    const onA: MergeItem = { setId: hlc(2, 0, 'a'), kind: 'note', op: 'update', changed: ['body'], values: { body: 'coffee' }, basis: { body: create.setId } };
    const onB: MergeItem = { setId: hlc(3, 0, 'b'), kind: 'note', op: 'update', changed: ['body'], values: { body: 'water' }, basis: { body: create.setId } };
    const afterA: MergeItem = { ...onB, basis: { body: onA.setId } };
    const concurrent = fold([create, onA, onB]);
    expect(concurrent?.type === 'row' && [concurrent.row.fields.body, conflictedFieldsOf(concurrent.row)]).toEqual(['water', ['body']]);
    const sequential = fold([create, onA, afterA]);
    expect(sequential?.type === 'row' && [sequential.row.fields.body, conflictedFieldsOf(sequential.row)]).toEqual(['water', []]);
  });

  it('keeps an edit made elsewhere to a trashed record, shown once it is restored', () => {
    const create: MergeItem = { setId: hlc(1, 0, 'a'), kind: 'person', op: 'create', changed: ['jobTitle'], values: { jobTitle: 'Analyst' } };
    const trash: MergeItem = { setId: hlc(2, 0, 'a'), kind: 'person', op: 'delete', changed: ['deletedAt'], values: { deletedAt: 2 } };
    const edit: MergeItem = { setId: hlc(3, 0, 'b'), kind: 'person', op: 'update', changed: ['jobTitle'], values: { jobTitle: 'Chief' } };
    const restore: MergeItem = { setId: hlc(4, 0, 'a'), kind: 'person', op: 'restore', changed: ['deletedAt'], values: { deletedAt: null } };
    const trashed = fold([create, trash, edit]);
    expect(trashed?.type === 'row' && [trashed.row.deletedAt, trashed.row.fields.jobTitle]).toEqual([2, 'Chief']);
    const back = fold([restore], trashed);
    expect(back?.type === 'row' && [back.row.deletedAt, back.row.fields.jobTitle]).toEqual([null, 'Chief']);
  });

  it('never brings a purged record back, whatever arrives after', () => {
    const purge: MergeItem = { setId: hlc(1, 0, 'a'), kind: 'person', op: 'purge', changed: [], values: {} };
    const create: MergeItem = { setId: hlc(9, 0, 'b'), kind: 'person', op: 'create', changed: ['jobTitle'], values: { jobTitle: 'Chief' } };
    expect(fold([purge, create])).toEqual({ type: 'terminal', op: 'purge', setId: purge.setId });
  });
});
