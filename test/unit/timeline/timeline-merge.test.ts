import { describe, expect, it } from 'vitest';
import type { ValueCodec } from '../../../core/codec';
import { changeSource, dependentSource, mergeNewestFirst } from '../../../core/timeline/timeline-merge';
import { buildTimeline, TIMELINE_PAGE_SIZE, type TimelineEntry } from '../../../core/timeline/timeline';
import { countingCodec, createHarness, saved } from '../store/harness';

const MINUTE = 60_000;

const label = (entry: TimelineEntry): string =>
  entry.type === 'field-change' ? `${entry.field}:${String(entry.before)}→${String(entry.after)}` : entry.type === 'note' ? entry.body : entry.type;

/**
 * A deal whose history interleaves notes and milestone changes, a minute apart on the
 * injected clock: note 0, change 1, note 2, change 3... `entries` in all.
 */
const interleaved = async (entries: number, codec?: ValueCodec) => {
  const harness = await createHarness({}, codec);
  const { store, clock } = harness;
  const deal = saved(await store.create('opportunity', { name: 'Rollout', currency: 'EUR', lostReason: 'r0' }));
  for (let i = 0; i < entries; i += 1) {
    clock.advance(MINUTE);
    if (i % 2 === 0) saved(await store.create('note', { body: `note ${i}`, recordId: deal.id }));
    else saved(await store.update(deal.id, 'opportunity', { lostReason: `r${i}` }));
  }
  const merge = async (given?: Awaited<ReturnType<typeof store.linkedTo>>) => mergeNewestFirst([
    dependentSource(deal.id, given ?? await store.linkedTo(deal.id)),
    changeSource((count, before) => store.recentChanges(deal.id, count, before), TIMELINE_PAGE_SIZE),
  ]);
  return { ...harness, deal, merge };
};

describe('a timeline read a screen at a time', () => {
  it('gives the newest entries of every source first, with each change’s earlier value, and the rest on asking', async () => {
    const { store, deal, merge } = await interleaved(130);
    const everything = buildTimeline(deal.id, await store.linkedTo(deal.id), await store.changesFor(deal.id));
    const timeline = await merge();

    const first = await timeline.take(TIMELINE_PAGE_SIZE);
    expect(first.map(label)).toEqual(everything.slice(0, TIMELINE_PAGE_SIZE).map(label));
    expect(first.map(label).slice(0, 3)).toEqual(['lostReason:r127→r129', 'note 128', 'lostReason:r125→r127']);
    expect(timeline.exhausted()).toBe(false);

    const rest = [...await timeline.take(TIMELINE_PAGE_SIZE), ...await timeline.take(TIMELINE_PAGE_SIZE)];
    expect([...first, ...rest].map(label)).toEqual(everything.map(label));
    expect(timeline.exhausted()).toBe(true);
  });

  it('merges sources by time whatever their sizes: a source of old entries waits behind a newer one', async () => {
    const at = (key: string, minute: number): TimelineEntry => ({ type: 'note', key, id: key, at: minute * MINUTE, body: key, sourceUrl: null });
    let reads = 0;
    const chunked = (entries: TimelineEntry[]) => () => {
      reads += 1;
      const chunk = entries.splice(0, 2);
      return Promise.resolve({ entries: chunk, done: entries.length === 0 });
    };
    const timeline = mergeNewestFirst([chunked([at('a9', 9), at('a5', 5), at('a1', 1)]), chunked([at('b8', 8), at('b7', 7), at('b6', 6), at('b2', 2)])]);
    expect((await timeline.take(4)).map((entry) => entry.key)).toEqual(['a9', 'b8', 'b7', 'b6']);
    expect(reads).toBe(3);
    expect((await timeline.take(10)).map((entry) => entry.key)).toEqual(['a5', 'b2', 'a1']);
    expect(timeline.exhausted()).toBe(true);
  });

  it('decodes no more of the change log than one screen and what words it, however long the history', async () => {
    const counting = countingCodec();
    const { store, deal, merge } = await interleaved(600, counting.codec);
    const linked = await store.linkedTo(deal.id);
    counting.reset();

    const first = await (await merge(linked)).take(TIMELINE_PAGE_SIZE);

    expect(first).toHaveLength(TIMELINE_PAGE_SIZE);
    // One page of sets plus the one older set holding the changed field's earlier value; reading
    // the whole history, as the timeline did, decoded all 301 sets.
    expect(counting.decoded()).toBeLessThanOrEqual(TIMELINE_PAGE_SIZE + 1);
    counting.reset();
    await store.changesFor(deal.id);
    expect(counting.decoded()).toBe(301);
  });
});
