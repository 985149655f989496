/**
 * A device's answer to records the relay ended by its own trash rule (core/sync/relay-ended.ts),
 * which it learns of when a push naming them is refused `tombstoned` and no purge set arrives.
 *
 * For each such id, the device decides from its own copy, never on the relay's word alone:
 * - its copy has been in the trash 30 days or more, by a clock the sweeps trust: the record is
 *   purged here as the trash sweep would (audit entry, tombstone), so the pending edits go out
 *   without it (the outbox leaves out items of purged ids);
 * - otherwise (restored and edited here, or a clock not trusted): the record stays on this device,
 *   held back from sync (`HELD_BACK_KEY`), so the device's other changes get through. The relay
 *   refuses that id for good: the record is shown as not synced, and sharing it again means a new
 *   record with its details (a new id the relay has never ended).
 */
import * as v from 'valibot';
import { createAuditLog } from '../audit/audit-log';
import { sha256Hex } from '../audit/hash';
import type { StoreDeps } from '../db/store-deps';
import { createPurger } from '../purge/purge';
import { purgeAuditReceipt } from '../purge/purge-receipt';
import type { RecordId } from '../records/types';
import { TRASH_DAYS, windowClosed } from '../retention/windows';
import { TombstoneReplySchema } from '../sync/relay-ended';

/** `meta`: ids this device keeps although the relay ended them, with when it learned so. */
export const HELD_BACK_KEY = 'sync-held-back';

const HeldBackSchema = v.array(v.strictObject({ id: v.string(), since: v.number() }));
export type HeldBack = v.InferOutput<typeof HeldBackSchema>;

export const heldBackOf = (stored: unknown): HeldBack => {
  const parsed = v.safeParse(HeldBackSchema, stored);
  return parsed.success ? parsed.output : [];
};

export interface RelayEndedOutcome {
  /** Purged here: their edits leave the outbox's sets. */
  readonly dropped: readonly RecordId[];
  /** Kept here and held back from sync. */
  readonly heldBack: readonly RecordId[];
}

export interface RelayEndedDeps {
  readonly store: StoreDeps;
  /** Whether the sweeps trust the clock now (core/retention/clock-trust.ts; read, never moved, here). */
  readonly clockTrusted: () => Promise<boolean>;
}

/** `call` is an authenticated relay request of the engine's session. */
export const createRelayEndedSettler = ({ store, clockTrusted }: RelayEndedDeps) => {
  const audit = createAuditLog({ db: store.db, clock: store.clock, keys: async () => store.auditKeys });
  const purger = createPurger(store, purgeAuditReceipt(audit, store.author, 'relay-trash'));
  return async (call: (path: string, body: unknown) => Promise<unknown>, recordIds: readonly RecordId[]): Promise<RelayEndedOutcome> => {
    const ids = [...new Set(recordIds)];
    const hashes = await Promise.all(ids.map((id) => sha256Hex(id)));
    const reply = v.parse(TombstoneReplySchema, await call('/v1/tombstones', { idHashes: hashes }));
    const byTrash = new Set(reply.tombstones.filter((tombstone) => tombstone.byTrash).map((tombstone) => tombstone.idHash));
    const ended = ids.filter((_, index) => byTrash.has(hashes[index] ?? ''));
    if (ended.length === 0) return { dropped: [], heldBack: [] };
    const now = store.clock.now();
    const trusted = await clockTrusted();
    const rows = await Promise.all(ended.map((id) => store.db.get('records', id)));
    const dueHere = (index: number): boolean => {
      const deletedAt = rows[index]?.deletedAt;
      return trusted && typeof deletedAt === 'number' && windowClosed(deletedAt, TRASH_DAYS, now);
    };
    const dropped = ended.filter((_, index) => dueHere(index));
    const heldBack = ended.filter((_, index) => !dueHere(index) && rows[index] !== undefined);
    if (dropped.length > 0) await purger.purgeHeld(dropped);
    if (heldBack.length > 0) {
      const tx = store.db.transaction('meta', 'readwrite');
      const known = heldBackOf(await tx.store.get(HELD_BACK_KEY));
      const fresh = heldBack.filter((id) => !known.some((entry) => entry.id === id)).map((id) => ({ id, since: now }));
      await Promise.all([tx.store.put([...known, ...fresh], HELD_BACK_KEY), tx.done]);
    }
    return { dropped, heldBack };
  };
};
