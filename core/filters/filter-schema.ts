/**
 * A list filter and its sort, as stored in settings (saved lists, each list's remembered view):
 * stored values are checked against these schemas when read, like every other setting.
 */
import * as v from 'valibot';
import { MILESTONE_ID_MAX } from '../records/schema';
import { LAWFUL_BASES, LISTED_KINDS } from '../records/types';

const Text = v.pipe(v.string(), v.trim(), v.maxLength(200));
const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const Days = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36_500));
const Amount = v.pipe(v.number(), v.finite());
/** Any of the owner's milestone ids (core/pipeline), and one no longer listed: a filter outlives a deleted milestone. */
const MilestoneId = v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(MILESTONE_ID_MAX));

/** Dates a record carries: the clear row's times, consent and expected close from its fields. */
export const DATE_FIELDS = ['created', 'updated', 'consent-date', 'close-date', 'last-activity'] as const;
/** Text a record carries, matched without regard to case. */
export const TEXT_FIELDS = ['city', 'country', 'owner'] as const;

/**
 * One test on one field. Dates compare with a fixed day, or with the clock (within the last N
 * days, older than N days, this week); custom fields are found by name among the record's
 * name/value pairs.
 */
export const ConditionSchema = v.union([
  v.object({ field: v.literal('tag'), op: v.picklist(['has', 'has-not']), tag: v.pipe(Text, v.nonEmpty()) }),
  v.object({ field: v.literal('organisation'), op: v.literal('is'), id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(100)), label: Text }),
  v.object({ field: v.picklist(TEXT_FIELDS), op: v.picklist(['contains', 'is']), text: v.pipe(Text, v.nonEmpty()) }),
  v.object({ field: v.picklist(DATE_FIELDS), op: v.picklist(['before', 'after']), date: IsoDate }),
  v.object({ field: v.picklist(DATE_FIELDS), op: v.picklist(['within-days', 'older-than-days']), days: Days }),
  v.object({ field: v.picklist(DATE_FIELDS), op: v.literal('this-week') }),
  v.object({ field: v.literal('lawful-basis'), op: v.literal('is'), basis: v.picklist(LAWFUL_BASES) }),
  v.object({ field: v.literal('milestone'), op: v.literal('is'), milestone: MilestoneId }),
  v.object({ field: v.literal('status'), op: v.literal('is'), status: v.picklist(['open', 'closed', 'won', 'lost']) }),
  v.object({ field: v.literal('value'), op: v.picklist(['at-least', 'at-most']), amount: Amount }),
  v.object({ field: v.literal('import'), op: v.literal('last') }),
  v.object({ field: v.literal('custom'), name: v.pipe(Text, v.nonEmpty()), op: v.picklist(['equals', 'contains']), text: Text }),
  v.object({ field: v.literal('custom'), name: v.pipe(Text, v.nonEmpty()), op: v.picklist(['at-least', 'at-most']), amount: Amount }),
  v.object({ field: v.literal('custom'), name: v.pipe(Text, v.nonEmpty()), op: v.picklist(['before', 'after']), date: IsoDate }),
]);
export type Condition = v.InferOutput<typeof ConditionSchema>;
export type ConditionField = Condition['field'];

export const FilterSchema = v.object({ conditions: v.pipe(v.array(ConditionSchema), v.maxLength(50)) });
export type Filter = v.InferOutput<typeof FilterSchema>;
export const EMPTY_FILTER: Filter = { conditions: [] };

export const SORT_COLUMNS = ['updated', 'created', 'name', 'organisation', 'value', 'close-date', 'milestone', 'status', 'owner'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export const SortSchema = v.object({ column: v.picklist(SORT_COLUMNS), direction: v.picklist(['asc', 'desc']) });
export type Sort = v.InferOutput<typeof SortSchema>;
/** What every list showed before sorting existed: most recently updated first. */
export const DEFAULT_SORT: Sort = { column: 'updated', direction: 'desc' };

/** A list's remembered sort and the extra columns its rows show. */
export const ListViewSchema = v.object({
  sort: SortSchema,
  columns: v.pipe(v.array(v.picklist(SORT_COLUMNS)), v.maxLength(SORT_COLUMNS.length)),
});
export type ListView = v.InferOutput<typeof ListViewSchema>;
/** The pipeline board's remembered filter: its cards keep their own order (newest touched first). */
export const BoardViewSchema = v.object({ filter: FilterSchema });
export type BoardView = v.InferOutput<typeof BoardViewSchema>;
export const ListViewsSchema = v.partial(v.object({
  ...(Object.fromEntries(LISTED_KINDS.map((kind) => [kind, ListViewSchema])) as Record<(typeof LISTED_KINDS)[number], typeof ListViewSchema>),
  board: BoardViewSchema,
}));
export type ListViews = v.InferOutput<typeof ListViewsSchema>;

export const SavedListSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(100)),
  name: v.pipe(Text, v.nonEmpty()),
  kind: v.picklist(LISTED_KINDS),
  filter: FilterSchema,
  sort: SortSchema,
  /** 'board': saved from the pipeline board's filter bar, and opens the board filtered (its sort unused); else a list. */
  view: v.optional(v.literal('board')),
});
export type SavedList = v.InferOutput<typeof SavedListSchema>;
export const SavedListsSchema = v.pipe(v.array(SavedListSchema), v.maxLength(200));
