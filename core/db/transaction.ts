/**
 * Every readwrite transaction in Locket goes through this file, and one rule holds inside it:
 * nothing but IndexedDB work of that transaction is awaited. IndexedDB commits a transaction as
 * soon as it has no request pending when control returns to the event loop, so awaiting
 * anything else (hashing, the codec, a timer, a message) lets it commit half done. Reads,
 * encoding and hashing happen before (`prepare`, a participant's staging); inside, a write only
 * checks that what was read is unchanged and writes. writeTransaction refuses loudly when the
 * rule was broken (TransactionCommittedEarly), and retriedWrite owns the read-again loop.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { LocketDatabase, LocketDb } from './schema';
import { typedWriteError } from './store-errors';
import { writeConflict, type WriteSubject } from './write-conflict';

export { isWriteConflict, type WriteConflict, type WriteSubject } from './write-conflict';

export type WriteTransaction<S extends StoreNames<LocketDb>> = IDBPTransaction<LocketDb, S[], 'readwrite'>;

/**
 * Runs `work` in one readwrite transaction and resolves only once it has committed.
 * `work` may await IndexedDB requests of this transaction and nothing else (any other await
 * lets the transaction auto-commit half done). If `work` throws or a request fails, the
 * transaction is aborted and this rejects: nothing of it is written. A full disk rejects with
 * a StorageFullError (store-errors.ts), whether the browser said so at a request or at commit.
 */
export const writeTransaction = async <S extends StoreNames<LocketDb>, T>(
  db: LocketDatabase,
  stores: readonly S[],
  work: (tx: WriteTransaction<S>) => Promise<T>,
): Promise<T> => {
  const tx = db.transaction([...stores], 'readwrite');
  let workDone = false;
  let committedBeforeWorkDone = false;
  const committed = tx.done.then(() => {
    committedBeforeWorkDone = !workDone;
  });
  // Observed here so an abort is never an unhandled rejection; still awaited below.
  committed.catch(() => undefined);
  try {
    const result = await work(tx);
    workDone = true;
    if (committedBeforeWorkDone) throw committedEarly();
    await committed;
    return result;
  } catch (error) {
    workDone = true;
    abortQuietly(tx);
    // A request failing because the transaction had already committed is the broken rule, not the request.
    throw committedBeforeWorkDone ? committedEarly() : typedWriteError(error);
  }
};

/**
 * The work awaited something other than this transaction's requests, so IndexedDB committed
 * what it had issued so far. A bug in the caller, never a user's mistake: it fails loudly.
 */
export interface TransactionCommittedEarly extends Error {
  readonly name: 'TransactionCommittedEarly';
}

const committedEarly = (): TransactionCommittedEarly =>
  Object.assign(new Error('A write transaction committed before its work finished: its work awaited something other than IndexedDB'), {
    name: 'TransactionCommittedEarly' as const,
  });

const abortQuietly = (tx: { abort: () => void }): void => {
  try {
    tx.abort();
  } catch {
    // Already aborted by the failed request, or already committed: nothing left to undo.
  }
};

/** What a write returns when its transaction finds that what was read has changed since. */
export const STALE: unique symbol = Symbol('stale');
export type Stale = typeof STALE;

/** What `prepare` returns when there is nothing to write (nothing to do, or a refusal): no transaction opens. */
export class Settled<T> {
  constructor(readonly value: T) {}
}
export const settled = <T>(value: T): Settled<T> => new Settled(value);

/**
 * A write that joins another write's transaction, prepared before it opens: the audit log's
 * next entry, hashed beforehand because hashing is not IndexedDB work.
 */
export interface Participant<E> {
  readonly stores: readonly ('audit' | 'meta')[];
  /** Inside the transaction: STALE when what it was prepared from has changed, else its writes. */
  readonly writeIn: (tx: WriteTransaction<'audit' | 'meta'>) => Promise<E | Stale>;
}

export interface RetriedWrite<S extends StoreNames<LocketDb>, P, T, E = never> {
  /** What the WriteConflict names when the write gives up. */
  readonly subject: WriteSubject;
  readonly stores: readonly S[];
  /** How often to read and prepare again before giving up with a WriteConflict. */
  readonly attempts?: number;
  /** Reads, validation, codec work: everything that is not this transaction's IndexedDB work. Runs on every attempt. */
  readonly prepare: () => Promise<P | Settled<T>>;
  /**
   * Inside the transaction, IndexedDB work only: checks that what `prepare` read is unchanged
   * (STALE otherwise), then writes. After STALE the transaction is aborted, so writes it had
   * already issued are undone too.
   */
  readonly write: (tx: WriteTransaction<S>, prepared: P) => Promise<T | Stale>;
  /** The entry that must commit with the write, or null for none: a stale one also means attempt again. */
  readonly receipt?: (prepared: P) => Promise<Participant<E> | null>;
}

export interface Written<T, E> {
  readonly value: T;
  /** The receipt as written, or null when there was none (or nothing was written). */
  readonly receipt: E | null;
}

export const DEFAULT_WRITE_ATTEMPTS = 3;

/**
 * A transaction over more stores does everything one over fewer does; only its list of names
 * is wider, which TypeScript reads as a different type.
 */
const narrowed = <N extends StoreNames<LocketDb>>(tx: object): WriteTransaction<N> =>
  tx as unknown as WriteTransaction<N>;

/** Thrown inside the transaction to abort it; never leaves this module. */
const staleSignal = Symbol('stale-signal');

/**
 * The one optimistic write: read and prepare outside the transaction, then in one transaction
 * check nothing read has changed, write, and write the receipt; on a change start over, at most
 * `attempts` times. The action and its receipt commit together or not at all.
 */
export const retriedWrite = async <S extends StoreNames<LocketDb>, P, T, E = never>(
  db: LocketDatabase, op: RetriedWrite<S, P, T, E>,
): Promise<Written<T, E>> => {
  const attempts = op.attempts ?? DEFAULT_WRITE_ATTEMPTS;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const prepared = await op.prepare();
    if (prepared instanceof Settled) return { value: prepared.value, receipt: null };
    // Prepared from what `prepare` read, which `write` only confirms: it describes what is written.
    const staged = op.receipt ? await op.receipt(prepared) : null;
    const stores: readonly (S | 'audit' | 'meta')[] = [...new Set([...op.stores, ...(staged?.stores ?? [])])];
    try {
      return await writeTransaction(db, stores, async (tx) => {
        const value = await op.write(narrowed<S>(tx), prepared);
        if (value === STALE) throw staleSignal;
        const receipt = staged ? await staged.writeIn(narrowed<'audit' | 'meta'>(tx)) : null;
        if (receipt === STALE) throw staleSignal;
        return { value, receipt };
      });
    } catch (error) {
      if (error !== staleSignal) throw error;
    }
  }
  throw writeConflict(op.subject, attempts);
};
