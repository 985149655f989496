/** A merge, a convert and their undo reach another device as they happened here. */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import { person, saved, START } from '../store/harness';
import { deliver, device, everyRecord } from '../replica/replica-harness';

const pair = async () => {
  const clock = createManualClock(START);
  return { clock, a: await device('device-a', clock), b: await device('device-b', clock) };
};

describe('merges between devices', () => {
  it('moves notes, trashes the other and leaves the note on the other device too; the undo follows', async () => {
    const { clock, a, b } = await pair();
    const anna = saved(await a.store.create('person', person('Anna', 'Schmidt', { tags: ['Customer'] })));
    const twin = saved(await a.store.create('person', person('Anna', 'Schmitt', { tags: ['Leeds'] })));
    const note = saved(await a.store.create('note', { body: 'Called', recordId: twin.id }));
    await deliver(a, b);
    clock.advance(1000);

    const merged = await a.store.mergeRecords({ survivorId: anna.id, otherId: twin.id, choices: {}, note: 'Merged from Anna Schmitt' });
    if (!merged.ok) throw new Error('merge refused');
    await deliver(a, b);
    expect((await b.store.get(note.id))?.fields).toMatchObject({ recordId: anna.id });
    expect((await b.store.get(anna.id))?.fields).toMatchObject({ tags: ['Customer', 'Leeds'] });
    expect((await b.store.get(twin.id))?.deletedAt).not.toBeNull();
    expect(await everyRecord(b)).toEqual(await everyRecord(a));

    clock.advance(1000);
    expect(await a.store.undoMerge(merged.value.undoId)).toMatchObject({ ok: true });
    await deliver(a, b);
    expect((await b.store.get(note.id))?.fields).toMatchObject({ recordId: twin.id });
    expect((await b.store.get(anna.id))?.fields).toMatchObject({ tags: ['Customer'] });
    expect(await everyRecord(b)).toEqual(await everyRecord(a));
  });

  it('brings a converted record and its undo to the other device', async () => {
    const { clock, a, b } = await pair();
    const shop = saved(await a.store.create('person', person('Schmidt', 'Shoes')));
    const deal = saved(await a.store.create('opportunity', { name: 'Order', partyId: shop.id }));
    await deliver(a, b);
    clock.advance(1000);
    const converted = await a.store.convertRecord({ id: shop.id, note: 'Converted' });
    if (!converted.ok) throw new Error('convert refused');
    await deliver(a, b);
    expect((await b.store.get(deal.id))?.fields).toMatchObject({ partyId: converted.value.survivorId });
    expect(await everyRecord(b)).toEqual(await everyRecord(a));

    clock.advance(1000);
    expect(await a.store.undoMerge(converted.value.undoId)).toMatchObject({ ok: true });
    await deliver(a, b);
    expect(await b.store.get(converted.value.survivorId)).toBeUndefined();
    expect((await b.store.get(deal.id))?.fields).toMatchObject({ partyId: shop.id });
    expect(await everyRecord(b)).toEqual(await everyRecord(a));
  });
});
