import type { SummaryRow } from '../../worker/import-types';
import type { DuplicatePolicy } from '../../core/csv/plan-types';
import { catalogue } from '../shared/i18n/catalogue';
import { formatMegabytes, formatNumber, plural } from '../shared/i18n/format';

/** The import section's words: choosing files, the preview and mapping, the check, the import and its undo. */
export const IMPORT_WORDS = catalogue({
  en: {
    intro: 'Import people, organisations, cases, opportunities and notes from CSV files: Locket’s own export, or another tool’s.',
    filesToImport: 'CSV files to import',
    tooLarge: (name: string, bytes: number, limit: number) =>
      `${name} is ${formatMegabytes(bytes)}; Locket imports files up to ${formatNumber(limit / 1024 / 1024)} MB. Split it into smaller files.`,
    alreadyHas: 'Records Locket already has',
    policies: { skip: 'Skip them', update: 'Update them with the file’s values', create: 'Import them anyway, as new records' } as Readonly<Record<DuplicatePolicy, string>>,
    check: 'Check', import: 'Import', progress: 'Import progress',
    imported: (n: number) => `Imported ${formatNumber(n)} ${plural(n, { one: 'record', other: 'records' })}.`,
    notWritten: (n: number) => ` ${formatNumber(n)} could not be written.`,
    stopped: (cause: string) => `The import stopped: ${cause} What was written before that is kept.`,
    undoThis: 'Undo this import',
    fieldFor: (header: string) => `Field for column “${header}”`,
    ignore: 'Ignore', customField: (header: string) => `Custom field “${header}”`,
    previewOf: (name: string) => `Preview of ${name}`,
    fileFacts: (rows: number, locketExport: boolean, vcard: string | null) =>
      `${formatNumber(rows)} ${plural(rows, { one: 'row', other: 'rows' })}${locketExport ? ', a Locket export' : ''}${vcard ? `, ${vcard}` : ''}.`,
    fileHolds: 'This file holds',
    firstRowsOf: (name: string) => `First rows of ${name}`,
    mappingOf: (name: string) => `Column mapping of ${name}`,
    column: 'Column', importedAs: 'Imported as', example: 'Example',
    actions: { new: 'New', update: 'Update', skip: 'Skipped', invalid: 'Invalid' } as Readonly<Record<SummaryRow['action'], string>>,
    rowLine: (file: string, row: number, action: string) => `${file}, row ${row}: ${action}`,
    importCheck: 'Import check', wouldDo: 'What the import would do',
    file: 'File', newCount: 'New', updated: 'Updated', skipped: 'Skipped', invalid: 'Invalid', total: 'Total',
    rowsToLookAt: 'Rows to look at',
    moreRows: (n: number) => `…and ${formatNumber(n)} more ${plural(n, { one: 'row like these', other: 'rows like these' })}.`,
    nothingToImport: 'Nothing in these files would be imported.',
  },
  de: {
    intro: 'Importieren Sie Personen, Organisationen, Vorgänge, Verkaufschancen und Notizen aus CSV-Dateien: aus dem Export von Locket oder eines anderen Programms.',
    filesToImport: 'Zu importierende CSV-Dateien',
    tooLarge: (name: string, bytes: number, limit: number) =>
      `${name} ist ${formatMegabytes(bytes)} groß; Locket importiert Dateien bis ${formatNumber(limit / 1024 / 1024)} MB. Teilen Sie sie in kleinere Dateien auf.`,
    alreadyHas: 'Datensätze, die Locket bereits hat',
    policies: { skip: 'Überspringen', update: 'Mit den Werten aus der Datei aktualisieren', create: 'Trotzdem als neue Datensätze importieren' },
    check: 'Prüfen', import: 'Importieren', progress: 'Fortschritt des Imports',
    imported: (n: number) => `${formatNumber(n)} ${plural(n, { one: 'Datensatz', other: 'Datensätze' })} importiert.`,
    notWritten: (n: number) => ` ${formatNumber(n)} konnten nicht geschrieben werden.`,
    stopped: (cause: string) => `Der Import wurde abgebrochen: ${cause} Was bis dahin geschrieben wurde, bleibt erhalten.`,
    undoThis: 'Diesen Import rückgängig machen',
    fieldFor: (header: string) => `Feld für Spalte „${header}“`,
    ignore: 'Ignorieren', customField: (header: string) => `Eigenes Feld „${header}“`,
    previewOf: (name: string) => `Vorschau von ${name}`,
    fileFacts: (rows: number, locketExport: boolean, vcard: string | null) =>
      `${formatNumber(rows)} ${plural(rows, { one: 'Zeile', other: 'Zeilen' })}${locketExport ? ', ein Export von Locket' : ''}${vcard ? `, ${vcard}` : ''}.`,
    fileHolds: 'Diese Datei enthält',
    firstRowsOf: (name: string) => `Erste Zeilen von ${name}`,
    mappingOf: (name: string) => `Spaltenzuordnung von ${name}`,
    column: 'Spalte', importedAs: 'Importiert als', example: 'Beispiel',
    actions: { new: 'Neu', update: 'Aktualisieren', skip: 'Übersprungen', invalid: 'Ungültig' },
    rowLine: (file: string, row: number, action: string) => `${file}, Zeile ${row}: ${action}`,
    importCheck: 'Prüfung des Imports', wouldDo: 'Was der Import tun würde',
    file: 'Datei', newCount: 'Neu', updated: 'Aktualisiert', skipped: 'Übersprungen', invalid: 'Ungültig', total: 'Gesamt',
    rowsToLookAt: 'Zeilen zum Ansehen',
    moreRows: (n: number) => `…und ${formatNumber(n)} ${plural(n, { one: 'weitere Zeile dieser Art', other: 'weitere Zeilen dieser Art' })}.`,
    nothingToImport: 'Aus diesen Dateien würde nichts importiert.',
  },
});
