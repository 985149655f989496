/**
 * Pull: the relay's log from this device's cursor, 500 sets a page, each verified and decrypted by
 * SyncCrypto before the replica sees it. A set that does not verify is skipped and counted, never
 * applied; the cursor still moves past it, with the page it came in, in the replica's transaction.
 * The first such set of a pull reads the account's device list again first (a device added since).
 */
import type { ReplicaPort, SyncCrypto, SyncCursor, SyncSet } from '../ports';
import { LIMITS, PullReplySchema, type StoredSet } from '../protocol';
import { malformedAnswer, parseAnswer } from './relay-problem';
import type { RelaySession } from './relay-session';

/** 5 million sets at 500 a page: a round stops here and the next carries on from the cursor. */
const MAX_PULL_PAGES = 10_000;

export interface PullDeps {
  readonly replica: ReplicaPort;
  readonly crypto: SyncCrypto;
  readonly session: RelaySession;
  /** Throws (or re-bootstraps) when the answer shows a relay that went back in time. */
  readonly checkRelay: (relayInstance: string, head: number) => Promise<void>;
  /** A set that did not verify or decrypt. */
  readonly onRejected: (set: StoredSet) => void;
  readonly onCursor: (cursor: SyncCursor) => void;
  /** Reads the account's device list again; called before the first set of a pull that does not open. */
  readonly refreshSigners?: () => Promise<void>;
  /** The team's roles (core/team/receipt.ts): a set they forbid is skipped and counted like one that does not verify. */
  readonly admits?: (set: StoredSet) => boolean;
  /** Right after loading a snapshot: read below the log's floor too (its purges and erasures). */
  readonly fromSnapshot?: boolean;
}

export interface PullOutcome {
  readonly applied: number;
  readonly rejected: number;
}

const openOrNull = async (crypto: SyncCrypto, set: StoredSet): Promise<SyncSet | null> => {
  try {
    return await crypto.open(set);
  } catch {
    return null;
  }
};

export const pullAll = async (deps: PullDeps): Promise<PullOutcome> => {
  const { replica, crypto, session } = deps;
  let applied = 0;
  let rejected = 0;
  let refreshed = false;
  /** A set signed by a device added since this one last read the device list opens once the list is read again. */
  const openWithRefresh = async (stored: StoredSet): Promise<SyncSet | null> => {
    const set = await openOrNull(crypto, stored);
    if (set || refreshed || !deps.refreshSigners) return set;
    refreshed = true;
    try {
      await deps.refreshSigners();
    } catch {
      // The list stays as it was: the set is skipped like any that does not verify.
      return null;
    }
    return openOrNull(crypto, stored);
  };
  for (let page = 0; page < MAX_PULL_PAGES; page += 1) {
    const since = (await replica.cursor())?.seq ?? 0;
    const reply = parseAnswer(PullReplySchema, await session.call('/v1/pull', { since, limit: LIMITS.maxPullSets, ...(deps.fromSnapshot ? { fromSnapshot: true } : {}) }));
    await deps.checkRelay(reply.relayInstance, reply.head);
    const last = reply.sets.at(-1);
    if (!last) return { applied, rejected };
    // The log comes in seq order from the cursor on; anything else is not the relay's log.
    const inOrder = reply.sets.every((set, index) => set.seq > (reply.sets[index - 1]?.seq ?? since));
    if (!inOrder || last.seq > reply.head) {
      throw malformedAnswer();
    }
    const opened: SyncSet[] = [];
    for (const stored of reply.sets) {
      const openedSet = deps.admits && !deps.admits(stored) ? null : await openWithRefresh(stored);
      // Opening may have read the team's log again (a member added since): the roles are checked on what it says now.
      const set = openedSet && (!deps.admits || deps.admits(stored)) ? openedSet : null;
      if (set) opened.push(set);
      else {
        rejected += 1;
        deps.onRejected(stored);
      }
    }
    const cursor = { relayInstance: reply.relayInstance, seq: last.seq, setId: last.setId };
    applied += (await replica.applyRemote(opened, cursor)).applied;
    deps.onCursor(cursor);
    if (!reply.more) return { applied, rejected };
  }
  return { applied, rejected };
};
