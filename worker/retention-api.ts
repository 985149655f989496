/**
 * Retention rules in the worker: one pass over the live records, in batches, proposes what
 * a rule matches. It only proposes; the owner reviews the list and moves what they confirm
 * to the trash through the store.
 */
import type { Clock } from '../core/clock';
import { titleOf, subtitleOf } from '../core/records/display';
import { linksOf } from '../core/records/links';
import type { LocketRecord, RecordId } from '../core/records/types';
import type { RetentionRule } from '../core/retention/policy';
import { ruleCutoff, ruleSince } from '../core/retention/rules';
import type { LocketStore } from '../core/store/contract';
import type { RetentionCandidate, RetentionImplementation } from './contract';

/** A review list longer than this is not read by anyone; the oldest come first, so they are the ones shown. */
export const MAX_CANDIDATES = 5000;
const READ_BATCH = 1000;

export interface RetentionApiDeps {
  readonly store: LocketStore;
  readonly clock: Clock;
}

const candidateOf = (record: LocketRecord, since: number): RetentionCandidate =>
  ({ id: record.id, kind: record.kind, title: titleOf(record), subtitle: subtitleOf(record), since });

const oldestFirst = (a: RetentionCandidate, b: RetentionCandidate): number =>
  a.since - b.since || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What counts as activity with a record: a note on it, or a case or opportunity about it. */
const isActivity = (record: LocketRecord): boolean =>
  record.kind === 'note' || record.kind === 'case' || record.kind === 'opportunity';

/**
 * The latest updatedAt of the live records that link to each record, gathered during the
 * same pass. A note on a case or opportunity counts for the person that case is about too,
 * so a person with a lively deal is never called inactive.
 */
const createActivityMap = () => {
  const latest = new Map<RecordId, number>();
  const partyOf = new Map<RecordId, RecordId>();
  const bump = (target: RecordId, at: number) => latest.set(target, Math.max(latest.get(target) ?? 0, at));
  return {
    visit: (record: LocketRecord) => {
      if (!isActivity(record)) return;
      for (const target of linksOf(record.kind, record.fields)) {
        bump(target, record.updatedAt);
        if (record.kind !== 'note') partyOf.set(record.id, target);
      }
    },
    /** Call once the pass is over: notes may come after the case they are on. */
    lastActivity: (): ReadonlyMap<RecordId, number> => {
      for (const [item, party] of partyOf) {
        const onItem = latest.get(item);
        if (onItem !== undefined) bump(party, onItem);
      }
      return latest;
    },
  };
};

const propose = async (store: LocketStore, rule: RetentionRule, now: number): Promise<RetentionCandidate[]> => {
  const cutoff = ruleCutoff(rule, now);
  const matched: RetentionCandidate[] = [];
  // People are decided after the pass, once every linked record has been seen; activity only
  // makes a person younger, so one not already past the window on their own is dropped at once.
  const people: RetentionCandidate[] = [];
  const activity = createActivityMap();
  const peopleRule = rule.kind === 'inactive-people';

  await store.forEachBatch(READ_BATCH, (records) => {
    for (const record of records) {
      if (peopleRule) activity.visit(record);
      const since = ruleSince(rule, record, 0);
      if (since === null || since >= cutoff) continue;
      (peopleRule ? people : matched).push(candidateOf(record, since));
    }
  });

  if (peopleRule) {
    const lastActivity = activity.lastActivity();
    for (const person of people) {
      // As ruleSince measures a person: the later of their own last edit and their last activity.
      const since = Math.max(person.since, lastActivity.get(person.id) ?? 0);
      if (since < cutoff) matched.push({ ...person, since });
    }
  }
  return matched.sort(oldestFirst).slice(0, MAX_CANDIDATES);
};

/** The rule arrives checked against the contract (host.ts). */
export const createRetentionApi = ({ store, clock }: RetentionApiDeps): RetentionImplementation => ({
  proposeRetention: async (rule) => propose(store, rule, clock.now()),
});
