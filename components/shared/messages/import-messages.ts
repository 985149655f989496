import type { ImportFileRefusal } from '../../../core/csv/csv-refusals';
import type { ImportItemRefusal, UndoSkipReason } from '../../../core/imports/import-batch-types';
import type { RowNote } from '../../../core/csv/row-notes';
import { fieldProblemText } from './field-messages';
import { MAX_IMPORT_BYTES, MAX_IMPORT_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../../core/csv/parse';
import { catalogue } from '../i18n/catalogue';
import { ACTIVITY_CSV_WORDS } from './activity-csv-words';
import { formatMegabytes as megabytes, formatNumber as count, plural } from '../i18n/format';

const SAVE_AS_CSV = {
  en: 'Open it in your spreadsheet and save it as “CSV UTF-8”, then import that file.',
  de: 'Öffnen Sie sie in Ihrer Tabellenkalkulation, speichern Sie sie als „CSV UTF-8“ und importieren Sie dann diese Datei.',
} as const;

type FileTexts = { readonly [T in ImportFileRefusal['type']]: (refusal: Extract<ImportFileRefusal, { type: T }>) => string };
type BinaryKind = Extract<ImportFileRefusal, { type: 'binary' }>['kind'];

const BINARY_MESSAGES = catalogue<Readonly<Record<BinaryKind, string>>>({
  en: {
    'zip': `This is a zip or Excel (.xlsx) file, not CSV. Unzip it, or ${SAVE_AS_CSV.en.toLowerCase()}`,
    'xls': `This is an old Excel (.xls) file, not CSV. ${SAVE_AS_CSV.en}`,
    'pdf': 'This is a PDF, not a CSV file.',
    'utf-16': `This file is UTF-16 text; Locket reads UTF-8. ${SAVE_AS_CSV.en}`,
  },
  de: {
    'zip': `Das ist eine ZIP- oder Excel-Datei (.xlsx), keine CSV-Datei. Entpacken Sie sie, oder ${SAVE_AS_CSV.de.charAt(0).toLowerCase()}${SAVE_AS_CSV.de.slice(1)}`,
    'xls': `Das ist eine alte Excel-Datei (.xls), keine CSV-Datei. ${SAVE_AS_CSV.de}`,
    'pdf': 'Das ist eine PDF-Datei, keine CSV-Datei.',
    'utf-16': `Diese Datei ist UTF-16-Text; Locket liest UTF-8. ${SAVE_AS_CSV.de}`,
  },
});

/** The file kinds a refusal names by code ("contacts"), in German. */
const FILE_KIND_DE: Readonly<Record<string, string>> = {
  contacts: 'Personen und Organisationen', cases: 'Vorgänge', opportunities: 'Verkaufschancen', notes: 'Notizen',
  activities: ACTIVITY_CSV_WORDS.de.file,
};

/** The words for each refusal of a file to import; a code without words fails to compile. */
export const IMPORT_FILE_MESSAGES = catalogue<FileTexts>({
  en: {
    'too-large': ({ bytes }) => `This file is ${megabytes(bytes)}; Locket imports files up to ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files.`,
    'binary': ({ kind }) => BINARY_MESSAGES[kind],
    'not-utf-8': () => `This file is not UTF-8 text. ${SAVE_AS_CSV.en}`,
    'empty': () => 'This file is empty.',
    'not-text': () => 'This file is not text, so it cannot be CSV. Choose the .csv file your spreadsheet or CRM exported.',
    'not-csv': () => 'This does not look like a CSV file: its first row should name the columns, separated by commas.',
    'too-many-rows': () => `This file has more than ${count(MAX_IMPORT_ROWS)} rows; Locket imports up to ${count(MAX_IMPORT_ROWS)} rows at a time. Split it into smaller files.`,
    'too-many-columns': ({ columns }) => `This file has ${count(columns)} columns; Locket imports up to ${count(MAX_IMPORT_COLUMNS)}. Remove the columns you do not need, or split the file.`,
    'row-too-wide': ({ row, cells }) => `Row ${row} has ${count(cells)} cells; Locket imports up to ${count(MAX_IMPORT_COLUMNS)} columns. Remove the cells you do not need, or split the file.`,
    'cell-too-long': ({ row, chars, column }) => (column === null
      ? `Row ${row} has a cell of ${count(chars)} characters; Locket imports cells of up to ${count(MAX_IMPORT_CELL_CHARS)} characters. Shorten it, or leave that column out of the file.`
      : `Row ${row} has a cell of ${count(chars)} characters (column “${column}”); Locket imports cells of up to ${count(MAX_IMPORT_CELL_CHARS)} characters. Shorten it, or leave that column out of the file.`),
    'blank-header': () => 'The first row of a CSV file must name its columns, and this one is blank.',
    'no-data-rows': () => 'This file has a header row but no rows of data.',
    'no-vcards': () => 'This .vcf file holds no contacts (no BEGIN:VCARD … END:VCARD).',
    'files-too-large-together': () => 'These files are too large to import together. Import them one at a time.',
    'mapping-mismatch': () => 'The column mapping does not match this file’s columns.',
    'file-kind-twice': ({ file }) => `Another chosen file already holds ${file}; import one ${file} file at a time.`,
  },
  de: {
    'too-large': ({ bytes }) => `Diese Datei ist ${megabytes(bytes)} groß; Locket importiert Dateien bis ${megabytes(MAX_IMPORT_BYTES)}. Teilen Sie sie in kleinere Dateien auf.`,
    'binary': ({ kind }) => BINARY_MESSAGES[kind],
    'not-utf-8': () => `Diese Datei ist kein UTF-8-Text. ${SAVE_AS_CSV.de}`,
    'empty': () => 'Diese Datei ist leer.',
    'not-text': () => 'Diese Datei ist kein Text und kann daher keine CSV-Datei sein. Wählen Sie die .csv-Datei, die Ihre Tabellenkalkulation oder Ihr CRM exportiert hat.',
    'not-csv': () => 'Das sieht nicht nach einer CSV-Datei aus: Ihre erste Zeile sollte die Spalten benennen, durch Kommas getrennt.',
    'too-many-rows': () => `Diese Datei hat mehr als ${count(MAX_IMPORT_ROWS)} Zeilen; Locket importiert bis zu ${count(MAX_IMPORT_ROWS)} Zeilen auf einmal. Teilen Sie sie in kleinere Dateien auf.`,
    'too-many-columns': ({ columns }) => `Diese Datei hat ${count(columns)} Spalten; Locket importiert bis zu ${count(MAX_IMPORT_COLUMNS)}. Entfernen Sie die Spalten, die Sie nicht brauchen, oder teilen Sie die Datei auf.`,
    'row-too-wide': ({ row, cells }) => `Zeile ${row} hat ${count(cells)} Zellen; Locket importiert bis zu ${count(MAX_IMPORT_COLUMNS)} Spalten. Entfernen Sie die Zellen, die Sie nicht brauchen, oder teilen Sie die Datei auf.`,
    'cell-too-long': ({ row, chars, column }) => (column === null
      ? `Zeile ${row} hat eine Zelle mit ${count(chars)} Zeichen; Locket importiert Zellen mit bis zu ${count(MAX_IMPORT_CELL_CHARS)} Zeichen. Kürzen Sie sie, oder lassen Sie diese Spalte in der Datei weg.`
      : `Zeile ${row} hat eine Zelle mit ${count(chars)} Zeichen (Spalte „${column}“); Locket importiert Zellen mit bis zu ${count(MAX_IMPORT_CELL_CHARS)} Zeichen. Kürzen Sie sie, oder lassen Sie diese Spalte in der Datei weg.`),
    'blank-header': () => 'Die erste Zeile einer CSV-Datei muss ihre Spalten benennen, und diese ist leer.',
    'no-data-rows': () => 'Diese Datei hat eine Kopfzeile, aber keine Datenzeilen.',
    'no-vcards': () => 'Diese .vcf-Datei enthält keine Kontakte (kein BEGIN:VCARD … END:VCARD).',
    'files-too-large-together': () => 'Diese Dateien sind zusammen zu groß für einen Import. Importieren Sie sie einzeln.',
    'mapping-mismatch': () => 'Die Zuordnung der Spalten passt nicht zu den Spalten dieser Datei.',
    'file-kind-twice': ({ file }) => `Eine andere gewählte Datei enthält bereits ${FILE_KIND_DE[file] ?? file}; importieren Sie jeweils nur eine solche Datei.`,
  },
});

export const importFileRefusalText = (refusal: ImportFileRefusal): string =>
  (IMPORT_FILE_MESSAGES[refusal.type] as (refusal: ImportFileRefusal) => string)(refusal);

type UndoTexts = { readonly [T in UndoSkipReason['type']]: (reason: Extract<UndoSkipReason, { type: T }>) => string };

/** The words for why an undo kept a record as it is; a code without words fails to compile. */
export const UNDO_SKIP_MESSAGES = catalogue<UndoTexts>({
  en: {
    'earlier-values-lost': () => 'Its earlier values are no longer in the change log.',
    'deleted-since': () => 'It was deleted after the import.',
    'changed-since': ({ undoing }) => (undoing === 'update'
      ? 'It was changed after the import, so it was kept as it is.'
      : 'It was changed after the import, so it was kept.'),
    'linked-since': () => 'Records added since link to it, so it was kept.',
  },
  de: {
    'earlier-values-lost': () => 'Seine früheren Werte stehen nicht mehr im Änderungsprotokoll.',
    'deleted-since': () => 'Er wurde nach dem Import gelöscht.',
    'changed-since': ({ undoing }) => (undoing === 'update'
      ? 'Er wurde nach dem Import geändert und bleibt daher, wie er ist.'
      : 'Er wurde nach dem Import geändert und wurde daher behalten.'),
    'linked-since': () => 'Seitdem hinzugefügte Datensätze verweisen auf ihn, daher wurde er behalten.',
  },
});

export const undoSkipText = (reason: UndoSkipReason): string =>
  (UNDO_SKIP_MESSAGES[reason.type] as (reason: UndoSkipReason) => string)(reason);

type ItemTexts = { readonly [T in ImportItemRefusal['type']]: (refusal: Extract<ImportItemRefusal, { type: T }>) => string };

const invalidFields = ({ errors }: Extract<ImportItemRefusal, { type: 'invalid-fields' }>): string =>
  Object.entries(errors).map(([field, problem]) => `${field}: ${fieldProblemText(problem)}`).join(' ');

/** The words for why an item of an import was refused before any write. */
export const IMPORT_ITEM_MESSAGES = catalogue<ItemTexts>({
  en: {
    'invalid-fields': invalidFields,
    'record-gone': () => 'The record to update no longer exists or is in the trash.',
  },
  de: {
    'invalid-fields': invalidFields,
    'record-gone': () => 'Der zu aktualisierende Datensatz existiert nicht mehr oder liegt im Papierkorb.',
  },
});

export const importItemText = (refusal: ImportItemRefusal): string =>
  (IMPORT_ITEM_MESSAGES[refusal.type] as (refusal: ImportItemRefusal) => string)(refusal);

type NoteTexts = { readonly [T in RowNote['type']]: (note: Extract<RowNote, { type: T }>) => string };
type Duplicate = Extract<RowNote, { type: 'duplicate' }>;

const NOT_A_TIME = {
  en: (column: string, value: string): string => `${column}: “${value}” is not a date and time such as 2024-05-01T09:30:00Z`,
  de: (column: string, value: string): string => `${column}: „${value}“ ist kein Datum mit Uhrzeit wie 2024-05-01T09:30:00Z`,
};

/** A kind and the field a duplicate matched by, as German needs them: "diese Person (gleiche E-Mail-Adresse)". */
const DUPLICATE_DE: { readonly [K in Duplicate['kind']]: { readonly this: string; readonly same: string } } = {
  person: { this: 'diese Person', same: 'dieselbe Person' },
  organisation: { this: 'diese Organisation', same: 'dieselbe Organisation' },
  case: { this: 'diesen Vorgang', same: 'derselbe Vorgang' },
  opportunity: { this: 'diese Verkaufschance', same: 'dieselbe Verkaufschance' },
  note: { this: 'diese Notiz', same: 'dieselbe Notiz' },
  task: { this: 'diese Aufgabe', same: 'dieselbe Aufgabe' },
  activity: { this: 'dieses Gespräch', same: 'dasselbe Gespräch' },
};
const MATCHED_BY_DE: { readonly [M in Duplicate['matchedBy']]: string } = {
  id: 'gleiche ID', email: 'gleiche E-Mail-Adresse', domain: 'gleiche Domain', name: 'gleicher Name',
};

/** The words for what an import's check says about a row; a code without words fails to compile. */
export const ROW_NOTE_MESSAGES = catalogue<NoteTexts>({
  en: {
    'unclosed-quote': () => 'A quoted cell is never closed, so this row ran into the rows after it.',
    'stray-quote': () => 'A cell has a stray double quote after its closing quote.',
    'unreadable-vcard': () => 'This contact in the vCard file could not be read.',
    'cell-count': ({ cells, headers }) => `This row has ${cells} cells but the header has ${headers}; a comma or quote is probably out of place.`,
    'unknown-type': ({ column, value }) => `${column}: “${value}” is not a type Locket knows: use person or organisation.`,
    'no-name': () => 'This row has no name: give a person a first or last name, or an organisation a name.',
    'not-a-time': ({ column, value, importTimeUsed }) =>
      (importTimeUsed ? `${NOT_A_TIME.en(column, value)}, so the import time is used.` : `${NOT_A_TIME.en(column, value)}.`),
    'field': ({ column, problem }) => (column === null ? fieldProblemText(problem) : `${column}: ${fieldProblemText(problem)}`),
    'duplicate': ({ kind, matchedBy, matchedRow }) => (matchedRow === null
      ? `Locket already has this ${kind} (same ${matchedBy}).`
      : `Row ${matchedRow} is the same ${kind} (same ${matchedBy}).`),
    'note-without-record': ({ column }) => `${column}: the note does not say which record it belongs to.`,
    'link-not-found': ({ column, ref, named, file }) => {
      const missing = `${column}: ${named ? `“${ref}”` : ref} is not in this import or in Locket`;
      return file === 'notes' ? `${missing}, so the note has nothing to belong to.` : `${missing}, so it is left unlinked.`;
    },
    'conversation-without-record': ACTIVITY_CSV_WORDS.en.withoutRecord,
    'organisation-id-not-found': ({ id, linkedByName }) => (linkedByName
      ? `Organisation ID ${id} is not in this import or in Locket; linked by name instead.`
      : `Organisation ID ${id} is not in this import or in Locket, so the person is left without an organisation.`),
    'organisation-not-created': ({ name, errors }) =>
      `The organisation “${name}” could not be created (${Object.values(errors).map(fieldProblemText).join(' ')}), so the person is left without one.`,
    'erased': () => 'Erased earlier at the owner’s request.',
    'belongs-to-erased': () => 'It belongs to a person erased earlier at the owner’s request.',
  },
  de: {
    'unclosed-quote': () => 'Eine Zelle in Anführungszeichen wird nie geschlossen, daher läuft diese Zeile in die folgenden Zeilen hinein.',
    'stray-quote': () => 'Eine Zelle hat ein überzähliges doppeltes Anführungszeichen nach dem schließenden.',
    'unreadable-vcard': () => 'Dieser Kontakt in der vCard-Datei konnte nicht gelesen werden.',
    'cell-count': ({ cells, headers }) => `Diese Zeile hat ${cells} Zellen, die Kopfzeile aber ${headers}; vermutlich steht ein Komma oder Anführungszeichen an der falschen Stelle.`,
    'unknown-type': ({ column, value }) => `${column}: „${value}“ ist keine Art, die Locket kennt: Verwenden Sie person oder organisation.`,
    'no-name': () => 'Diese Zeile hat keinen Namen: Geben Sie einer Person einen Vor- oder Nachnamen oder einer Organisation einen Namen.',
    'not-a-time': ({ column, value, importTimeUsed }) =>
      (importTimeUsed ? `${NOT_A_TIME.de(column, value)}, daher wird der Zeitpunkt des Imports verwendet.` : `${NOT_A_TIME.de(column, value)}.`),
    'field': ({ column, problem }) => (column === null ? fieldProblemText(problem) : `${column}: ${fieldProblemText(problem)}`),
    'duplicate': ({ kind, matchedBy, matchedRow }) => (matchedRow === null
      ? `Locket hat ${DUPLICATE_DE[kind].this} bereits (${MATCHED_BY_DE[matchedBy]}).`
      : `Zeile ${matchedRow} ist ${DUPLICATE_DE[kind].same} (${MATCHED_BY_DE[matchedBy]}).`),
    'note-without-record': ({ column }) => `${column}: Die Notiz gibt nicht an, zu welchem Datensatz sie gehört.`,
    'link-not-found': ({ column, ref, named, file }) => {
      const missing = `${column}: ${named ? `„${ref}“` : ref} ist weder in diesem Import noch in Locket`;
      return file === 'notes' ? `${missing}, daher gehört die Notiz zu nichts.` : `${missing}, daher bleibt die Verknüpfung leer.`;
    },
    'conversation-without-record': ACTIVITY_CSV_WORDS.de.withoutRecord,
    'organisation-id-not-found': ({ id, linkedByName }) => (linkedByName
      ? `Die Organisations-ID ${id} ist weder in diesem Import noch in Locket; stattdessen über den Namen verknüpft.`
      : `Die Organisations-ID ${id} ist weder in diesem Import noch in Locket, daher bleibt die Person ohne Organisation.`),
    'organisation-not-created': ({ name, errors }) =>
      `Die Organisation „${name}“ konnte nicht angelegt werden (${Object.values(errors).map(fieldProblemText).join(' ')}), daher bleibt die Person ohne Organisation.`,
    'erased': () => 'Früher auf Wunsch der betroffenen Person gelöscht.',
    'belongs-to-erased': () => 'Gehört zu einer Person, die früher auf ihren Wunsch gelöscht wurde.',
  },
});

export const rowNoteText = (note: RowNote): string =>
  (ROW_NOTE_MESSAGES[note.type] as (note: RowNote) => string)(note);

/** What the import preview says about a file beyond its rows. */
export const IMPORT_PREVIEW_MESSAGES = catalogue({
  en: {
    vcardFile: 'a vCard file',
    photosSkipped: (photos: number): string =>
      `${count(photos)} ${plural(photos, { one: 'photo was', other: 'photos were' })} left out: Locket keeps no images.`,
  },
  de: {
    vcardFile: 'eine vCard-Datei',
    photosSkipped: (photos: number): string =>
      `${count(photos)} ${plural(photos, { one: 'Foto wurde', other: 'Fotos wurden' })} weggelassen: Locket speichert keine Bilder.`,
  },
});

/** The words of vCard export, from the export settings and a record's page. */
export const VCARD_EXPORT_MESSAGES = catalogue({
  en: {
    everyoneHint: 'Every person and organisation outside the trash as one vCard 4.0 file (.vcf), with their notes, for phones and address books.',
    everyone: 'Download everyone as vCard (.vcf)',
    one: 'Download as vCard (.vcf)',
  },
  de: {
    everyoneHint: 'Alle Personen und Organisationen außerhalb des Papierkorbs als eine vCard-4.0-Datei (.vcf), mit ihren Notizen, für Telefone und Adressbücher.',
    everyone: 'Alle als vCard herunterladen (.vcf)',
    one: 'Als vCard herunterladen (.vcf)',
  },
});
