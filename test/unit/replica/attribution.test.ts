import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import { recordAad } from '../../../core/codec';
import { createStore } from '../../../core/store/store';
import type { SyncSet } from '../../../core/sync/ports';
import { START, opaqueCodec, person, saved } from '../store/harness';
import { cursorAt, deliver, device } from './replica-harness';

const pair = async () => {
  const clock = createManualClock(START);
  const a = await device('device-a', clock);
  const b = await device('device-b', clock);
  return { clock, a, b };
};

/** A's sets as the relay hands them on, with the set's signer swapped for `signer`: what B's envelope check would name. */
const signedBy = async (from: Awaited<ReturnType<typeof device>>, signer: string): Promise<SyncSet[]> =>
  (await from.replica.pending(100)).map((entry) => ({ ...entry.set, deviceId: signer }));

describe('who created and last changed a record', () => {
  it('credits a local create to this install, and keeps the creator through a local edit', async () => {
    const { clock, a } = await pair();
    const ada = saved(await a.store.create('person', person('Ada', 'Lovelace')));
    expect(await a.store.attribution(ada.id)).toEqual({ created: { by: 'device-a', at: START }, changed: null });
    clock.advance(60_000);
    saved(await a.store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    expect(await a.store.attribution(ada.id)).toEqual({
      created: { by: 'device-a', at: START }, changed: { by: 'device-a', at: START + 60_000 },
    });
  });

  it('keeps the remote creator when this device edits, and both devices end naming the same writers', async () => {
    const { clock, a, b } = await pair();
    const ada = saved(await a.store.create('person', person('Ada', 'Lovelace')));
    await deliver(a, b);
    clock.advance(5_000);
    saved(await b.store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    const onB = await b.store.attribution(ada.id);
    expect(onB).toEqual({ created: { by: 'device-a', at: START }, changed: { by: 'device-b', at: START + 5_000 } });
    await deliver(b, a);
    expect(await a.store.attribution(ada.id)).toEqual(onB);
  });

  it('takes the writer from the set\'s verified signer, never from what its payload says', async () => {
    const { a, b } = await pair();
    const ada = saved(await a.store.create('person', person('Ada', 'Lovelace')));
    const [set] = await signedBy(a, 'team-device-of-a');
    const item = set?.items[0];
    const body = item?.body;
    if (!set || !item || !body) throw new Error('A create set with a body');
    const forged = { created: { by: 'mallory', clock: '9999999999999-00000-mallory' }, changed: { by: 'mallory', clock: '9999999999999-00000-mallory' } };
    const lying: SyncSet = {
      ...set, author: 'mallory',
      items: [{ ...item, body: { ...body, changed: [...body.changed, 'attribution'], values: { ...body.values, attribution: forged } } }],
    };
    await b.replica.applyRemote([lying], cursorAt(1));
    expect(await b.store.attribution(ada.id)).toEqual({ created: { by: 'team-device-of-a', at: START }, changed: null });
    expect((await b.store.get(ada.id))?.fields).not.toHaveProperty('attribution');
  });

  it('credits the later of two concurrent edits, whichever arrives first', async () => {
    const { clock, a, b } = await pair();
    const ada = saved(await a.store.create('person', person('Ada', 'Lovelace')));
    await deliver(a, b);
    clock.advance(1_000);
    saved(await a.store.update(ada.id, 'person', { jobTitle: 'Earlier on A' }));
    clock.advance(1_000);
    saved(await b.store.update(ada.id, 'person', { lastName: 'King' }));
    await deliver(a, b);
    await deliver(b, a);
    const expected = { created: { by: 'device-a', at: START }, changed: { by: 'device-b', at: START + 2_000 } };
    expect(await a.store.attribution(ada.id)).toEqual(expected);
    expect(await b.store.attribution(ada.id)).toEqual(expected);
  });

  it('audits a purge that arrives from another device as that device\'s act, not this one\'s', async () => {
    const { a, b } = await pair();
    const ada = saved(await a.store.create('person', person('Ada', 'Lovelace')));
    await deliver(a, b);
    await a.store.remove(ada.id);
    await a.store.deleteForever([ada.id]);
    await b.replica.applyRemote(await signedBy(a, 'team-device-of-a'), cursorAt(2));
    const purged = (await b.store.audit.entries()).filter((entry) => entry.type === 'records-purged');
    expect(purged.map((entry) => entry.by)).toEqual(['device:team-device-of-a']);
  });

  it('names the device that trashed a record elsewhere as who deleted it, not this device\'s owner', async () => {
    const { a, b } = await pair();
    const ada = saved(await a.store.create('person', person('Ada', 'Lovelace')));
    await deliver(a, b);
    await a.store.remove(ada.id);
    await b.replica.applyRemote(await signedBy(a, 'team-device-of-a'), cursorAt(2));
    expect((await b.store.trashPage(0, 10)).map((item) => item.deletedBy)).toEqual(['device:team-device-of-a']);
  });

  it('keeps the writers inside the encrypted body, not in the clear row', async () => {
    const a = await device('device-a');
    const store = createStore({ ...a.deps, codec: opaqueCodec, deviceId: 'install-7' });
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const row = await a.db.get('records', ada.id);
    if (!row) throw new Error('stored');
    expect(JSON.stringify({ ...row, body: null })).not.toContain('install-7');
    expect(JSON.stringify(row.body)).not.toContain('install-7');
    expect(await opaqueCodec.decode(row.body, recordAad(row))).toMatchObject({ attribution: { created: { by: 'install-7' } } });
  });
});
