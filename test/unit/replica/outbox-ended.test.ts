/**
 * A set handed out for pushing whose answer never came (the relay died, the network dropped it),
 * and whose record was then purged or erased here: the relay may or may not hold it, so its
 * clientSeq must still go out, sealed, or the device can never push again.
 * Found by the convergence model (test/relay/convergence.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { createSyncCrypto } from '../../../core/sync/envelopes';
import { generateDeviceKeys } from '../../../core/sync/signing';
import { newTeamId, newTeamKey } from '../../relay/support/test-device';
import { person, saved } from '../store/harness';
import { cursorAt, device, type Device } from './replica-harness';

const sealer = async () => {
  const keys = await generateDeviceKeys();
  const team = newTeamId();
  const crypto = await createSyncCrypto({ device: keys, team, epoch: 1, syncKey: newTeamKey() }, async () => keys.publicKey);
  return { team, crypto };
};

/** A person created, handed out once with no acknowledgement, then ended here. */
const handedThenEnded = async (a: Device, end: (id: string) => Promise<unknown>) => {
  const ada = saved(await a.store.create('person', person('Ada', 'Lovelace')));
  const [lost] = await a.replica.pending(100);
  await end(ada.id);
  return { id: ada.id, lost: lost!, again: await a.replica.pending(100) };
};

describe('replica outbox: a handed-out set ended before the relay acknowledged it', () => {
  it('goes out under its clientSeq, seals, and brings nothing of the record back elsewhere', async () => {
    const a = await device('device-a');
    const { id, lost, again } = await handedThenEnded(a, async (recordId) => {
      await a.store.remove(recordId);
      await a.store.deleteForever([recordId]);
    });
    expect(again[0]).toMatchObject({ clientSeq: 1, prevSetId: null, set: { setId: lost.set.setId } });
    const { team, crypto } = await sealer();
    const sealed = await Promise.all(again.map((entry) => crypto.seal(entry, team)));
    expect(sealed.map((set) => set.clientSeq)).toEqual(again.map((_, index) => index + 1));

    const b = await device('device-b');
    await b.replica.applyRemote(again.map((entry) => entry.set), cursorAt(again.length));
    expect(await b.store.get(id)).toBeUndefined();
    expect(await b.db.get('purged', id)).toMatchObject({ op: 'purge' });
  });

  it('goes out under its clientSeq and seals when the person was erased after the hand-out', async () => {
    const a = await device('device-a');
    const { again } = await handedThenEnded(a, (personId) => a.store.erase(personId, { suppressEmails: false }));
    const { team, crypto } = await sealer();
    const sealed = await Promise.all(again.map((entry) => crypto.seal(entry, team)));
    expect(sealed.map((set) => set.clientSeq)).toEqual(again.map((_, index) => index + 1));
    expect(JSON.stringify(again.slice(0, 1))).not.toContain('Lovelace');
  });
});
