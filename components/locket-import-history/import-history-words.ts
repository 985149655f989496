import { catalogue } from '../shared/i18n/catalogue';
import { formatNumber, plural } from '../shared/i18n/format';

const recordsEn = (n: number): string => `${formatNumber(n)} ${plural(n, { one: 'record', other: 'records' })}`;

/** The list of recent imports and the undo of one of them. */
export const IMPORT_HISTORY_WORDS = catalogue({
  en: {
    /** What undoing an import would do: the confirmation must say how many records it touches. */
    undoEffect: (created: number, updated: number) => `This ${[
      created > 0 ? `removes the ${recordsEn(created)} it created` : '',
      updated > 0 ? `restores the earlier values of the ${recordsEn(updated)} it updated` : '',
    ].filter(Boolean).join(' and ') || 'changes nothing'}. Records changed since the import are kept as they are.`,
    undoQuestion: (when: string) => `Undo the import of ${when}?`,
    undoImport: 'Undo import', keepIt: 'Keep it', undone: 'Undone', undo: 'Undo',
    undoOf: (when: string) => `Undo the import of ${when}`,
    undoneReport: (removed: number, restored: number) => `Import undone: ${formatNumber(removed)} removed, ${formatNumber(restored)} restored.`,
    keptByUndo: 'Kept by the undo',
    recent: 'Recent imports', loading: 'Loading…', none: 'No imports yet.',
    imported: 'Imported', created: 'Created', updated: 'Updated', state: 'State',
  },
  de: {
    undoEffect: (created: number, updated: number) => {
      const n = (count: number): string => formatNumber(count);
      const effect = [
        created > 0 ? plural(created, { one: `der ${n(created)} angelegte Datensatz wird entfernt`, other: `die ${n(created)} angelegten Datensätze werden entfernt` }) : '',
        updated > 0 ? plural(updated, { one: `die früheren Werte des ${n(updated)} aktualisierten Datensatzes werden wiederhergestellt`, other: `die früheren Werte der ${n(updated)} aktualisierten Datensätze werden wiederhergestellt` }) : '',
      ].filter(Boolean).join(', und ') || 'es ändert sich nichts';
      return `${effect.charAt(0).toUpperCase()}${effect.slice(1)}. Datensätze, die seit dem Import geändert wurden, bleiben, wie sie sind.`;
    },
    undoQuestion: (when: string) => `Den Import vom ${when} rückgängig machen?`,
    undoImport: 'Import rückgängig machen', keepIt: 'Behalten', undone: 'Rückgängig gemacht', undo: 'Rückgängig machen',
    undoOf: (when: string) => `Den Import vom ${when} rückgängig machen`,
    undoneReport: (removed: number, restored: number) => `Import rückgängig gemacht: ${formatNumber(removed)} entfernt, ${formatNumber(restored)} wiederhergestellt.`,
    keptByUndo: 'Beim Rückgängigmachen behalten',
    recent: 'Letzte Importe', loading: 'Wird geladen…', none: 'Noch keine Importe.',
    imported: 'Importiert', created: 'Angelegt', updated: 'Aktualisiert', state: 'Stand',
  },
});
