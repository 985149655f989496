/** The value a list row shows for its sort column, beside its subtitle ("" where the row's title or subtitle says it already). */
import type { SortColumn } from '../../core/filters/filter-schema';
import { formatValue, ownerOf } from '../../core/records/display';
import type { LocketRecord } from '../../core/records/types';
import { formatDate } from '../shared/i18n/format';
import { currentLocale } from '../shared/i18n/locale';
import { choiceLabel } from '../shared/messages/record-words';

export const columnText = (
  record: LocketRecord, column: SortColumn,
  /** The owner's name for a milestone (MilestoneNamesController); the built-in's word when not given. */
  milestoneNameOf: (id: string) => string = choiceLabel,
): string => {
  switch (column) {
    case 'created': return formatDate(record.createdAt);
    case 'updated': return formatDate(record.updatedAt);
    case 'value':
      return record.kind === 'opportunity' && record.fields.value !== null ? formatValue(record.fields.value, record.fields.currency, currentLocale()) : '';
    case 'close-date': return record.kind === 'opportunity' ? record.fields.expectedCloseDate ?? '' : '';
    case 'milestone': return record.kind === 'opportunity' ? milestoneNameOf(record.fields.milestone) : '';
    case 'owner': return ownerOf(record) ?? '';
    case 'name': case 'organisation': case 'status': return '';
  }
};
