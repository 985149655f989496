/**
 * A device that first hears of a record in the same pull as its purge or erasure (it was offline
 * while the record lived and died): the relay has already dropped the record's ciphertext, and
 * nothing of the record may stay on the device, not even an id-only line in its change log.
 * Found by the convergence model (test/relay/convergence.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { idHash } from '../../../core/audit/hash';
import type { SyncSet } from '../../../core/sync/ports';
import { person, saved, TEST_AUDIT_KEYS } from '../store/harness';
import { cursorAt, device, type Device } from './replica-harness';

/** The sets of a record's life as the relay hands them over after the end: every earlier body gone. */
const liveAndEnded = async (a: Device, end: (id: string) => Promise<unknown>) => {
  const ada = saved(await a.store.create('person', person('Ada', 'Lovelace')));
  saved(await a.store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
  const pushed = await a.replica.pending(100);
  await a.replica.acknowledge(pushed.at(-1)!.clientSeq);
  await end(ada.id);
  const ending = (await a.replica.pending(100)).map((entry) => entry.set);
  const dropped: SyncSet[] = pushed.map(({ set }) => ({ ...set, items: set.items.map((item) => ({ ...item, body: null })) }));
  return { id: ada.id, sets: [...dropped, ...ending] };
};

const everyChangeLine = async (d: Device) => (await d.db.getAll('changes')).flatMap((set) => set.changes.map((change) => change.recordId));

describe('replica: a record whose whole life arrives in one pull', () => {
  it('keeps no line of a record purged on the other device', async () => {
    const a = await device('device-a');
    const b = await device('device-b');
    const { id, sets } = await liveAndEnded(a, async (recordId) => {
      await a.store.remove(recordId);
      await a.store.deleteForever([recordId]);
    });
    await b.replica.applyRemote(sets, cursorAt(sets.length));
    expect(await b.store.get(id)).toBeUndefined();
    expect(await b.store.changesFor(id)).toEqual([]);
    // The purge's own line is all either device keeps of it.
    const linesOf = async (d: Device) => (await everyChangeLine(d)).filter((line) => line === id);
    expect(await linesOf(b)).toEqual(await linesOf(a));
  });

  it('keeps no line naming a person erased on the other device, only the erasure’s hashed id', async () => {
    const a = await device('device-a');
    const b = await device('device-b');
    const { id, sets } = await liveAndEnded(a, (personId) => a.store.erase(personId, { suppressEmails: false }));
    await b.replica.applyRemote(sets, cursorAt(sets.length));
    expect(await b.store.get(id)).toBeUndefined();
    expect(await everyChangeLine(b)).not.toContain(id);
    expect(await everyChangeLine(b)).toContain(await idHash(TEST_AUDIT_KEYS, id));
    expect(await b.db.get('purged', await idHash(TEST_AUDIT_KEYS, id))).toMatchObject({ op: 'erase' });
  });

  it('applies the same pull again as nothing new', async () => {
    const a = await device('device-a');
    const b = await device('device-b');
    const { sets } = await liveAndEnded(a, (personId) => a.store.erase(personId, { suppressEmails: false }));
    await b.replica.applyRemote(sets, cursorAt(sets.length));
    const once = { records: await b.db.getAll('records'), changes: await b.db.getAll('changes') };
    expect((await b.replica.applyRemote(sets, cursorAt(sets.length))).applied).toBe(0);
    expect({ records: await b.db.getAll('records'), changes: await b.db.getAll('changes') }).toEqual(once);
  });
});
