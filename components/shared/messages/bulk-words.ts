import type { BulkAction, BulkField } from '../../../core/bulk/bulk-types';
import { catalogue } from '../i18n/catalogue';
import { formatNumber, plural } from '../i18n/format';

const recordsEn = (n: number): string => `${formatNumber(n)} ${plural(n, { one: 'record', other: 'records' })}`;
const recordsDe = (n: number): string => `${formatNumber(n)} ${plural(n, { one: 'Datensatz', other: 'Datensätze' })}`;

/** Selection, bulk actions on it, their undo and history, and the Tags section. */
export const BULK_WORDS = catalogue({
  en: {
    selected: (n: number) => `${formatNumber(n)} selected`,
    clear: 'Clear selection',
    actions: 'Bulk actions',
    addTag: 'Add tag', removeTag: 'Remove tag', setField: 'Set field', tag: 'Tag', field: 'Field', value: 'Value', apply: 'Apply', cancel: 'Cancel',
    exportCsv: 'Export CSV', exportVcard: 'Export vCard', trash: 'Move to trash',
    trashQuestion: (n: number) => `Move ${recordsEn(n)} to the trash? Their notes go with them.`,
    working: (done: number, total: number) => `Working… ${formatNumber(done)} of ${formatNumber(total)}`,
    fields: { owner: 'Owner', status: 'Status', jobTitle: 'Job title', organisationId: 'Organisation' } as Readonly<Record<BulkField, string>>,
    /** What a change did, as its undo and the history name it ("412 records tagged Customer"). */
    did: (n: number, action: BulkAction): string => {
      switch (action.type) {
        case 'add-tag': return `${recordsEn(n)} tagged ${action.tag}`;
        case 'remove-tag': return `${action.tag} removed from ${recordsEn(n)}`;
        case 'rename-tag': return `${action.from} renamed ${action.to} on ${recordsEn(n)}`;
        case 'set-field': return `${BULK_WORDS.fields[action.field]} set on ${recordsEn(n)}`;
        case 'trash': return `${recordsEn(n)} moved to the trash`;
      }
    },
    done: (text: string) => `Done: ${text}.`,
    nothingChanged: 'Nothing changed: every selected record was already so.',
    undo: (text: string) => `Undo: ${text}`,
    undone: (n: number) => `Undone: ${recordsEn(n)} back as they were.`,
    keptByUndo: (n: number) => `${recordsEn(n)} changed since were kept as they are.`,
    failed: 'The change could not be saved; nothing was changed.',
    exported: (file: string) => `${file} exported.`,
    history: 'Recent bulk changes', none: 'No bulk changes yet.', when: 'When', what: 'What', state: 'State', undoneState: 'Undone',
    tags: 'Tags', tagsLead: 'Every tag on your records, with how many carry it. Renaming to a tag that exists merges the two.',
    noTags: 'No tags yet.', count: 'Records', rename: 'Rename', renameTo: (tag: string) => `New name for ${tag}`,
    mergeInto: (tag: string) => `Merge ${tag} into`, merge: 'Merge', loading: 'Loading…',
  },
  de: {
    selected: (n: number) => `${formatNumber(n)} ausgewählt`,
    clear: 'Auswahl aufheben',
    actions: 'Sammelaktionen',
    addTag: 'Schlagwort hinzufügen', removeTag: 'Schlagwort entfernen', setField: 'Feld setzen', tag: 'Schlagwort', field: 'Feld', value: 'Wert', apply: 'Anwenden', cancel: 'Abbrechen',
    exportCsv: 'CSV exportieren', exportVcard: 'vCard exportieren', trash: 'In den Papierkorb',
    trashQuestion: (n: number) => `${recordsDe(n)} in den Papierkorb verschieben? Ihre Notizen gehen mit.`,
    working: (done: number, total: number) => `In Arbeit… ${formatNumber(done)} von ${formatNumber(total)}`,
    fields: { owner: 'Verantwortlich', status: 'Status', jobTitle: 'Position', organisationId: 'Organisation' },
    did: (n: number, action: BulkAction): string => {
      switch (action.type) {
        case 'add-tag': return `${recordsDe(n)} mit ${action.tag} verschlagwortet`;
        case 'remove-tag': return `${action.tag} von ${recordsDe(n)} entfernt`;
        case 'rename-tag': return `${action.from} in ${action.to} umbenannt (${recordsDe(n)})`;
        case 'set-field': return `${BULK_WORDS.fields[action.field]} bei ${recordsDe(n)} gesetzt`;
        case 'trash': return `${recordsDe(n)} in den Papierkorb verschoben`;
      }
    },
    done: (text: string) => `Erledigt: ${text}.`,
    nothingChanged: 'Nichts geändert: Alle ausgewählten Datensätze waren schon so.',
    undo: (text: string) => `Rückgängig: ${text}`,
    undone: (n: number) => `Rückgängig gemacht: ${recordsDe(n)} wie zuvor.`,
    keptByUndo: (n: number) => `${recordsDe(n)}, seither geändert, blieben, wie sie sind.`,
    failed: 'Die Änderung konnte nicht gespeichert werden; nichts wurde geändert.',
    exported: (file: string) => `${file} exportiert.`,
    history: 'Letzte Sammeländerungen', none: 'Noch keine Sammeländerungen.', when: 'Wann', what: 'Was', state: 'Stand', undoneState: 'Rückgängig gemacht',
    tags: 'Schlagwörter', tagsLead: 'Alle Schlagwörter Ihrer Datensätze, mit ihrer Anzahl. Umbenennen in ein vorhandenes Schlagwort führt beide zusammen.',
    noTags: 'Noch keine Schlagwörter.', count: 'Datensätze', rename: 'Umbenennen', renameTo: (tag: string) => `Neuer Name für ${tag}`,
    mergeInto: (tag: string) => `${tag} zusammenführen mit`, merge: 'Zusammenführen', loading: 'Wird geladen…',
  },
});
