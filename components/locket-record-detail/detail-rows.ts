import { choiceLabel, FIELD_WORDS, RECORD_WORDS } from '../shared/messages/record-words';
import { formatAmount } from '../shared/record-title';
import type { LocketRecord } from '../../core/records/types';
import type { FieldDefinition } from '../../core/custom-fields/definitions';
import { customFieldRows } from '../shared/custom-field-rows';

/** A label and the text to show for each filled field of a record, in reading order. Links are shown apart. */
export const detailRows = (record: LocketRecord, definitions: readonly FieldDefinition[] = []): ReadonlyArray<readonly [string, string]> => {
  const rows: Array<readonly [string, string]> = [];
  const L = FIELD_WORDS.labels;
  const add = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && String(value).trim() !== '') rows.push([label, String(value)]);
  };
  const list = (label: string, values: readonly string[]) => add(label, values.join('\n'));
  switch (record.kind) {
    case 'person': {
      const f = record.fields;
      add(L.jobTitle, f.jobTitle); list(L.emails, f.emails); list(L.phones, f.phones);
      list(L.websites, f.websites); list(L.addresses, f.addresses);
      for (const [label, value] of customFieldRows(definitions, f.customFields).rows) add(label, value);
      if (f.consent) add(L.consentBasis, `${RECORD_WORDS.since(choiceLabel(f.consent.basis), f.consent.date)}${f.consent.source ? ` (${f.consent.source})` : ''}`);
      break;
    }
    case 'organisation': {
      const f = record.fields;
      add(L.domain, f.domain); list(L.emails, f.emails); list(L.phones, f.phones);
      list(L.websites, f.websites); list(L.addresses, f.addresses);
      for (const [label, value] of customFieldRows(definitions, f.customFields).rows) add(label, value);
      break;
    }
    case 'case':
      add(L.status, choiceLabel(record.fields.status)); add(L.description, record.fields.description);
      for (const [label, value] of customFieldRows(definitions, record.fields.customFields).rows) add(label, value);
      break;
    case 'opportunity': {
      const f = record.fields;
      add(L.value, f.value === null ? null : formatAmount(f.value, f.currency));
      add(L.milestone, choiceLabel(f.milestone)); add(L.probabilityShown, `${f.probability}%`);
      add(L.expectedClose, f.expectedCloseDate); add(L.status, choiceLabel(f.status));
      if (f.status === 'lost') add(L.lostReason, f.lostReason);
      for (const [label, value] of customFieldRows(definitions, f.customFields).rows) add(label, value);
      break;
    }
    case 'note':
      add(L.source, record.fields.sourceUrl);
      break;
  }
  return rows;
};
