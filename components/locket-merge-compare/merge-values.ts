/** How the compare view shows a field's value on each side: in words, '' when empty. */
import type { FieldsByKind, LocketRecord, RecordId } from '../../core/records/types';
import type { PartyKind } from '../../core/merge/contract';
import { choiceLabel, FIELD_WORDS, RECORD_WORDS, type FieldLabelKey } from '../shared/messages/record-words';
import { recordTitle } from '../shared/record-title';

/** The label of a field the compare view shows, in the form's words. */
export const fieldLabel = (field: string): string => {
  const labels: Readonly<Record<string, string>> = FIELD_WORDS.labels;
  const key: FieldLabelKey | undefined = field === 'organisationId' ? 'organisation' : field === 'consent' ? 'consentBasis' : undefined;
  return key ? FIELD_WORDS.labels[key] : labels[field] ?? field;
};

export const valueText = (field: string, value: unknown, names: ReadonlyMap<RecordId, LocketRecord>): string => {
  if (value === null || value === undefined) return '';
  if (field === 'organisationId') {
    const organisation = names.get(String(value));
    return organisation ? recordTitle(organisation) : '';
  }
  if (field === 'consent') {
    const consent = value as NonNullable<FieldsByKind['person']['consent']>;
    return RECORD_WORDS.since(choiceLabel(consent.basis), consent.date);
  }
  if (field === 'customFields') return (value as FieldsByKind[PartyKind]['customFields']).map((custom) => `${custom.name}: ${custom.value}`).join('\n');
  if (Array.isArray(value)) return value.join('\n');
  return String(value);
};

export const fieldsOf = (record: LocketRecord): Readonly<Record<string, unknown>> => Object.fromEntries(Object.entries(record.fields));
