/**
 * Re-encrypts everything stored under the old account key under the new one (record bodies,
 * trash, change-log values, settings, snapshot copies, an unacknowledged erasure's sealed ids, the sync identity's sealed keys), chains the audit log again under the
 * new audit key, and writes the new vault record: all in ONE transaction.
 *
 * Why one transaction rather than batches: the vault record lives in the same database, so
 * IndexedDB's atomic commit gives the invariant for free. Before the commit every row and the
 * stored wrapped key are the old ones; after it, all are new. A crash at any point leaves one
 * of the two, both complete, never rows that no stored key opens. Everything that is not
 * IndexedDB work (decrypting, encrypting, hashing) is prepared before the transaction opens,
 * through the same walk the codec migration uses (store/codec-migration.ts); inside it, each
 * store's keys and each rewritten row are checked unchanged since they were read, so a row
 * written meanwhile by another context (still under the old key) makes the attempt start
 * over instead of being left behind unreadable. The cost is memory: every rewritten row is
 * held until the commit (about 20 MB for 10,000 records). A write another page had prepared
 * under the old key and commits just after this one is re-encrypted at the next unlock
 * (retired-keys.ts).
 */
import type { AuditDraft, AuditEntry } from '../audit/audit-log';
import { rechainAuditLog } from '../audit/audit-rotate';
import { deriveAuditKeys } from '../audit/hash';
import type { Clock } from '../clock';
import type { ValueCodec } from '../codec';
import {
  changeRebinder, chunkRebinder, outboxRebinder, recordRebinder, settingsRebinder, walkStore, writeRewrites,
  type Recode, type Rebinder, type Rewrite, type StoreName,
} from '../store/codec-migration';
import { deepEqual } from '../db/deep-equal';
import type { StoredChangeSet } from '../db/rows';
import type { LocketDatabase } from '../db/schema';
import { STALE, retriedWrite, type WriteTransaction } from '../db/transaction';
import { recodedIdentityRow, SYNC_IDENTITY_KEY } from '../sync-account/identity-store';
import { createAesGcmCodec } from './aes-codec';
import { prepareRetiredKeys } from './retired-keys';
import { bytesEqual } from './bytes';
import type { UnlockedKeys, VaultRecord } from './types';
import { VAULT_KEY } from './vault-repo';

export interface AccountKeyRotation {
  readonly from: UnlockedKeys;
  readonly to: UnlockedKeys;
  /** The vault record that wraps `to.accountKey`: written with the rows. */
  readonly record: VaultRecord;
  /** The vault record as it was read before the change: the write is refused if the stored one moved on. */
  readonly before: VaultRecord;
  readonly audit: AuditDraft;
  /** Called as each store has been read and prepared: rows so far. */
  readonly onProgress?: (rows: number) => void;
}

const STORES: readonly StoreName[] = ['records', 'changes', 'settings', 'snapshotChunks', 'outbox'];

/** Opens under `from`, seals under `to` with the same name; a value that does not open under `from` stays as it is (nothing read it before either). */
const recodeUnder = (from: ValueCodec, to: ValueCodec): Recode => async (value, aad) => {
  let plain: unknown;
  try {
    plain = await from.decode(value, aad);
  } catch {
    return value;
  }
  return to.encode(plain, aad);
};

interface Prepared {
  readonly rewrites: readonly Rewrite[];
  readonly keysByStore: ReadonlyMap<StoreName, readonly IDBValidKey[]>;
  readonly rechained: Awaited<ReturnType<typeof rechainAuditLog>>;
  readonly retire: Awaited<ReturnType<typeof prepareRetiredKeys>>;
  /** The sync identity row as read, and with its sealed secrets under the new key (null: nothing to write). */
  readonly identity: { readonly before: unknown; readonly after: unknown | null };
}

/** Keys here are strings, numbers and [string, number]: their JSON tells them apart. */
const sameKeys = (a: readonly IDBValidKey[], b: readonly IDBValidKey[]): boolean =>
  a.length === b.length && JSON.stringify(a) === JSON.stringify(b);

/** The stored vault still wraps the key it wrapped when the change was read (its IV is fresh at every wrap). */
const vaultUnchanged = (stored: unknown, before: VaultRecord): boolean => {
  const wrapped = typeof stored === 'object' && stored !== null && 'wrappedAccountKey' in stored ? stored.wrappedAccountKey : null;
  const iv = typeof wrapped === 'object' && wrapped !== null && 'iv' in wrapped ? wrapped.iv : null;
  return iv instanceof Uint8Array && bytesEqual(new Uint8Array(iv), before.wrappedAccountKey.iv);
};

export const rotateStoredData = async (db: LocketDatabase, clock: Clock, rotation: AccountKeyRotation): Promise<AuditEntry> => {
  const recode = recodeUnder(createAesGcmCodec(rotation.from.accountKey), createAesGcmCodec(rotation.to.accountKey));
  const rebinders: readonly Rebinder<never>[] = [
    recordRebinder(recode), changeRebinder(recode), settingsRebinder(recode), chunkRebinder(recode), outboxRebinder(recode),
  ] as unknown as Rebinder<never>[];
  const [fromAudit, toAudit] = await Promise.all([deriveAuditKeys(rotation.from.accountKey), deriveAuditKeys(rotation.to.accountKey)]);

  const { receipt } = await retriedWrite(db, {
    subject: { type: 're-encryption' },
    stores: [...STORES, 'vault', 'meta'],
    prepare: async (): Promise<Prepared> => {
      const rewrites: Rewrite[] = [];
      const keysByStore = new Map<StoreName, readonly IDBValidKey[]>();
      for (const rebinder of rebinders) {
        keysByStore.set(rebinder.store, await walkStore(db, rebinder, async (page) => {
          rewrites.push(...page);
          rotation.onProgress?.(rewrites.length);
        }));
      }
      const changeIds = rewrites.flatMap((rewrite) => (rewrite.store === 'changes' ? (rewrite.before as StoredChangeSet).recordIds : []));
      const knownIds = [...(keysByStore.get('records') ?? []).map(String), ...changeIds];
      const rechained = await rechainAuditLog(db, { from: fromAudit, to: toAudit, draft: rotation.audit, now: clock.now(), knownIds });
      const retire = await prepareRetiredKeys(db, rotation.from.accountKey, rotation.to.accountKey);
      const identityBefore = await db.get('meta', SYNC_IDENTITY_KEY);
      const identity = { before: identityBefore, after: await recodedIdentityRow(identityBefore, recode) };
      return { rewrites, keysByStore, rechained, retire, identity };
    },
    write: async (tx, { rewrites, keysByStore, retire, identity }) => {
      for (const store of STORES) {
        const now = await tx.objectStore(store).getAllKeys();
        if (!sameKeys(now, keysByStore.get(store) ?? [])) return STALE;
      }
      if (!vaultUnchanged(await tx.objectStore('vault').get(VAULT_KEY), rotation.before)) return STALE;
      // Joined or left sync meanwhile: its secrets are read again under the old key.
      if (!deepEqual(await tx.objectStore('meta').get(SYNC_IDENTITY_KEY), identity.before)) return STALE;
      const { skipped } = await writeRewrites(tx as unknown as WriteTransaction<StoreName>, rewrites);
      if (skipped > 0) return STALE;
      await tx.objectStore('vault').put(rotation.record, VAULT_KEY);
      if (identity.after !== null) await tx.objectStore('meta').put(identity.after, SYNC_IDENTITY_KEY);
      await retire(tx as unknown as WriteTransaction<'meta'>);
      return null;
    },
    receipt: async ({ rechained }) => ({ stores: ['audit', 'meta'], writeIn: rechained.writeIn }),
  });
  if (!receipt) throw new Error('The audit entry of the new account key was not written');
  return receipt;
};
