import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchWeight, topK } from '../../../worker/search-ranking';

describe('search ranking', () => {
  it('picks the same best entries, in the same order, as sorting everything would', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 200 }),
      fc.integer({ min: 0, max: 30 }),
      (scores, limit) => {
        const slots = scores.map((_, slot) => slot);
        const score = (slot: number): number => scores[slot] ?? 0;
        const bySlot = (a: number, b: number): number => a - b;
        const expected = [...slots].sort((a, b) => score(b) - score(a) || bySlot(a, b)).slice(0, limit);
        expect(topK(slots, limit, score, bySlot)).toEqual(expected);
      },
    ));
  });

  it('values the exact word over a completion, and a short completion over a long one', () => {
    expect(matchWeight('ann', 'ann')).toBeGreaterThan(matchWeight('ann', 'anna'));
    expect(matchWeight('ann', 'anna')).toBeGreaterThan(matchWeight('ann', 'annabel'));
  });
});
