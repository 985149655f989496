import { describe, expect, it } from 'vitest';
import { BULK_BATCH_SIZE } from '../../../core/store/bulk-insert';
import { createHarness, person, saved } from './harness';

describe('bulk insert', () => {
  it('writes the valid rows in batches, reports the invalid ones and writes nothing of them', async () => {
    const { store, db, bus } = await createHarness();
    const badAt = new Set([0, 7, 1500, 2099]);
    const inputs = Array.from({ length: 2100 }, (_, i) =>
      (badAt.has(i) ? person('', '') : person(`P${i}`, 'Bulk', { emails: [`p${i}@example.com`] })));

    const report = await store.insertMany('person', inputs);

    expect(report.inserted).toBe(inputs.length - badAt.size);
    expect(report.invalid.map((row) => row.index)).toEqual([...badAt]);
    expect(report.invalid[0]?.errors['firstName']).toBeTruthy();
    expect(await store.count('person')).toBe(report.inserted);
    expect(await db.count('changes')).toBe(report.inserted);
    expect(bus.published).toHaveLength(Math.ceil(report.inserted / BULK_BATCH_SIZE));
    expect(bus.published.flatMap((change) => change.ids)).toHaveLength(report.inserted);
    const [newest] = await store.page('person', 0, 1);
    expect(newest?.fields).toMatchObject({ firstName: 'P2098' });
  });
});

describe('failed transactions', () => {
  it('writes neither record nor change, and announces nothing, when the change entry cannot be added', async () => {
    const { store, db, bus } = await createHarness({ hlc: { tick: () => 'same-timestamp' } });
    const first = saved(await store.create('person', person('Ada', 'L')));

    await expect(store.create('person', person('Bob', 'M'))).rejects.toThrow();

    expect((await db.getAll('records')).map((r) => r.id)).toEqual([first.id]);
    expect(await db.count('changes')).toBe(1);
    expect(bus.published).toHaveLength(1);
  });

  it('writes no change entry when the record itself collides', async () => {
    const { store, db, bus } = await createHarness({ newId: () => 'same-id' });
    saved(await store.create('organisation', { name: 'Acme' }));

    await expect(store.create('organisation', { name: 'Other' })).rejects.toThrow();

    expect((await store.get('same-id'))?.fields).toMatchObject({ name: 'Acme' });
    expect(await db.count('changes')).toBe(1);
    expect(bus.published).toHaveLength(1);
  });

  it('rolls back a whole bulk batch when one of its rows collides', async () => {
    let n = 0;
    // Ids cycle through four values: the batch's last row collides with the record created first.
    const { store, db, bus } = await createHarness({ newId: () => `id-${String(n++ % 4).padStart(3, '0')}` });
    saved(await store.create('person', person('Ada', 'L')));

    await expect(store.insertMany('person', [person('B', 'x'), person('C', 'x'), person('D', 'x'), person('E', 'x')]))
      .rejects.toThrow();

    expect(await db.count('records')).toBe(1);
    expect(await db.count('changes')).toBe(1);
    expect(bus.published).toHaveLength(1);
  });
});
