import { catalogue } from '../i18n/catalogue';
import { counted, formatNumber } from '../i18n/format';
import type { ConditionField, SortColumn } from '../../../core/filters/filter-schema';
import type { SavedListProblem } from '../../../core/filters/saved-lists';

type Op =
  | 'has' | 'has-not' | 'is' | 'contains' | 'equals' | 'before' | 'after' | 'within-days' | 'older-than-days' | 'this-week'
  | 'at-least' | 'at-most' | 'last';

/** Filters, sorting and saved lists on each list of the side panel (components/locket-filter-bar, locket-saved-lists). */
export const FILTER_WORDS = catalogue({
  en: {
    filters: 'Filters',
    addFilter: 'Add filter',
    field: 'Field', condition: 'Condition', value: 'Value', fieldName: 'Field name',
    add: 'Add', cancel: 'Cancel', clear: 'Clear filters',
    remove: (condition: string) => `Remove filter: ${condition}`,
    sortBy: 'Sort by', sortDirection: 'Sort direction', ascending: 'Ascending', descending: 'Descending',
    saveList: 'Save list', listName: 'List name', save: 'Save',
    matching: (n: number) => counted(n, { one: 'matching', other: 'matching' }),
    finding: (n: number) => `${formatNumber(n)}+ matching, counting…`,
    noMatches: 'Nothing matches these filters.',
    noOrganisation: (name: string) => `No organisation called “${name}”.`,
    incomplete: 'Fill in the value first.',
    savedLists: 'Lists',
    rename: 'Rename', delete: 'Delete',
    renameList: (name: string) => `Rename ${name}`,
    deleteList: (name: string) => `Delete ${name}`,
    confirmDelete: (name: string) => `Delete the list “${name}”? The records stay.`,
    builtIn: {
      'added-this-week': 'Added this week', 'last-import': 'Last import',
      'consent-older-than-2-years': 'Consent older than 2 years', 'no-activity-90-days': 'No activity for 90 days',
    } as Readonly<Record<string, string>>,
    problems: {
      'name-empty': 'Give the list a name.', 'name-taken': 'A list of that name exists already.',
      'not-found': 'That list is gone.', 'built-in': 'Built-in lists cannot be changed.', 'not-saved': 'The list could not be saved.',
    } satisfies Record<SavedListProblem['type'], string>,
    fields: {
      tag: 'Tag', organisation: 'Organisation', city: 'City', country: 'Country', owner: 'Owner',
      created: 'Created', updated: 'Updated', 'consent-date': 'Consent date', 'close-date': 'Expected close',
      'last-activity': 'Last activity', 'lawful-basis': 'Lawful basis', milestone: 'Milestone', status: 'Status',
      value: 'Value', import: 'Import', custom: 'Custom field',
    } satisfies Record<ConditionField, string>,
    ops: {
      has: 'has', 'has-not': 'has not', is: 'is', contains: 'contains', equals: 'equals', before: 'before', after: 'after',
      'within-days': 'within the last … days', 'older-than-days': 'more than … days ago', 'this-week': 'this week',
      'at-least': 'at least', 'at-most': 'at most', last: 'is the last one',
    } satisfies Record<Op, string>,
    withinDays: (n: number) => `within the last ${counted(n, { one: 'day', other: 'days' })}`,
    olderThanDays: (n: number) => `more than ${counted(n, { one: 'day', other: 'days' })} ago`,
    columns: {
      updated: 'Last updated', created: 'Created', name: 'Name', organisation: 'Organisation', value: 'Value',
      'close-date': 'Expected close', milestone: 'Milestone', status: 'Status', owner: 'Owner',
    } satisfies Record<SortColumn, string>,
  },
  de: {
    filters: 'Filter',
    addFilter: 'Filter hinzufügen',
    field: 'Feld', condition: 'Bedingung', value: 'Wert', fieldName: 'Feldname',
    add: 'Hinzufügen', cancel: 'Abbrechen', clear: 'Filter löschen',
    remove: (condition: string) => `Filter entfernen: ${condition}`,
    sortBy: 'Sortieren nach', sortDirection: 'Sortierrichtung', ascending: 'Aufsteigend', descending: 'Absteigend',
    saveList: 'Liste speichern', listName: 'Name der Liste', save: 'Speichern',
    matching: (n: number) => `${formatNumber(n)} ${n === 1 ? 'Treffer' : 'Treffer'}`,
    finding: (n: number) => `${formatNumber(n)}+ Treffer, wird gezählt…`,
    noMatches: 'Keine Einträge passen zu diesen Filtern.',
    noOrganisation: (name: string) => `Keine Organisation namens „${name}“.`,
    incomplete: 'Bitte zuerst den Wert eingeben.',
    savedLists: 'Listen',
    rename: 'Umbenennen', delete: 'Löschen',
    renameList: (name: string) => `${name} umbenennen`,
    deleteList: (name: string) => `${name} löschen`,
    confirmDelete: (name: string) => `Die Liste „${name}“ löschen? Die Einträge bleiben.`,
    builtIn: {
      'added-this-week': 'Diese Woche hinzugefügt', 'last-import': 'Letzter Import',
      'consent-older-than-2-years': 'Einwilligung älter als 2 Jahre', 'no-activity-90-days': 'Seit 90 Tagen keine Aktivität',
    },
    problems: {
      'name-empty': 'Bitte der Liste einen Namen geben.', 'name-taken': 'Eine Liste mit diesem Namen gibt es schon.',
      'not-found': 'Diese Liste gibt es nicht mehr.', 'built-in': 'Vorgegebene Listen lassen sich nicht ändern.', 'not-saved': 'Die Liste konnte nicht gespeichert werden.',
    },
    fields: {
      tag: 'Schlagwort', organisation: 'Organisation', city: 'Ort', country: 'Land', owner: 'Zuständig',
      created: 'Erstellt', updated: 'Geändert', 'consent-date': 'Datum der Einwilligung', 'close-date': 'Erwarteter Abschluss',
      'last-activity': 'Letzte Aktivität', 'lawful-basis': 'Rechtsgrundlage', milestone: 'Phase', status: 'Status',
      value: 'Wert', import: 'Import', custom: 'Eigenes Feld',
    },
    ops: {
      has: 'hat', 'has-not': 'hat nicht', is: 'ist', contains: 'enthält', equals: 'ist gleich', before: 'vor', after: 'nach',
      'within-days': 'in den letzten … Tagen', 'older-than-days': 'vor mehr als … Tagen', 'this-week': 'diese Woche',
      'at-least': 'mindestens', 'at-most': 'höchstens', last: 'ist der letzte',
    },
    withinDays: (n: number) => `in den letzten ${counted(n, { one: 'Tag', other: 'Tagen' })}`,
    olderThanDays: (n: number) => `vor mehr als ${counted(n, { one: 'Tag', other: 'Tagen' })}`,
    columns: {
      updated: 'Zuletzt geändert', created: 'Erstellt', name: 'Name', organisation: 'Organisation', value: 'Wert',
      'close-date': 'Erwarteter Abschluss', milestone: 'Phase', status: 'Status', owner: 'Zuständig',
    },
  },
});

export type FilterOp = Op;
