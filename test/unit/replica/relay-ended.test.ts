/**
 * Deciding about an id the relay says its trash rule ended: the device acts only when its own copy
 * agrees (in the trash 30 days, by a clock the sweeps trust); otherwise it keeps the record.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/audit/hash';
import { createRelayEndedSettler, HELD_BACK_KEY, heldBackOf } from '../../../core/replica/relay-ended';
import { DAY_MS } from '../../../core/retention/windows';
import { person, saved } from '../store/harness';
import { deliver, device } from './replica-harness';

const relayAnswering = (ids: readonly string[], byTrash: boolean) => async (path: string, body: unknown) => {
  expect(path).toBe('/v1/tombstones');
  const asked = (body as { idHashes: string[] }).idHashes;
  const ended = await Promise.all(ids.map((id) => sha256Hex(id)));
  return { tombstones: asked.filter((hash) => ended.includes(hash)).map((idHash) => ({ idHash, op: 'purge', at: 0, byTrash })) };
};

const trashedAda = async (daysAgo: number) => {
  const laptop = await device('laptop');
  const ada = saved(await laptop.store.create('person', person('Ada', 'Lovelace')));
  await laptop.store.remove(ada.id);
  // Both sets reached the relay (it ended the record from them).
  const sent = await laptop.replica.pending(100);
  await laptop.replica.acknowledge(sent.at(-1)?.clientSeq ?? 0);
  laptop.clock.advance(daysAgo * DAY_MS);
  return { laptop, ada };
};

describe('records the relay ended by its trash rule', () => {
  it('purges a copy in the trash 30 days or more under a trusted clock, so its pending edits leave the outbox', async () => {
    const laptop = await device('laptop');
    const phone = await device('phone');
    const ada = saved(await laptop.store.create('person', person('Ada', 'Lovelace')));
    await deliver(laptop, phone);
    // The phone's edit waits to be pushed while the laptop's trash reaches it first.
    saved(await phone.store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    await laptop.store.remove(ada.id);
    await deliver(laptop, phone);
    expect((await phone.store.get(ada.id))?.deletedAt).not.toBeNull();
    const editsOfAda = async () => (await phone.replica.pending(100)).flatMap((entry) => entry.set.items)
      .filter((item) => item.recordId === ada.id && item.op === 'update');
    expect(await editsOfAda()).toHaveLength(1);
    phone.clock.advance(31 * DAY_MS);
    const settle = createRelayEndedSettler({ store: phone.deps, clockTrusted: async () => true });
    expect(await settle(relayAnswering([ada.id], true), [ada.id])).toEqual({ dropped: [ada.id], heldBack: [] });
    expect(await phone.store.get(ada.id)).toBeUndefined();
    expect(await editsOfAda()).toEqual([]);
  });

  it('keeps a copy trashed less than 30 days ago here, held back from sync', async () => {
    const { laptop, ada } = await trashedAda(29);
    const settle = createRelayEndedSettler({ store: laptop.deps, clockTrusted: async () => true });
    expect(await settle(relayAnswering([ada.id], true), [ada.id])).toEqual({ dropped: [], heldBack: [ada.id] });
    expect(await laptop.store.get(ada.id)).toBeDefined();
    expect(heldBackOf(await laptop.db.get('meta', HELD_BACK_KEY))).toEqual([{ id: ada.id, since: laptop.clock.now() }]);
    // Everything naming it now goes out without it.
    const pending = await laptop.replica.pending(100);
    expect(pending.flatMap((entry) => entry.set.items).filter((item) => item.recordId === ada.id)).toEqual([]);
  });

  it('deletes nothing under a clock the sweeps do not trust, however long ago the trash', async () => {
    const { laptop, ada } = await trashedAda(45);
    const settle = createRelayEndedSettler({ store: laptop.deps, clockTrusted: async () => false });
    expect(await settle(relayAnswering([ada.id], true), [ada.id])).toEqual({ dropped: [], heldBack: [ada.id] });
    expect(await laptop.store.get(ada.id)).toBeDefined();
  });

  it('leaves ids ended by a purge set alone: pulling that set settles them', async () => {
    const { laptop, ada } = await trashedAda(31);
    const settle = createRelayEndedSettler({ store: laptop.deps, clockTrusted: async () => true });
    expect(await settle(relayAnswering([ada.id], false), [ada.id])).toEqual({ dropped: [], heldBack: [] });
    expect(await laptop.store.get(ada.id)).toBeDefined();
  });
});
