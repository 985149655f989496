/**
 * A token in `meta` that changes whenever the records store changes in a way its change log
 * cannot tell later: a row removed (a purge, an erasure, an undone import, an undone merge or
 * conversion, a remote purge, a restore, a team wipe) or written without a change set (a relay snapshot). The search index's
 * saved copy catches up from the log; only when this token moved since it was saved must it
 * compare every live id as well (a second and more at 100k). Any such write must call
 * `markUnloggedChange` in its own transaction, or a saved index would keep what it removed.
 */
export const UNLOGGED_MARK_KEY = 'unloggedRecordChange';

/** The `meta` store of a readwrite transaction (any store list that holds it). */
interface MetaStore { readonly put: (value: unknown, key: string) => Promise<unknown> }

/** Moves the token: call inside the transaction that removes or writes the rows. Resolves to the new token. */
export const markUnloggedChange = async (meta: MetaStore): Promise<string> => {
  const mark = crypto.randomUUID();
  await meta.put(mark, UNLOGGED_MARK_KEY);
  return mark;
};

/** The token as read, or null before any such change (or when what is stored is not one). */
export const unloggedMarkOf = (stored: unknown): string | null => (typeof stored === 'string' && stored !== '' ? stored : null);
