import { describe, expect, it } from 'vitest';
import {
  derivePurposeKey, FIRST_EPOCH, ITEM_KEY_INFO, itemAad, newSyncKey, openItemValue, sealItemValue, type ItemPlace,
} from '../../../core/sync/item-crypto';
import { padJson, padmeLength, unpadJson } from '../../../core/sync/padme';

const place: ItemPlace = {
  team: 'T'.repeat(22), setId: '1767225600000-00001-node', index: 0, recordId: 'rec-1', kind: 'person', op: 'update', epoch: FIRST_EPOCH,
};

describe('PADMÉ padding', () => {
  it('matches the published lengths and never grows a value by more than 12 %', () => {
    // Values from the PADMÉ definition: 9→10, 100→104, 1000→1024, 1025→1088, 65537→67584.
    expect([0, 1, 2, 9, 100, 1000, 1023, 1025, 65537].map(padmeLength)).toEqual([0, 1, 2, 10, 104, 1024, 1024, 1088, 67584]);
    for (let length = 2; length < 20_000; length += 37) {
      const padded = padmeLength(length);
      expect(padded).toBeGreaterThanOrEqual(length);
      expect(padded / length).toBeLessThanOrEqual(1.12);
    }
  });

  it('hides the exact length of similar bodies and reads them back', () => {
    const a = { changed: ['name'], values: { name: 'Ada Lovelace' } };
    const b = { changed: ['name'], values: { name: 'Ada Lovelace!' } };
    expect(padJson(a).length).toBe(padJson(b).length);
    expect(unpadJson(padJson(a))).toEqual(a);
  });
});

describe('item encryption', () => {
  it('round-trips a body under the item key', async () => {
    const key = await derivePurposeKey(newSyncKey(), ITEM_KEY_INFO);
    const body = { changed: ['email'], values: { email: 'ada@example.org' } };
    const sealed = await sealItemValue(key, place, body);
    expect(await openItemValue(key, place, sealed)).toEqual({ value: body });
    expect(new TextDecoder().decode(sealed)).not.toContain('ada@example.org');
  });

  it('uses a fresh IV every time, so equal bodies never give equal ciphertexts', async () => {
    const key = await derivePurposeKey(newSyncKey(), ITEM_KEY_INFO);
    const one = await sealItemValue(key, place, { same: true });
    const two = await sealItemValue(key, place, { same: true });
    expect(one).not.toEqual(two);
  });

  it('refuses a ciphertext moved to another set, index, record, kind, op, team or epoch', async () => {
    const key = await derivePurposeKey(newSyncKey(), ITEM_KEY_INFO);
    const sealed = await sealItemValue(key, place, { changed: [], values: {} });
    const moves: Partial<ItemPlace>[] = [
      { setId: '1767225600000-00002-node' }, { index: 1 }, { recordId: 'rec-2' }, { kind: 'note' }, { op: 'create' },
      { team: 'U'.repeat(22) }, { epoch: 2 },
    ];
    for (const move of moves) expect(await openItemValue(key, { ...place, ...move }, sealed)).toBeNull();
  });

  it('refuses another sync key, a flipped byte and a truncated ciphertext', async () => {
    const key = await derivePurposeKey(newSyncKey(), ITEM_KEY_INFO);
    const other = await derivePurposeKey(newSyncKey(), ITEM_KEY_INFO);
    const sealed = await sealItemValue(key, place, { n: 1 });
    expect(await openItemValue(other, place, sealed)).toBeNull();
    const flipped = sealed.slice();
    flipped[20] = (flipped[20] ?? 0) ^ 1;
    expect(await openItemValue(key, place, flipped)).toBeNull();
    expect(await openItemValue(key, place, sealed.slice(0, 10))).toBeNull();
  });

  it('derives purpose keys that differ by purpose', async () => {
    const syncKey = newSyncKey();
    const items = await derivePurposeKey(syncKey, ITEM_KEY_INFO);
    const directory = await derivePurposeKey(syncKey, 'locket/relay/directory/v1');
    expect(await openItemValue(directory, place, await sealItemValue(items, place, 1))).toBeNull();
  });

  it('binds the whole place into the additional data, in the documented order', () => {
    expect(itemAad(place)).toBe(`locket/item/v1|${'T'.repeat(22)}|1767225600000-00001-node|0|rec-1|person|update|1`);
  });
});
