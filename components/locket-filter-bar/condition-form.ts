/**
 * What the "Add filter" form offers per kind, and the condition its inputs make. A field
 * offers only the tests that make sense on it; the value's input follows the test.
 */
import * as v from 'valibot';
import { ConditionSchema, type Condition, type ConditionField } from '../../core/filters/filter-schema';
import { DEFAULT_PIPELINE, type MilestoneDef } from '../../core/pipeline/pipeline-settings';
import { CASE_STATUSES, LAWFUL_BASES, OPPORTUNITY_STATUSES, type ListedKind } from '../../core/records/types';
import type { FilterOp } from '../shared/messages/filter-words';
import { milestoneName } from '../shared/messages/list-words';
import { choiceLabel } from '../shared/messages/record-words';

/** The field the user picks in the form; "import" is the built-in list's alone. */
export type FormField = Exclude<ConditionField, 'import'>;

const DATES: readonly FilterOp[] = ['before', 'after', 'within-days', 'older-than-days', 'this-week'];

export const FIELDS_OF_KIND: Readonly<Record<ListedKind, readonly FormField[]>> = {
  person: ['tag', 'organisation', 'city', 'country', 'owner', 'created', 'updated', 'last-activity', 'lawful-basis', 'consent-date', 'custom'],
  organisation: ['tag', 'city', 'country', 'owner', 'created', 'updated', 'last-activity', 'custom'],
  case: ['organisation', 'status', 'owner', 'created', 'updated'],
  opportunity: ['organisation', 'milestone', 'status', 'value', 'close-date', 'owner', 'created', 'updated', 'custom'],
};

export const OPS_OF_FIELD: Readonly<Record<FormField, readonly FilterOp[]>> = {
  tag: ['has', 'has-not'], organisation: ['is'], city: ['is', 'contains'], country: ['is', 'contains'], owner: ['is', 'contains'],
  created: DATES, updated: DATES, 'last-activity': DATES, 'consent-date': DATES, 'close-date': DATES,
  'lawful-basis': ['is'], milestone: ['is'], status: ['is'], value: ['at-least', 'at-most'],
  custom: ['equals', 'contains', 'at-least', 'at-most', 'before', 'after'],
};

export interface Choice {
  readonly value: string;
  readonly label: string;
}

const worded = (codes: readonly string[]): readonly Choice[] => codes.map((code) => ({ value: code, label: choiceLabel(code) }));

/**
 * The choices a picklist field offers on this kind; empty for a field typed in. Milestones are
 * the owner's (renamed and added ones included, in the owner's order); the built-in five until read.
 */
export const choicesOf = (field: FormField, kind: ListedKind, milestones: readonly MilestoneDef[] = DEFAULT_PIPELINE.milestones): readonly Choice[] => {
  if (field === 'lawful-basis') return worded(LAWFUL_BASES);
  if (field === 'milestone') return milestones.map((milestone) => ({ value: milestone.id, label: milestoneName(milestone) }));
  if (field === 'status') return worded(kind === 'case' ? CASE_STATUSES : OPPORTUNITY_STATUSES);
  return [];
};

export type ValueInput = 'text' | 'date' | 'number' | 'choice' | 'none';

export const inputOf = (field: FormField, op: FilterOp): ValueInput => {
  if (op === 'this-week') return 'none';
  if (field === 'lawful-basis' || field === 'milestone' || field === 'status') return 'choice';
  if (op === 'before' || op === 'after') return 'date';
  if (op === 'within-days' || op === 'older-than-days' || op === 'at-least' || op === 'at-most') return 'number';
  return 'text';
};

export interface FormValues {
  readonly field: FormField;
  readonly op: FilterOp;
  readonly value: string;
  /** A custom field's name. */
  readonly name: string;
  /** The organisation the typed name was found as (organisation is). */
  readonly organisation?: { readonly id: string; readonly label: string };
}

/** The condition the form's values make; null when a value is missing or not of its kind. */
export const conditionFrom = ({ field, op, value, name, organisation }: FormValues): Condition | null => {
  const text = value.trim();
  const amount = text === '' ? Number.NaN : Number(text);
  const candidate: Record<string, unknown> = { field, op };
  if (field === 'custom') candidate.name = name;
  if (field === 'organisation') Object.assign(candidate, organisation ?? {});
  else if (field === 'tag') candidate.tag = text;
  else if (field === 'lawful-basis') candidate.basis = text;
  else if (field === 'milestone') candidate.milestone = text;
  else if (field === 'status') candidate.status = text;
  else if (op === 'before' || op === 'after') candidate.date = text;
  else if (op === 'within-days' || op === 'older-than-days') candidate.days = amount;
  else if (op === 'at-least' || op === 'at-most') candidate.amount = amount;
  else if (op !== 'this-week') candidate.text = text;
  const parsed = v.safeParse(ConditionSchema, candidate);
  return parsed.success ? parsed.output : null;
};
