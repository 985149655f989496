import { formatValue } from '../../core/records/display';
import type { LocketRecord } from '../../core/records/types';

/** A label and the text to show for each filled field of a record, in reading order. Links are shown apart. */
export const detailRows = (record: LocketRecord): ReadonlyArray<readonly [string, string]> => {
  const rows: Array<readonly [string, string]> = [];
  const add = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && String(value).trim() !== '') rows.push([label, String(value)]);
  };
  const list = (label: string, values: readonly string[]) => add(label, values.join('\n'));
  switch (record.kind) {
    case 'person': {
      const f = record.fields;
      add('Job title', f.jobTitle); list('Emails', f.emails); list('Phones', f.phones);
      list('Websites', f.websites); list('Addresses', f.addresses);
      for (const custom of f.customFields) add(custom.name, custom.value);
      if (f.consent) add('Lawful basis', `${f.consent.basis.replaceAll('-', ' ')} since ${f.consent.date}${f.consent.source ? ` (${f.consent.source})` : ''}`);
      break;
    }
    case 'organisation': {
      const f = record.fields;
      add('Domain', f.domain); list('Emails', f.emails); list('Phones', f.phones);
      list('Websites', f.websites); list('Addresses', f.addresses);
      for (const custom of f.customFields) add(custom.name, custom.value);
      break;
    }
    case 'case':
      add('Status', record.fields.status); add('Description', record.fields.description);
      break;
    case 'opportunity': {
      const f = record.fields;
      add('Value', f.value === null ? null : formatValue(f.value, f.currency));
      add('Milestone', f.milestone); add('Probability', `${f.probability}%`);
      add('Expected close', f.expectedCloseDate); add('Status', f.status);
      break;
    }
    case 'note':
      add('Source', record.fields.sourceUrl);
      break;
  }
  return rows;
};
