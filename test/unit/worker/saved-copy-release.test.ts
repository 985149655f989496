import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createFilterColumns } from '../../../worker/filters/filter-columns';
import { createSearchIndex } from '../../../worker/search-index';
import { aCase, anOrganisation, aPerson, titles } from './harness';

// A collection on demand, so a test can see what a loaded index still holds.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const records = [aPerson('Annabel', 'Lee', { tags: ['vip'] }), anOrganisation('Acme Ltd', { tags: ['supplier'] }), aCase('Annex renovation')];

/** A parsed saved copy, loaded; only a weak hold on the copy is kept here. */
const loadFromCopy = <T>(saved: object, load: (copy: never) => T): { readonly loaded: T; readonly copy: WeakRef<object> } => {
  const parsed = JSON.parse(JSON.stringify(saved)) as object;
  return { loaded: load(parsed as never), copy: new WeakRef(parsed) };
};

/** Lets the weak references made in this task go, then collects. */
const collected = async (): Promise<void> => {
  await new Promise((resolve) => { setTimeout(resolve, 0); });
  collect();
};

// The saved copy at 100k is 40 MB of JSON: kept alongside the index, it doubled the search worker's heap.
describe('loading from a saved copy', () => {
  it('the search index keeps nothing of the parsed copy it was loaded from', async () => {
    const built = createSearchIndex();
    built.upsertMany(records);
    const { loaded, copy } = loadFromCopy(built.toJSON(), createSearchIndex);
    await collected();
    expect(copy.deref()).toBeUndefined();
    expect(titles(loaded.search('ann'))).toEqual(expect.arrayContaining(['Annabel Lee', 'Annex renovation']));
  });

  it('the filter columns keep nothing of the parsed copy they were loaded from', async () => {
    const built = createFilterColumns();
    built.upsertMany(records);
    const { loaded, copy } = loadFromCopy(built.toJSON(), createFilterColumns);
    await collected();
    expect(copy.deref()).toBeUndefined();
    expect([...loaded.ofKind('organisation')].map((held) => held.kind === 'organisation' && held.fields.name)).toEqual(['Acme Ltd']);
  });
});
