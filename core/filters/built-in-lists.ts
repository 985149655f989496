/**
 * The lists every account has, beside the ones the owner saves. Their ids start with
 * "built-in:" so they can never clash with a saved list's (saved-lists.ts makes those).
 */
import type { SavedList } from './filter-schema';

export const BUILT_IN_PREFIX = 'built-in:';

/** Consent given more than two years ago is due to be renewed or reviewed. */
const CONSENT_REVIEW_DAYS = 730;
const NO_ACTIVITY_DAYS = 90;

export const BUILT_IN_LISTS: readonly SavedList[] = [
  {
    id: `${BUILT_IN_PREFIX}added-this-week`, name: 'added-this-week', kind: 'person',
    filter: { conditions: [{ field: 'created', op: 'this-week' }] }, sort: { column: 'created', direction: 'desc' },
  },
  {
    id: `${BUILT_IN_PREFIX}last-import`, name: 'last-import', kind: 'person',
    filter: { conditions: [{ field: 'import', op: 'last' }] }, sort: { column: 'name', direction: 'asc' },
  },
  {
    id: `${BUILT_IN_PREFIX}consent-older-than-2-years`, name: 'consent-older-than-2-years', kind: 'person',
    filter: { conditions: [{ field: 'consent-date', op: 'older-than-days', days: CONSENT_REVIEW_DAYS }] },
    sort: { column: 'name', direction: 'asc' },
  },
  {
    // "last-activity" is when the person was last contacted (a logged conversation or a done task),
    // else their own last change (worker/filters/last-activity.ts, passed as match.ts's lastActivityOf).
    id: `${BUILT_IN_PREFIX}no-activity-90-days`, name: 'no-activity-90-days', kind: 'person',
    filter: { conditions: [{ field: 'last-activity', op: 'older-than-days', days: NO_ACTIVITY_DAYS }] },
    sort: { column: 'updated', direction: 'asc' },
  },
];

export const isBuiltIn = (id: string): boolean => id.startsWith(BUILT_IN_PREFIX);
