import type { BulkField } from '../../core/bulk/bulk-types';
import { CASE_STATUSES, OPPORTUNITY_STATUSES, type ListedKind } from '../../core/records/types';

/** The fields the bar offers per kind, and for a field with set choices, those choices (else free text). */
export const FIELDS_OF_KIND: Readonly<Record<ListedKind, readonly BulkField[]>> = {
  person: ['owner', 'jobTitle'],
  organisation: ['owner'],
  case: ['owner', 'status'],
  opportunity: ['owner', 'status'],
};

export const choicesOf = (kind: ListedKind, field: BulkField): readonly string[] | null => {
  if (field !== 'status') return null;
  return kind === 'case' ? CASE_STATUSES : OPPORTUNITY_STATUSES;
};
