import { titleOf } from '../../core/records/display';
import type { LocketRecord, RecordKind } from '../../core/records/types';
import { choiceLabel, kindPhrases } from './messages/record-words';
import { intlLocale } from './i18n/locale';
import { formatValue, subtitleOf } from '../../core/records/display';

/** A title from core (titleOf, a candidate's title) in words: an empty one names the kind instead. */
export const titleText = (title: string, kind: RecordKind): string =>
  title || (kind === 'person' || kind === 'organisation' ? kindPhrases(kind).unnamed : '');

/** The name a list row, a heading and a link show. */
export const recordTitle = (record: LocketRecord): string => titleText(titleOf(record), record.kind);

/** An amount in the page's language: "€1,200" in English, "1.200 €" in German. */
export const formatAmount = (value: number, currency: string): string => formatValue(value, currency, intlLocale());

/** The second line under a record's title, as core's subtitleOf gives it, with statuses and amounts in the page's language. */
export const recordSubtitle = (record: LocketRecord): string => {
  switch (record.kind) {
    case 'person': return record.fields.jobTitle || (record.fields.emails[0] ?? '');
    case 'organisation': return record.fields.domain || (record.fields.emails[0] ?? '');
    case 'case': return choiceLabel(record.fields.status);
    case 'opportunity': {
      const { value, currency, status } = record.fields;
      return value === null ? choiceLabel(status) : `${formatAmount(value, currency)} · ${choiceLabel(status)}`;
    }
    case 'note': return '';
    case 'task':
    case 'activity': return subtitleOf(record);
  }
};
