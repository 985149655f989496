/**
 * Imports and their undo between two devices: an undo removes what the import created for good
 * (a purge everywhere, and a tombstone where it was undone), and tags an import or its undo set
 * merge per tag like any edit's.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import type { PlannedWrite } from '../../../core/imports/import-batch-types';
import { person, saved, START } from '../store/harness';
import { deliver, device, everyRecord, exchange, type Device } from './replica-harness';

const pair = async () => {
  const clock = createManualClock(START);
  return { clock, a: await device('device-a', clock), b: await device('device-b', clock) };
};

const importPerson = (d: Device, firstName: string): PlannedWrite => ({
  op: 'create', id: d.deps.newId(), kind: 'person', fields: person(firstName, 'Imported', { tags: ['vip'] }),
  createdAt: d.clock.now(), updatedAt: d.clock.now(),
});

describe('replica: imports and their undo', () => {
  it('keeps a record gone where its import was undone when an edit made elsewhere before the undo arrives', async () => {
    const { clock, a, b } = await pair();
    const planned = importPerson(a, 'Ada');
    await a.store.applyImport('batch-1', [planned]);
    await deliver(a, b);
    clock.advance(1000);
    saved(await b.store.update(planned.id, 'person', { firstName: 'Alan' }));
    clock.advance(1000);
    expect((await a.store.undoImport('batch-1')).removed).toBe(1);

    await exchange(b, a);
    expect(await a.store.get(planned.id)).toBeUndefined();
    expect(await b.store.get(planned.id)).toBeUndefined();
    expect(await everyRecord(a)).toEqual(await everyRecord(b));
  });

  it('takes a tag an import removed off the record on the other device too', async () => {
    const { clock, a, b } = await pair();
    const ada = saved(await a.store.create('person', person('Ada', 'Lovelace', { tags: ['vip', 'lead'] })));
    await deliver(a, b);
    clock.advance(1000);
    await a.store.applyImport('batch-1', [{ op: 'update', id: ada.id, kind: 'person', fields: { ...ada.fields, tags: ['lead'] } }]);
    await deliver(a, b);
    expect((await b.store.get(ada.id))?.fields).toMatchObject({ tags: ['lead'] });
    expect(await everyRecord(b)).toEqual(await everyRecord(a));
  });

  it('gives a record the tags it had before an undone import on the other device too', async () => {
    const { clock, a, b } = await pair();
    const ada = saved(await a.store.create('person', person('Ada', 'Lovelace', { tags: ['lead'] })));
    clock.advance(1000);
    await a.store.applyImport('batch-1', [{ op: 'update', id: ada.id, kind: 'person', fields: { ...ada.fields, tags: ['vip'] } }]);
    await deliver(a, b);
    clock.advance(1000);
    expect((await a.store.undoImport('batch-1')).restored).toBe(1);
    await deliver(a, b);
    expect((await a.store.get(ada.id))?.fields).toMatchObject({ tags: ['lead'] });
    expect(await everyRecord(b)).toEqual(await everyRecord(a));
  });
});
