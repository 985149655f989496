import { describe, expect, it } from 'vitest';
import { plainCodec, type ValueCodec } from '../../../core/codec';
import { createHarness, person } from '../store/harness';

/**
 * forEachBatch reads and decodes the next page while the visitor works on this one, so an
 * export or an index build does not wait for decryption between pages. Seen from outside: the
 * second page is decoded before the first visit ends; every live record is still visited once, in key order.
 */
const watched = (events: string[]): ValueCodec => {
  let decodes = 0;
  return {
    ...plainCodec,
    decodeMany: async (encoded, aads) => {
      decodes += 1;
      events.push(`decode ${decodes}`);
      return plainCodec.decodeMany(encoded, aads);
    },
  };
};

const pause = (ms: number) => new Promise((resolve) => { setTimeout(resolve, ms); });

describe('reading every record in pages', () => {
  it('decodes the next page while the visitor works on this one, and visits each live record once in key order', async () => {
    const events: string[] = [];
    const { store } = await createHarness({}, watched(events));
    await store.insertMany('person', Array.from({ length: 25 }, (_, i) => person(`P${i}`, 'Paged')));

    const seen: string[] = [];
    let visits = 0;
    await store.forEachBatch(10, async (records) => {
      visits += 1;
      const visit = visits;
      seen.push(...records.map((record) => record.id));
      await pause(30);
      events.push(`visit ${visit} done`);
    });

    expect(events.indexOf('decode 2')).toBeLessThan(events.indexOf('visit 1 done'));
    expect(seen).toHaveLength(25);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(25);
  });

  it('stops reading when the visitor throws, and rejects with its error', async () => {
    const { store } = await createHarness();
    await store.insertMany('person', Array.from({ length: 25 }, (_, i) => person(`P${i}`, 'Paged')));
    let visits = 0;

    await expect(store.forEachBatch(10, () => { visits += 1; throw new Error('stop here'); })).rejects.toThrow('stop here');
    expect(visits).toBe(1);
  });
});
