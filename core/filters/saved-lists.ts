/**
 * Saved lists and each kind's remembered view, kept in the settings row (encrypted with the
 * other settings, carried by backups and snapshots with them). Each change reads the settings,
 * changes its list and saves it back: settings.ts validates the whole on the way in and out.
 */
import type { Result } from '../result';
import type { ListedKind } from '../records/types';
import type { SettingsStore } from '../settings/contract';
import { BUILT_IN_LISTS, isBuiltIn } from './built-in-lists';
import { DEFAULT_SORT, EMPTY_FILTER, type Filter, type ListView, type SavedList, type Sort } from './filter-schema';

export type SavedListProblem =
  | { readonly type: 'name-empty' }
  | { readonly type: 'name-taken' }
  | { readonly type: 'not-found' }
  | { readonly type: 'built-in' }
  | { readonly type: 'not-saved' };

const MAX_NAME = 200;

const cleanName = (name: string): string => name.trim().slice(0, MAX_NAME);
const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

export interface SavedListsDeps {
  readonly settings: SettingsStore;
  /** A fresh id for a new list (ids.ts in production; fixed ones in tests). */
  readonly newId: () => string;
}

export const createSavedLists = ({ settings, newId }: SavedListsDeps) => {
  const saved = async (): Promise<readonly SavedList[]> => (await settings.getSettings()).savedLists ?? [];

  /** A refusal of the settings (or of the member's role, which throws) saves nothing and says so. */
  const store = async (lists: readonly SavedList[]): Promise<Result<readonly SavedList[], SavedListProblem>> => {
    const result = await settings.saveSettings({ savedLists: lists }).catch(() => null);
    return result?.ok ? { ok: true, value: result.value.savedLists ?? [] } : { ok: false, error: { type: 'not-saved' } };
  };

  const checkName = (lists: readonly SavedList[], name: string, except?: string): SavedListProblem | null => {
    if (cleanName(name) === '') return { type: 'name-empty' };
    return lists.some((list) => list.id !== except && sameName(list.name, name)) ? { type: 'name-taken' } : null;
  };

  return {
    /** The built-in lists first, then the saved ones in the order they were saved. */
    all: async (): Promise<readonly SavedList[]> => [...BUILT_IN_LISTS, ...await saved()],
    /** A list of the kind; with `view` 'board', the pipeline board's filter (opportunities), opened on the board. */
    save: async (name: string, kind: ListedKind, filter: Filter, sort: Sort, view?: 'board'): Promise<Result<SavedList, SavedListProblem>> => {
      const lists = await saved();
      const problem = checkName(lists, name);
      if (problem) return { ok: false, error: problem };
      const list: SavedList = view === 'board'
        ? { id: newId(), name: cleanName(name), kind: 'opportunity', filter, sort: DEFAULT_SORT, view }
        : { id: newId(), name: cleanName(name), kind, filter, sort };
      const stored = await store([...lists, list]);
      return stored.ok ? { ok: true, value: list } : stored;
    },
    rename: async (id: string, name: string): Promise<Result<readonly SavedList[], SavedListProblem>> => {
      if (isBuiltIn(id)) return { ok: false, error: { type: 'built-in' } };
      const lists = await saved();
      if (!lists.some((list) => list.id === id)) return { ok: false, error: { type: 'not-found' } };
      const problem = checkName(lists, name, id);
      if (problem) return { ok: false, error: problem };
      return store(lists.map((list) => (list.id === id ? { ...list, name: cleanName(name) } : list)));
    },
    remove: async (id: string): Promise<Result<readonly SavedList[], SavedListProblem>> => {
      if (isBuiltIn(id)) return { ok: false, error: { type: 'built-in' } };
      const lists = await saved();
      if (!lists.some((list) => list.id === id)) return { ok: false, error: { type: 'not-found' } };
      return store(lists.filter((list) => list.id !== id));
    },
    /** The kind's remembered sort and columns; newest-updated first with no extra column until chosen. */
    view: async (kind: ListedKind): Promise<ListView> =>
      (await settings.getSettings()).listViews?.[kind] ?? { sort: DEFAULT_SORT, columns: [] },
    rememberView: async (kind: ListedKind, view: ListView): Promise<boolean> => {
      const views = (await settings.getSettings()).listViews ?? {};
      return (await settings.saveSettings({ listViews: { ...views, [kind]: view } })).ok;
    },
    /** The pipeline board's filter, remembered as a list remembers its sort; none until chosen. */
    boardFilter: async (): Promise<Filter> => (await settings.getSettings()).listViews?.board?.filter ?? EMPTY_FILTER,
    rememberBoardFilter: async (filter: Filter): Promise<boolean> => {
      const views = (await settings.getSettings()).listViews ?? {};
      return (await settings.saveSettings({ listViews: { ...views, board: { filter } } })).ok;
    },
  };
};

export type SavedLists = ReturnType<typeof createSavedLists>;
