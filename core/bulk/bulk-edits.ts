/**
 * What a bulk action does to one record's fields: the whole fields after it, or null when the
 * record is already so (or its kind has no such field), so it is left out of the batch.
 * Tags compare ignoring case, as the tag list's own rule does (field-schemas.ts).
 */
import type { RecordKind } from '../records/types';
import type { BulkAction, BulkField } from './bulk-types';

const FIELD_KINDS: Readonly<Record<BulkField, readonly RecordKind[]>> = {
  owner: ['person', 'organisation', 'case', 'opportunity'],
  status: ['case', 'opportunity'],
  jobTitle: ['person'],
  organisationId: ['person'],
};

const sameTag = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase();

const tagsOf = (fields: object): readonly string[] | null => {
  const tags: unknown = (fields as Record<string, unknown>).tags;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : null;
};

const withTags = (fields: object, before: readonly string[], after: readonly string[]): object | null =>
  (after.length === before.length && after.every((tag, index) => tag === before[index]) ? null : { ...fields, tags: after });

export const bulkEdit = (action: Exclude<BulkAction, { readonly type: 'trash' }>) => (kind: RecordKind, fields: object): object | null => {
  if (action.type === 'set-field') {
    if (!FIELD_KINDS[action.field].includes(kind)) return null;
    const current: unknown = (fields as Record<string, unknown>)[action.field];
    if (action.field === 'status' && kind === 'opportunity') {
      const reason = action.value === 'lost' ? (action.lostReason ?? '') : '';
      const before: unknown = (fields as Record<string, unknown>).lostReason;
      return current === action.value && before === reason ? null : { ...fields, status: action.value, lostReason: reason };
    }
    return current === action.value ? null : { ...fields, [action.field]: action.value };
  }
  const tags = tagsOf(fields);
  if (!tags) return null;
  switch (action.type) {
    case 'add-tag':
      return tags.some((tag) => sameTag(tag, action.tag)) ? null : { ...fields, tags: [...tags, action.tag] };
    case 'remove-tag':
      return withTags(fields, tags, tags.filter((tag) => !sameTag(tag, action.tag)));
    case 'rename-tag': {
      if (!tags.some((tag) => sameTag(tag, action.from))) return null;
      // In the old tag's place; dropped there when the record carries the new one already (a merge).
      const carriesNew = tags.some((tag) => sameTag(tag, action.to) && !sameTag(tag, action.from));
      const renamed = tags.flatMap((tag) => (sameTag(tag, action.from) ? (carriesNew ? [] : [action.to]) : [tag]));
      return withTags(fields, tags, renamed);
    }
  }
};
