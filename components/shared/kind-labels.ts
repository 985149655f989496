import type { RecordKind } from '../../core/records/types';

/** The words the interface uses for each kind. */
export const KIND_LABELS: Readonly<Record<RecordKind, { readonly one: string; readonly many: string }>> = {
  person: { one: 'Person', many: 'People' },
  organisation: { one: 'Organisation', many: 'Organisations' },
  case: { one: 'Case', many: 'Cases' },
  opportunity: { one: 'Opportunity', many: 'Opportunities' },
  note: { one: 'Note', many: 'Notes' },
};
