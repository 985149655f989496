import { titleOf } from '../../core/records/display';
import type { LocketRecord, RecordKind } from '../../core/records/types';

/** What a record with nothing to name it by is called; cases and opportunities always have a name. */
const UNNAMED: Readonly<Record<RecordKind, string>> = {
  person: 'Unnamed person',
  organisation: 'Unnamed organisation',
  case: '',
  opportunity: '',
  note: '',
};

/** A title from core (titleOf, a candidate's title) in words: an empty one names the kind instead. */
export const titleText = (title: string, kind: RecordKind): string => title || UNNAMED[kind];

/** The name a list row, a heading and a link show. */
export const recordTitle = (record: LocketRecord): string => titleText(titleOf(record), record.kind);
