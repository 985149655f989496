/**
 * The device's store for the relay's erasure receipts (core/erasure/relay-receipts.ts), in `meta`:
 * the pinned relay key and the cursor per team, and each receipt by the relay's id hash, which
 * the audit view reads back. Receipts are the relay's signed, public statements (a hash, counts,
 * a time): they hold nothing of the person. `eraseHeld` finds a person by the hash the relay
 * names and erases them through the one erasure path.
 */
import * as v from 'valibot';
import { createAuditLog } from '../core/audit/audit-log';
import { idHash, sha256Hex } from '../core/audit/hash';
import type { StoreDeps } from '../core/db/store-deps';
import { createErase } from '../core/erasure/erase';
import { RelayErasureReceiptSchema, type RelayErasureReceipt } from '../core/erasure/relay-receipt';
import type { RelayKeyPin, RelayReceiptStore } from '../core/erasure/relay-receipts';

const pinKey = (team: string): string => `relay-key-pin/${team}`;
const cursorKey = (team: string): string => `relay-erasures-cursor/${team}`;
export const relayReceiptKey = (relayIdHash: string): string => `relay-erasure/${relayIdHash}`;

const PinSchema = v.object({ publicKey: v.string(), pinnedAt: v.number() });

export const createRelayReceiptStore = (db: StoreDeps['db'], team: string): RelayReceiptStore => ({
  pin: async () => {
    const parsed = v.safeParse(PinSchema, await db.get('meta', pinKey(team)));
    return parsed.success ? parsed.output : null;
  },
  setPin: async (pin: RelayKeyPin) => { await db.put('meta', pin, pinKey(team)); },
  cursor: async () => {
    const stored = await db.get('meta', cursorKey(team));
    return typeof stored === 'number' ? stored : 0;
  },
  keep: async (receipt) => {
    const tx = db.transaction('meta', 'readwrite');
    const meta = tx.objectStore('meta');
    const cursor = await meta.get(cursorKey(team));
    await Promise.all([
      meta.put(receipt, relayReceiptKey(receipt.idHash)),
      meta.put(Math.max(typeof cursor === 'number' ? cursor : 0, receipt.seq), cursorKey(team)),
      tx.done,
    ]);
  },
});

/** The receipt the relay signed for the person the audit log names by `subjectHash`, if this device holds one. */
export const storedRelayReceipt = async (db: StoreDeps['db'], subjectHash: string): Promise<RelayErasureReceipt | null> => {
  const parsed = v.safeParse(RelayErasureReceiptSchema, await db.get('meta', relayReceiptKey(await sha256Hex(subjectHash))));
  return parsed.success ? parsed.output : null;
};

/** Erases the person this device holds whose keyed id hash has the relay's SHA-256, if any. */
export const createEraseHeld = (deps: StoreDeps) => {
  const erase = createErase(deps, createAuditLog({ db: deps.db, clock: deps.clock, keys: async () => deps.auditKeys }));
  return async (relayIdHash: string, eraser: string | undefined): Promise<boolean> => {
    const keys = deps.auditKeys;
    if (!keys) return false;
    for (const id of await deps.db.getAllKeys('records')) {
      if ((await sha256Hex(await idHash(keys, id))) !== relayIdHash) continue;
      const row = await deps.db.get('records', id);
      if (row?.kind !== 'person') return false;
      await erase(id, { suppressEmails: false, ...(eraser === undefined ? {} : { remoteDevice: eraser }) });
      return true;
    }
    return false;
  };
};
