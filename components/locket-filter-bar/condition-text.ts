/** A condition in words, for its chip: "Tag has Customer", "Created within the last 7 days". */
import type { Condition } from '../../core/filters/filter-schema';
import { choiceLabel } from '../shared/messages/record-words';
import { FILTER_WORDS } from '../shared/messages/filter-words';
import { formatNumber } from '../shared/i18n/format';

/** A milestone id in words: the owner's name for it, a built-in's word, or the id of one no longer listed. */
export type MilestoneWords = (id: string) => string;

const valueText = (condition: Condition, milestoneWords: MilestoneWords): string => {
  if ('tag' in condition) return condition.tag;
  if ('label' in condition) return condition.label;
  if ('text' in condition) return condition.text;
  if ('date' in condition) return condition.date;
  if ('amount' in condition) return formatNumber(condition.amount);
  if ('basis' in condition) return choiceLabel(condition.basis);
  if ('milestone' in condition) return milestoneWords(condition.milestone);
  if ('status' in condition) return choiceLabel(condition.status);
  return '';
};

export const conditionText = (condition: Condition, milestoneWords: MilestoneWords = choiceLabel): string => {
  const field = condition.field === 'custom' ? condition.name : FILTER_WORDS.fields[condition.field];
  if (condition.op === 'within-days') return `${field} ${FILTER_WORDS.withinDays(condition.days)}`;
  if (condition.op === 'older-than-days') return `${field} ${FILTER_WORDS.olderThanDays(condition.days)}`;
  const value = valueText(condition, milestoneWords);
  return [field, FILTER_WORDS.ops[condition.op], value].filter((part) => part !== '').join(' ');
};
