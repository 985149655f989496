import type { ListedKind, LocketRecord, RecordId } from '../../core/records/types';
import type { RecordReads } from '../../core/record-store/contract';

const PAGE = 1000;

/**
 * The ids of a list's records, in list order: every one, or every one `matches` accepts (the
 * list's filter, so "select all" means "all N matching"). Read a page at a time.
 */
export const matchingIds = async (
  store: Pick<RecordReads, 'page'>, kind: ListedKind, matches: ((record: LocketRecord) => boolean) | null,
): Promise<RecordId[]> => {
  const ids: RecordId[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.page(kind, offset, PAGE);
    for (const record of page) if (!matches || matches(record)) ids.push(record.id);
    if (page.length < PAGE) return ids;
  }
};

/** The ids of rows `first`..`last` of a kind's list, for a shift-click range. */
export const rowIdsOf = (store: Pick<RecordReads, 'page'>, kind: ListedKind) => async (first: number, last: number): Promise<RecordId[]> =>
  (await store.page(kind, first, last - first + 1)).map((record) => record.id);
