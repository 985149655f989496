/**
 * Text conditions, without regard to case or surrounding spaces. Addresses are free text: a
 * city or country "is" one of an address's comma- or line-separated parts, and "contains" any
 * part of any address (city and country read the same addresses; the words differ for the user).
 */
import type { LocketRecord } from '../records/types';
import type { Condition } from './filter-schema';
import { ownerOf } from '../records/display';

type TextCondition = Extract<Condition, { field: 'city' | 'country' | 'owner' }>;
type CustomCondition = Extract<Condition, { field: 'custom' }>;

const fold = (text: string): string => text.trim().toLowerCase();

const addressesOf = (record: LocketRecord): readonly string[] =>
  (record.kind === 'person' || record.kind === 'organisation' ? record.fields.addresses : []);


const partsOf = (address: string): string[] => address.split(/[,\n]/).map(fold).filter((part) => part !== '');

export const textFieldTest = (condition: TextCondition): ((record: LocketRecord) => boolean) => {
  const wanted = fold(condition.text);
  if (condition.field === 'owner') {
    return (record) => {
      const owner = ownerOf(record);
      if (owner === null) return false;
      return condition.op === 'is' ? fold(owner) === wanted : fold(owner).includes(wanted);
    };
  }
  return condition.op === 'is'
    ? (record) => addressesOf(record).some((address) => partsOf(address).includes(wanted))
    : (record) => addressesOf(record).some((address) => fold(address).includes(wanted));
};

/** A custom field's value read as a number ("1,200.50" and "1200" alike); null when it is not one. */
const numberOf = (value: string): number | null => {
  const cleaned = value.trim().replace(/[\s,]/g, '');
  if (cleaned === '') return null;
  const number = Number(cleaned);
  return Number.isFinite(number) ? number : null;
};

/** A custom field's value read as a YYYY-MM-DD day; null when it does not start with one. */
const dayOf = (value: string): string | null => /^\d{4}-\d{2}-\d{2}/.exec(value.trim())?.[0] ?? null;

const customValuesOf = (record: LocketRecord, name: string): string[] => {
  // People, organisations, cases and opportunities carry custom fields; notes, tasks and conversations do not.
  if (!('customFields' in record.fields)) return [];
  const wanted = fold(name);
  return record.fields.customFields.filter((field) => fold(field.name) === wanted).map((field) => field.value);
};

/** True when any of the record's fields of that name passes. */
export const customFieldTest = (condition: CustomCondition): ((record: LocketRecord) => boolean) => {
  const passes = ((): ((value: string) => boolean) => {
    switch (condition.op) {
      case 'equals': return (value) => fold(value) === fold(condition.text);
      case 'contains': return (value) => fold(value).includes(fold(condition.text));
      case 'at-least': return (value) => { const n = numberOf(value); return n !== null && n >= condition.amount; };
      case 'at-most': return (value) => { const n = numberOf(value); return n !== null && n <= condition.amount; };
      case 'before': return (value) => { const day = dayOf(value); return day !== null && day < condition.date; };
      case 'after': return (value) => { const day = dayOf(value); return day !== null && day > condition.date; };
    }
  })();
  return (record) => customValuesOf(record, condition.name).some(passes);
};
