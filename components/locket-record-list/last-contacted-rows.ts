import type { ListedKind, LocketRecord, RecordId } from '../../core/records/types';
import { formatDate } from '../shared/i18n/format';
import { LIST_WORDS } from '../shared/messages/list-words';
import { PAGE_SIZE } from './page-cache';

type Ask = (ids: readonly RecordId[]) => Promise<Readonly<Record<RecordId, number>>>;

/** Kinds whose rows say when they were last contacted. */
const CONTACTABLE: ReadonlySet<ListedKind> = new Set(['person', 'organisation']);

/**
 * "Last contacted 3 Dec" under people's and organisations' rows, filled in after the rows
 * are painted: the first page never waits for it. Asked of the worker once per page of rows
 * in view (one call for the page's ids), remembered until a conversation or task changes.
 * Invariant: an answer asked before clear() is dropped, so a row never shows a date older
 * than a contact logged since.
 */
export const createLastContactedRows = (onFilled: () => void) => {
  /** null: never contacted; absent: not asked yet. */
  let known = new Map<RecordId, number | null>();
  const asking = new Set<number>();
  let generation = 0;

  const fillPage = async (ask: Ask, rows: readonly LocketRecord[], page: number): Promise<void> => {
    const ids = rows.filter((row) => !known.has(row.id)).map((row) => row.id);
    if (ids.length === 0 || asking.has(page)) return;
    const started = generation;
    asking.add(page);
    try {
      const answer = await ask(ids);
      if (started !== generation) return;
      for (const id of ids) known.set(id, answer[id] ?? null);
      onFilled();
    } catch {
      // Extra to the rows: without the worker's answer they show without it.
    } finally {
      if (started === generation) asking.delete(page);
    }
  };

  return {
    /** The row's words, or '' when never contacted, not yet known, or not a contactable kind. */
    text: (id: RecordId, now: number): string => {
      const at = known.get(id);
      if (at === undefined || at === null) return '';
      const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
      return LIST_WORDS.lastContacted(formatDate(at, sameYear ? { day: 'numeric', month: 'short' } : { dateStyle: 'medium' }));
    },
    /** Asks for the rows of every page that [first, last] covers, one call per page, without waiting on one another. */
    fill: (kind: ListedKind, ask: Ask | undefined, row: (index: number) => LocketRecord | undefined, first: number, last: number): void => {
      if (!ask || !CONTACTABLE.has(kind)) return;
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(Math.max(first, last) / PAGE_SIZE); page++) {
        const rows: LocketRecord[] = [];
        for (let index = page * PAGE_SIZE; index < (page + 1) * PAGE_SIZE; index++) {
          const record = row(index);
          if (record) rows.push(record);
        }
        void fillPage(ask, rows, page);
      }
    },
    clear: (): void => { generation++; known = new Map(); asking.clear(); },
  };
};
