/**
 * How two records' fields become the survivor's: each single-valued field comes from the side
 * the user chose (by default the survivor's, unless it is empty and the other's is not); list
 * fields are united, the survivor's entries first, each value once.
 */
import type { CustomField, FieldsByKind } from '../records/types';
import type { FieldChoices, PartyKind } from './contract';

/** Fields the user picks a side for, in the order the compare view shows them. */
export const CHOSEN_FIELDS: { readonly [K in PartyKind]: readonly (keyof FieldsByKind[K] & string)[] } = {
  person: ['firstName', 'lastName', 'jobTitle', 'organisationId', 'consent', 'owner'],
  organisation: ['name', 'domain', 'owner'],
};

/** Fields whose values are united: nothing in them is lost by a merge. */
export const UNITED_FIELDS = ['emails', 'phones', 'websites', 'addresses', 'tags', 'customFields'] as const;
export type UnitedField = (typeof UNITED_FIELDS)[number];

const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** The side a field comes from when the user has not chosen. */
export const defaultSide = (survivorValue: unknown, otherValue: unknown): 'survivor' | 'other' =>
  (isEmpty(survivorValue) && !isEmpty(otherValue) ? 'other' : 'survivor');

/** The value that makes two entries of a list field one: phones compare by their digits,
 * tags as written, the rest ignoring case, spacing and a trailing slash. */
const entryKey = (field: UnitedField, value: unknown): string => {
  if (field === 'customFields') {
    const custom = value as CustomField;
    return `${custom.name.trim().toLowerCase()}\u0000${custom.value.trim()}`;
  }
  const text = String(value).trim().replace(/\s+/g, ' ');
  if (field === 'phones') return text.replace(/[^\d+]/g, '');
  if (field === 'tags') return text;
  return text.toLowerCase().replace(/\/+$/, '');
};

/** Survivor's entries first, then the other's that are not already there. */
export const uniteList = <T>(field: UnitedField, survivor: readonly T[], other: readonly T[]): T[] => {
  const seen = new Set<string>();
  return [...survivor, ...other].filter((entry) => {
    const key = entryKey(field, entry);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * The survivor's fields after the merge (not yet validated: the caller parses them as any
 * write does). Fields outside CHOSEN_FIELDS and UNITED_FIELDS keep the survivor's value.
 */
export const mergeFields = <K extends PartyKind>(
  kind: K, survivor: FieldsByKind[K], other: FieldsByKind[K], choices: FieldChoices,
): Record<string, unknown> => {
  const mine: Readonly<Record<string, unknown>> = Object.fromEntries(Object.entries(survivor));
  const theirs: Readonly<Record<string, unknown>> = Object.fromEntries(Object.entries(other));
  const merged: Record<string, unknown> = { ...mine };
  for (const field of CHOSEN_FIELDS[kind]) {
    const side = choices[field] ?? defaultSide(mine[field], theirs[field]);
    merged[field] = side === 'other' ? theirs[field] : mine[field];
  }
  for (const field of UNITED_FIELDS) {
    const a = mine[field];
    const b = theirs[field];
    if (Array.isArray(a) && Array.isArray(b)) merged[field] = uniteList(field, a, b);
  }
  return merged;
};
