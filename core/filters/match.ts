/**
 * Whether a record matches a filter. Conditions on one field are alternatives (OR: "tag
 * Customer or tag Partner"), fields combine with AND; a bound (before, after, at least, at
 * most, within, older than) or an exclusion ("has not") always narrows, so each of those stands
 * on its own and is ANDed. A record without the value a condition asks about (no consent, no
 * close date, a kind that has no tags) does not match it, except that it "has not" any tag.
 */
import type { LocketRecord, RecordId, RecordKind } from '../records/types';
import type { Condition, Filter } from './filter-schema';
import { dateTest, type DayClock } from './dates';
import { customFieldTest, textFieldTest } from './text-tests';

export interface MatchContext extends DayClock {
  /** The records of the newest import that was not undone; empty when there is none. */
  readonly lastImportIds: ReadonlySet<RecordId>;
  /**
   * When the record last saw activity. The worker's filter run passes when it was last
   * contacted (a logged conversation or a done task), else its own last change; without
   * one, its own last change (updatedAt).
   */
  readonly lastActivityOf?: (record: LocketRecord) => number;
}

/** What a stored row shows in the clear, enough to rule a row out before it is decrypted. */
export interface ClearRow {
  readonly id: RecordId;
  readonly kind: RecordKind;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly links: readonly RecordId[];
}

type Test<T> = (subject: T) => boolean;

const ORED = new Set(['has', 'is', 'contains', 'equals']);

/** Conditions that are alternatives share a key; every other condition has one of its own. */
const groupKey = (condition: Condition, position: number): string => {
  if (!ORED.has(condition.op) || condition.field === 'import') return `#${position}`;
  return condition.field === 'custom' ? `custom:${condition.name.toLowerCase()}` : condition.field;
};

const partyOf = (record: LocketRecord): RecordId | null => {
  switch (record.kind) {
    case 'person': return record.fields.organisationId;
    case 'case': case 'opportunity': return record.fields.partyId;
    default: return null;
  }
};

const tagsOf = (record: LocketRecord): readonly string[] =>
  (record.kind === 'person' || record.kind === 'organisation' ? record.fields.tags : []);

const hasTag = (record: LocketRecord, tag: string): boolean => {
  const wanted = tag.toLowerCase();
  return tagsOf(record).some((each) => each.trim().toLowerCase() === wanted);
};

/** The test a condition makes on a decrypted record. */
const recordTest = (condition: Condition, context: MatchContext): Test<LocketRecord> => {
  switch (condition.field) {
    case 'tag':
      return condition.op === 'has' ? (record) => hasTag(record, condition.tag) : (record) => !hasTag(record, condition.tag);
    case 'organisation':
      return (record) => partyOf(record) === condition.id;
    case 'city': case 'country': case 'owner':
      return textFieldTest(condition);
    case 'created': case 'updated': case 'consent-date': case 'close-date': case 'last-activity':
      return dateTest(condition, context);
    case 'lawful-basis':
      return (record) => record.kind === 'person' && record.fields.consent?.basis === condition.basis;
    case 'milestone':
      return (record) => record.kind === 'opportunity' && record.fields.milestone === condition.milestone;
    case 'status':
      return (record) => (record.kind === 'case' || record.kind === 'opportunity') && record.fields.status === condition.status;
    case 'value':
      return (record) => {
        if (record.kind !== 'opportunity' || record.fields.value === null) return false;
        return condition.op === 'at-least' ? record.fields.value >= condition.amount : record.fields.value <= condition.amount;
      };
    case 'import':
      return (record) => context.lastImportIds.has(record.id);
    case 'custom':
      return customFieldTest(condition);
  }
};

/** The test a condition makes on the clear row, or null when only the decrypted fields can tell. */
const clearTest = (condition: Condition, context: MatchContext): Test<ClearRow> | null => {
  switch (condition.field) {
    case 'created': case 'updated': {
      const test = dateTest(condition, context);
      // The row's times are the record's: the test reads only createdAt and updatedAt.
      return (row) => test(row as unknown as LocketRecord);
    }
    case 'organisation':
      return (row) => row.links.includes(condition.id);
    case 'import':
      return (row) => context.lastImportIds.has(row.id);
    default:
      return null;
  }
};

const anyOf = <T>(tests: readonly Test<T>[]): Test<T> => {
  const [only] = tests;
  return tests.length === 1 && only ? only : (subject) => tests.some((test) => test(subject));
};
const allOf = <T>(tests: readonly Test<T>[]): Test<T> => (subject) => tests.every((test) => test(subject));

export interface CompiledFilter {
  /** False only for rows that cannot match, whatever their encrypted fields hold. */
  readonly mayMatch: Test<ClearRow>;
  readonly matches: Test<LocketRecord>;
  readonly isEmpty: boolean;
}

export const compileFilter = (filter: Filter, context: MatchContext): CompiledFilter => {
  const groups = new Map<string, Condition[]>();
  filter.conditions.forEach((condition, position) => {
    const key = groupKey(condition, position);
    groups.set(key, [...(groups.get(key) ?? []), condition]);
  });
  const recordGroups: Test<LocketRecord>[] = [];
  const clearGroups: Test<ClearRow>[] = [];
  for (const conditions of groups.values()) {
    recordGroups.push(anyOf(conditions.map((condition) => recordTest(condition, context))));
    const clear = conditions.map((condition) => clearTest(condition, context));
    // A group with one condition the row cannot tell may still match through that one.
    if (clear.every((test) => test !== null)) clearGroups.push(anyOf(clear as Test<ClearRow>[]));
  }
  return { mayMatch: allOf(clearGroups), matches: allOf(recordGroups), isEmpty: filter.conditions.length === 0 };
};
