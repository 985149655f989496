import {
  CASE_STATUSES, LAWFUL_BASES, MILESTONES, OPPORTUNITY_STATUSES,
  type CustomField, type FieldsByKind, type RecordKind,
} from '../../core/records/types';
import type { FieldHintKey, FieldLabelKey } from '../shared/messages/record-words';

/** How one field is edited. Values in a form are strings; `toInput` turns them into what the schema parses. */
export type FieldControl =
  | { readonly type: 'text' | 'email' | 'url' | 'tel' | 'number' | 'date' | 'textarea' }
  | { readonly type: 'lines' }
  | { readonly type: 'tags' }
  | { readonly type: 'custom' }
  | { readonly type: 'select'; readonly options: readonly string[]; readonly allowEmpty?: boolean }
  | { readonly type: 'link'; readonly kinds: readonly RecordKind[] };

export interface FieldSpec {
  readonly name: string;
  /** Its words are in FIELD_WORDS, read when the form renders. */
  readonly label: FieldLabelKey;
  readonly control: FieldControl;
  readonly hint?: FieldHintKey;
  /** Shown in the popup's quick add. */
  readonly quick?: boolean;
  /** The schema field an error for this control is reported under, when not `name`. */
  readonly errorKey?: string;
}

const lines = (name: string, label: FieldLabelKey, hint: FieldHintKey = 'onePerLine'): FieldSpec =>
  ({ name, label, hint, control: { type: 'lines' } });
const customFields: FieldSpec = { name: 'customFields', label: 'customFields', hint: 'customFields', control: { type: 'custom' } };
const contactLists: readonly FieldSpec[] = [
  lines('emails', 'emails'), lines('phones', 'phones'), lines('websites', 'websites', 'websites'),
  lines('addresses', 'addresses', 'addresses'),
  { name: 'tags', label: 'tags', hint: 'tags', control: { type: 'tags' } },
  customFields,
];

export const FORM_SPECS: Readonly<Record<RecordKind, readonly FieldSpec[]>> = {
  person: [
    { name: 'firstName', label: 'firstName', control: { type: 'text' }, quick: true },
    { name: 'lastName', label: 'lastName', control: { type: 'text' }, quick: true },
    { name: 'jobTitle', label: 'jobTitle', control: { type: 'text' } },
    { name: 'organisationId', label: 'organisation', control: { type: 'link', kinds: ['organisation'] } },
    ...contactLists,
    { name: 'consentBasis', label: 'consentBasis', errorKey: 'consent', control: { type: 'select', options: LAWFUL_BASES, allowEmpty: true } },
    { name: 'consentDate', label: 'consentDate', errorKey: 'consent', control: { type: 'date' } },
    { name: 'consentSource', label: 'consentSource', errorKey: 'consent', control: { type: 'text' } },
    { name: 'cadenceDays', label: 'cadenceDays', control: { type: 'number' } },
  ],
  organisation: [
    { name: 'name', label: 'name', control: { type: 'text' }, quick: true },
    { name: 'domain', label: 'domain', hint: 'domain', control: { type: 'text' }, quick: true },
    ...contactLists,
  ],
  case: [
    { name: 'name', label: 'name', control: { type: 'text' } },
    { name: 'partyId', label: 'concerns', control: { type: 'link', kinds: ['person', 'organisation'] } },
    { name: 'status', label: 'status', control: { type: 'select', options: CASE_STATUSES } },
    { name: 'description', label: 'description', control: { type: 'textarea' } },
    customFields,
  ],
  opportunity: [
    { name: 'name', label: 'name', control: { type: 'text' } },
    { name: 'partyId', label: 'party', control: { type: 'link', kinds: ['person', 'organisation'] } },
    { name: 'value', label: 'value', control: { type: 'number' } },
    { name: 'currency', label: 'currency', hint: 'currency', control: { type: 'text' } },
    { name: 'milestone', label: 'milestone', control: { type: 'select', options: MILESTONES } },
    { name: 'probability', label: 'probability', control: { type: 'number' } },
    { name: 'expectedCloseDate', label: 'expectedClose', control: { type: 'date' } },
    { name: 'status', label: 'status', control: { type: 'select', options: OPPORTUNITY_STATUSES } },
    // Shown only while the status is lost (lost-reason.ts).
    { name: 'lostReason', label: 'lostReason', control: { type: 'text' } },
    customFields,
  ],
  note: [
    { name: 'body', label: 'note', control: { type: 'textarea' } },
  ],
  // Tasks and conversations have forms of their own (due dates, times, zones); these are the text parts.
  task: [
    { name: 'description', label: 'description', control: { type: 'textarea' } },
  ],
  activity: [
    { name: 'body', label: 'note', control: { type: 'textarea' } },
  ],
};

export type FormValues = Readonly<Record<string, string>>;

/** Free custom fields as the form's text: one `Name: value` per line. */
export const customFieldsText = (pairs: readonly CustomField[]): string =>
  pairs.map((pair) => `${pair.name}: ${pair.value}`).join('\n');

const splitLines = (text: string): string[] => text.split('\n').map((s) => s.trim()).filter(Boolean);
const asText = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** The strings a form starts with for a record's fields. */
export const toFormValues = <K extends RecordKind>(kind: K, fields: FieldsByKind[K]): FormValues => {
  const source: Readonly<Record<string, unknown>> = { ...fields };
  const values: Record<string, string> = {};
  for (const spec of FORM_SPECS[kind]) {
    const value = source[spec.name];
    switch (spec.control.type) {
      case 'lines': values[spec.name] = Array.isArray(value) ? value.join('\n') : ''; break;
      case 'tags': values[spec.name] = Array.isArray(value) ? value.join(', ') : ''; break;
      case 'custom': values[spec.name] = Array.isArray(value) ? customFieldsText(value) : ''; break;
      default: values[spec.name] = asText(value);
    }
  }
  if (kind === 'person') {
    const consent = (fields as FieldsByKind['person']).consent;
    values.consentBasis = consent?.basis ?? '';
    values.consentDate = consent?.date ?? '';
    values.consentSource = consent?.source ?? '';
  }
  return values;
};

/** What the schema parses: lists split, links and empty selections null, consent assembled. */
export const toInput = (kind: RecordKind, values: FormValues): Record<string, unknown> => {
  const input: Record<string, unknown> = {};
  for (const spec of FORM_SPECS[kind]) {
    if (spec.name.startsWith('consent')) continue;
    const text = values[spec.name] ?? '';
    switch (spec.control.type) {
      case 'lines': input[spec.name] = splitLines(text); break;
      case 'tags': input[spec.name] = text.split(',').map((s) => s.trim()).filter(Boolean); break;
      case 'custom':
        input[spec.name] = splitLines(text).map((line) => {
          const colon = line.indexOf(':');
          return colon < 0 ? { name: line, value: '' } : { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
        });
        break;
      case 'link': input[spec.name] = text || null; break;
      default: input[spec.name] = text;
    }
  }
  // A reason belongs to a lost opportunity only: won or open again, it goes (as on the board).
  if (kind === 'opportunity' && input.status !== 'lost') input.lostReason = '';
  if (kind === 'person') {
    const basis = values.consentBasis ?? '';
    input.consent = basis
      ? { basis, date: values.consentDate ?? '', source: values.consentSource ?? '' }
      : null;
  }
  return input;
};
