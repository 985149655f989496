import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncEngine } from '../../core/sync/engine/engine';
import { newSyncKey } from '../../core/sync/item-crypto';
import { person, saved } from '../unit/store/harness';
import { everyRecord } from '../unit/replica/replica-harness';
import { connectDevice } from './support/relay-client';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { replicaSyncDevice, type ReplicaSyncDevice, type TestSyncAccount } from './support/replica-sync-device';
import { newTeamId } from './support/test-device';

describe('sets whose records were purged, through a real relay', () => {
  let relay: TestRelay;
  let account: TestSyncAccount;
  let laptop: ReplicaSyncDevice;
  let phone: ReplicaSyncDevice;
  const engines: SyncEngine[] = [];
  const engineOf = (device: ReplicaSyncDevice): SyncEngine => {
    const engine = device.newEngine();
    engines.push(engine);
    engine.start();
    return engine;
  };

  beforeEach(async () => {
    relay = await startTestRelay();
    account = { team: newTeamId(), syncKey: newSyncKey(), devices: new Map() };
    laptop = await replicaSyncDevice('laptop', account, relay.url);
    phone = await replicaSyncDevice('phone', account, relay.url);
    const client = await connectDevice(relay.url, laptop.relayDevice, 'register');
    expect((await client.addDevice(phone.relayDevice)).status).toBe(200);
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    await relay.dispose();
  });

  it('pushes a set purged after its clientSeq was given as a vacant set, and the next ones after it', async () => {
    const ada = saved(await laptop.store.create('person', person('Ada', 'Lovelace')));
    // Numbered for a push that never got through (the relay was out of reach).
    expect((await laptop.replica.pending(10)).map((entry) => entry.clientSeq)).toEqual([1]);
    await laptop.store.remove(ada.id);
    await laptop.store.deleteForever([ada.id]);
    const bert = saved(await laptop.store.create('person', person('Bert', 'Example')));

    const onLaptop = engineOf(laptop);
    expect(await onLaptop.syncNow()).toEqual({ ok: true, value: undefined });
    expect(await laptop.replica.pendingCount()).toBe(0);
    const onRelay = await (await connectDevice(relay.url, laptop.relayDevice, 'session')).pullAll(0);
    expect(onRelay.map((set) => [set.clientSeq, set.items.map((item) => [item.recordId, item.op])])).toEqual([
      [1, []], [2, [[ada.id, 'purge']]], [3, [[bert.id, 'create']]],
    ]);
    expect(onRelay[0]).toMatchObject({ vacant: true, items: [] });
    expect(JSON.stringify(onRelay)).not.toContain('Ada');

    const onPhone = engineOf(phone);
    expect(await onPhone.syncNow()).toEqual({ ok: true, value: undefined });
    expect(onPhone.rejectedSets()).toBe(0);
    expect((await phone.replica.cursor())?.seq).toBe(3);
    expect(await phone.store.get(ada.id)).toBeUndefined();
    expect((await phone.store.get(bert.id))?.fields).toMatchObject({ firstName: 'Bert' });
    expect(await everyRecord(phone)).toEqual(await everyRecord(laptop));
  });

  it('drops an offline edit of a record purged elsewhere, pushes the rest, and the record stays purged on both', async () => {
    const onLaptop = engineOf(laptop);
    const ada = saved(await laptop.store.create('person', person('Ada', 'Lovelace')));
    expect(await onLaptop.syncNow()).toEqual({ ok: true, value: undefined });
    const firstOnPhone = engineOf(phone);
    expect(await firstOnPhone.syncNow()).toEqual({ ok: true, value: undefined });
    expect(await phone.store.get(ada.id)).toBeDefined();
    await firstOnPhone.stop();

    await laptop.store.remove(ada.id);
    await laptop.store.deleteForever([ada.id]);
    expect(await onLaptop.syncNow()).toEqual({ ok: true, value: undefined });
    // Meanwhile, offline, the phone edits Ada and writes someone else.
    saved(await phone.store.update(ada.id, 'person', { jobTitle: 'Edited offline' }));
    const bert = saved(await phone.store.create('person', person('Bert', 'Example')));

    const onPhone = engineOf(phone);
    expect(await onPhone.syncNow()).toEqual({ ok: true, value: undefined });
    expect(await phone.replica.pendingCount()).toBe(0);
    expect(await onLaptop.syncNow()).toEqual({ ok: true, value: undefined });
    for (const device of [laptop, phone]) {
      expect(await device.store.get(ada.id)).toBeUndefined();
      expect(await device.db.get('purged', ada.id)).toMatchObject({ op: 'purge' });
      expect((await device.store.get(bert.id))?.fields).toMatchObject({ firstName: 'Bert' });
    }
    expect(await everyRecord(phone)).toEqual(await everyRecord(laptop));
    const onRelay = await (await connectDevice(relay.url, phone.relayDevice, 'session')).pullAll(0);
    const fromPhone = onRelay.filter((set) => set.device === phone.crypto.deviceId);
    expect(fromPhone.map((set) => set.items.map((item) => [item.recordId, item.op]))).toEqual([[], [[bert.id, 'create']]]);
    expect(onPhone.rejectedSets() + onLaptop.rejectedSets()).toBe(0);
  });
});
