/**
 * The device's end of a relay erasure receipt: the person the relay names (by the SHA-256 of the
 * keyed hash its erase set carried) is erased here through the erasure path, with the audit
 * entry naming the eraser's device; the receipt is kept for that person's audit entry to show.
 */
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../core/audit/audit-log';
import { idHash, sha256Hex } from '../../../core/audit/hash';
import { createEraseHeld, createRelayReceiptStore, storedRelayReceipt } from '../../../worker/relay-receipts-port';
import { createHarness, person, saved, TEST_AUDIT_KEYS } from '../store/harness';

describe('relay receipts on the device', () => {
  it('erases the person the relay names, with an audit entry naming the erasing device, and nobody else', async () => {
    const { store, deps } = await createHarness();
    const ada = saved(await store.create('person', person('Adaline', 'Quibbleworth')));
    const bert = saved(await store.create('person', person('Bert', 'Other')));
    const relayHash = await sha256Hex(await idHash(TEST_AUDIT_KEYS, ada.id));
    const eraseHeld = createEraseHeld(deps);

    expect(await eraseHeld(relayHash, 'device-laptop')).toBe(true);
    expect(await store.get(ada.id)).toBeUndefined();
    expect(await store.get(bert.id)).toBeDefined();
    const entries = await createAuditLog({ db: deps.db, clock: deps.clock, keys: async () => TEST_AUDIT_KEYS }).entries();
    const erased = entries.filter((entry) => entry.type === 'record-erased');
    expect(erased).toHaveLength(1);
    expect(erased[0]).toMatchObject({ by: 'device:device-laptop', subjects: [{ kind: 'person', idHash: await idHash(TEST_AUDIT_KEYS, ada.id) }] });
    // Held no more: a second receipt for the same person erases nothing.
    expect(await eraseHeld(relayHash, 'device-laptop')).toBe(false);
  });

  it('keeps the receipt under the hash the audit log names the person by, and moves the cursor with it', async () => {
    const { deps } = await createHarness();
    const subject = await idHash(TEST_AUDIT_KEYS, 'some-person-id');
    const team = Buffer.alloc(16, 3).toString('base64url');
    const receiptStore = createRelayReceiptStore(deps.db, team);
    const receipt = { team, idHash: await sha256Hex(subject), seq: 7, rowsDeleted: 3, at: 1000, sig: Buffer.alloc(64, 9).toString('base64url') };
    expect(await storedRelayReceipt(deps.db, subject)).toBeNull();
    await receiptStore.keep(receipt);
    expect(await storedRelayReceipt(deps.db, subject)).toEqual(receipt);
    expect(await receiptStore.cursor()).toBe(7);
    expect(await createRelayReceiptStore(deps.db, 'team-2').cursor()).toBe(0);
  });
});
