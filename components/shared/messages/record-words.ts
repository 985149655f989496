import type { BuiltInMilestone, CaseStatus, LawfulBasis, OpportunityStatus, RecordKind } from '../../../core/records/types';
import { catalogue } from '../i18n/catalogue';
import { formatNumber, plural, type PluralForms } from '../i18n/format';

type Listed = 'person' | 'organisation' | 'case' | 'opportunity';

/** Phrases about one kind of record; German nouns keep their case and their article's gender. */
interface KindPhrases {
  readonly newOne: string;
  readonly addOne: string;
  readonly editOne: string;
  readonly loading: string;
  readonly none: string;
  readonly counting: string;
  readonly counted: PluralForms;
  readonly unnamed: string;
}

const KIND_PHRASES = catalogue<Readonly<Record<Listed, KindPhrases>> & { readonly [D in 'note' | 'task' | 'activity']: Pick<KindPhrases, 'newOne' | 'addOne' | 'editOne'> }>({
  en: {
    person: { newOne: 'New person', addOne: 'Add person', editOne: 'Edit person', loading: 'Loading people…', none: 'No people yet.', counting: 'Counting people…', counted: { one: 'person', other: 'people' }, unnamed: 'Unnamed person' },
    organisation: { newOne: 'New organisation', addOne: 'Add organisation', editOne: 'Edit organisation', loading: 'Loading organisations…', none: 'No organisations yet.', counting: 'Counting organisations…', counted: { one: 'organisation', other: 'organisations' }, unnamed: 'Unnamed organisation' },
    case: { newOne: 'New case', addOne: 'Add case', editOne: 'Edit case', loading: 'Loading cases…', none: 'No cases yet.', counting: 'Counting cases…', counted: { one: 'case', other: 'cases' }, unnamed: '' },
    opportunity: { newOne: 'New opportunity', addOne: 'Add opportunity', editOne: 'Edit opportunity', loading: 'Loading opportunities…', none: 'No opportunities yet.', counting: 'Counting opportunities…', counted: { one: 'opportunity', other: 'opportunities' }, unnamed: '' },
    note: { newOne: 'New note', addOne: 'Add note', editOne: 'Edit note' },
    task: { newOne: 'New task', addOne: 'Add task', editOne: 'Edit task' },
    activity: { newOne: 'Log a conversation', addOne: 'Log it', editOne: 'Edit conversation' },
  },
  de: {
    person: { newOne: 'Neue Person', addOne: 'Person hinzufügen', editOne: 'Person bearbeiten', loading: 'Personen werden geladen…', none: 'Noch keine Personen.', counting: 'Personen werden gezählt…', counted: { one: 'Person', other: 'Personen' }, unnamed: 'Person ohne Namen' },
    organisation: { newOne: 'Neue Organisation', addOne: 'Organisation hinzufügen', editOne: 'Organisation bearbeiten', loading: 'Organisationen werden geladen…', none: 'Noch keine Organisationen.', counting: 'Organisationen werden gezählt…', counted: { one: 'Organisation', other: 'Organisationen' }, unnamed: 'Organisation ohne Namen' },
    case: { newOne: 'Neuer Vorgang', addOne: 'Vorgang hinzufügen', editOne: 'Vorgang bearbeiten', loading: 'Vorgänge werden geladen…', none: 'Noch keine Vorgänge.', counting: 'Vorgänge werden gezählt…', counted: { one: 'Vorgang', other: 'Vorgänge' }, unnamed: '' },
    opportunity: { newOne: 'Neue Verkaufschance', addOne: 'Verkaufschance hinzufügen', editOne: 'Verkaufschance bearbeiten', loading: 'Verkaufschancen werden geladen…', none: 'Noch keine Verkaufschancen.', counting: 'Verkaufschancen werden gezählt…', counted: { one: 'Verkaufschance', other: 'Verkaufschancen' }, unnamed: '' },
    note: { newOne: 'Neue Notiz', addOne: 'Notiz hinzufügen', editOne: 'Notiz bearbeiten' },
    task: { newOne: 'Neue Aufgabe', addOne: 'Aufgabe hinzufügen', editOne: 'Aufgabe bearbeiten' },
    activity: { newOne: 'Gespräch erfassen', addOne: 'Erfassen', editOne: 'Gespräch bearbeiten' },
  },
});

export function kindPhrases(kind: Listed): KindPhrases;
export function kindPhrases(kind: RecordKind): Pick<KindPhrases, 'newOne' | 'addOne' | 'editOne'>;
export function kindPhrases(kind: RecordKind): Pick<KindPhrases, 'newOne' | 'addOne' | 'editOne'> { return KIND_PHRASES[kind]; }

/** "3 people", "1 Person", "1.204 Personen". */
export const countedRecords = (kind: Listed, n: number): string => `${formatNumber(n)} ${plural(n, KIND_PHRASES[kind].counted)}`;

/** The words of the stored choices (statuses, milestones, lawful bases), which stay codes in the data. */
type Choice = CaseStatus | OpportunityStatus | BuiltInMilestone | LawfulBasis;
export const CHOICE_LABELS = catalogue<{ readonly [C in Choice]: string }>({
  en: {
    'open': 'open', 'closed': 'closed', 'won': 'won', 'lost': 'lost',
    'new': 'new', 'qualified': 'qualified', 'proposal': 'proposal', 'negotiation': 'negotiation', 'closing': 'closing',
    'consent': 'consent', 'contract': 'contract', 'legal-obligation': 'legal obligation', 'vital-interests': 'vital interests',
    'public-task': 'public task', 'legitimate-interests': 'legitimate interests',
  },
  de: {
    'open': 'offen', 'closed': 'abgeschlossen', 'won': 'gewonnen', 'lost': 'verloren',
    'new': 'neu', 'qualified': 'qualifiziert', 'proposal': 'Angebot', 'negotiation': 'Verhandlung', 'closing': 'Abschluss',
    'consent': 'Einwilligung', 'contract': 'Vertrag', 'legal-obligation': 'rechtliche Verpflichtung', 'vital-interests': 'lebenswichtige Interessen',
    'public-task': 'öffentliche Aufgabe', 'legitimate-interests': 'berechtigte Interessen',
  },
});

/** A stored choice in words; an unknown code (from a newer version) shows as it is. */
export const choiceLabel = (code: string): string => (code in CHOICE_LABELS ? CHOICE_LABELS[code as Choice] : code);

export const RECORD_WORDS = catalogue({
  en: {
    trash: 'Trash', lock: 'Lock', recordKinds: 'Record kinds', back: 'Back', backToCapture: 'Back to capture',
    open: (title: string) => `Open ${title}`,
    exporting: 'Exporting…',
    exportFile: (file: string) => `Export ${file} (CSV)`,
    searchRecords: 'Search records', searchPlaceholder: 'Search people, organisations, cases…',
    found: (n: number) => `${formatNumber(n)} found`,
    nothingMatches: (text: string) => `Nothing matches “${text}”.`,
    searchResults: 'Search results',
    typeToSearch: 'Type to search', remove: 'Remove', goneRecord: 'A record that no longer exists',
    removeLink: (label: string) => `Remove ${label.toLowerCase()} link`,
    suggestions: (label: string) => `${label} suggestions`,
    none: 'None', saveChanges: 'Save changes', cancel: 'Cancel',
    defaultsUnread: (cause: string) => `The default owner and currency could not be read: ${cause}`,
    nothingSaved: (cause: string) => `Nothing was saved: ${cause}`,
    chooseLostReason: 'Choose a reason', lostReasonRequired: 'Choose why it was lost.',
    loadFailed: (cause: string) => `The record could not be read: ${cause}`,
    deleteFailed: (cause: string) => `Nothing was moved to the trash: ${cause}`,
    loading: 'Loading…', gone: 'This record is no longer here. It may have been deleted.',
    tags: 'Tags', edit: 'Edit', delete: 'Delete', confirmDelete: 'Confirm delete',
    moveQuestion: (title: string) => `Move ${title} and its notes to the trash?`,
    moveToTrash: 'Move to trash', keep: 'Keep',
    notes: 'Notes', capturedFrom: 'captured from', newNote: 'New note', addNote: 'Add note',
    linkHeadings: { organisation: 'Organisation', concerns: 'Concerns', party: 'Party', belongsTo: 'Belongs to' },
    since: (basis: string, date: string) => `${basis} since ${date}`,
  },
  de: {
    trash: 'Papierkorb', lock: 'Sperren', recordKinds: 'Arten von Datensätzen', back: 'Zurück', backToCapture: 'Zurück zur Erfassung',
    open: (title: string) => `${title} öffnen`,
    exporting: 'Wird exportiert…',
    exportFile: (file: string) => `${file} exportieren (CSV)`,
    searchRecords: 'Datensätze durchsuchen', searchPlaceholder: 'Personen, Organisationen, Vorgänge suchen…',
    found: (n: number) => `${formatNumber(n)} gefunden`,
    nothingMatches: (text: string) => `Keine Treffer für „${text}“.`,
    searchResults: 'Suchergebnisse',
    typeToSearch: 'Zum Suchen tippen', remove: 'Entfernen', goneRecord: 'Ein Datensatz, den es nicht mehr gibt',
    removeLink: (label: string) => `Verknüpfung „${label}“ entfernen`,
    suggestions: (label: string) => `Vorschläge für ${label}`,
    none: 'Keine', saveChanges: 'Änderungen speichern', cancel: 'Abbrechen',
    defaultsUnread: (cause: string) => `Die voreingestellte zuständige Person und Währung konnten nicht gelesen werden: ${cause}`,
    nothingSaved: (cause: string) => `Es wurde nichts gespeichert: ${cause}`,
    chooseLostReason: 'Grund wählen', lostReasonRequired: 'Wählen Sie, warum sie verloren ging.',
    loadFailed: (cause: string) => `Der Datensatz konnte nicht gelesen werden: ${cause}`,
    deleteFailed: (cause: string) => `Es wurde nichts in den Papierkorb verschoben: ${cause}`,
    loading: 'Wird geladen…', gone: 'Dieser Datensatz ist nicht mehr da. Vielleicht wurde er gelöscht.',
    tags: 'Schlagwörter', edit: 'Bearbeiten', delete: 'Löschen', confirmDelete: 'Löschen bestätigen',
    moveQuestion: (title: string) => `${title} und die zugehörigen Notizen in den Papierkorb verschieben?`,
    moveToTrash: 'In den Papierkorb', keep: 'Behalten',
    notes: 'Notizen', capturedFrom: 'erfasst von', newNote: 'Neue Notiz', addNote: 'Notiz hinzufügen',
    linkHeadings: { organisation: 'Organisation', concerns: 'Betrifft', party: 'Partei', belongsTo: 'Gehört zu' },
    since: (basis: string, date: string) => `${basis} seit ${date}`,
  },
});

/** The record form's field labels and hints, by the key a field spec names. */
export const FIELD_WORDS = catalogue({
  en: {
    labels: {
      firstName: 'First name', lastName: 'Last name', jobTitle: 'Job title', organisation: 'Organisation',
      emails: 'Emails', phones: 'Phones', websites: 'Websites', addresses: 'Addresses', tags: 'Tags', customFields: 'Custom fields',
      consentBasis: 'Lawful basis', consentDate: 'Basis since', consentSource: 'Basis source',
      name: 'Name', domain: 'Domain', concerns: 'Concerns', status: 'Status', description: 'Description',
      party: 'Party', value: 'Value', currency: 'Currency', milestone: 'Milestone', probability: 'Probability (%)',
      probabilityShown: 'Probability', expectedClose: 'Expected close', lostReason: 'Lost reason', note: 'Note', source: 'Source',
      cadenceDays: 'Stay in touch every (days)',
    },
    hints: {
      onePerLine: 'One per line', websites: 'One per line, starting with https://', addresses: 'One address per line',
      tags: 'Separated by commas', customFields: 'One per line, as name: value', domain: 'For example example.com',
      currency: 'Three letters, such as EUR',
    },
  },
  de: {
    labels: {
      firstName: 'Vorname', lastName: 'Nachname', jobTitle: 'Position', organisation: 'Organisation',
      emails: 'E-Mail-Adressen', phones: 'Telefonnummern', websites: 'Websites', addresses: 'Adressen', tags: 'Schlagwörter', customFields: 'Eigene Felder',
      consentBasis: 'Rechtsgrundlage', consentDate: 'Rechtsgrundlage seit', consentSource: 'Quelle der Rechtsgrundlage',
      name: 'Name', domain: 'Domain', concerns: 'Betrifft', status: 'Status', description: 'Beschreibung',
      party: 'Partei', value: 'Wert', currency: 'Währung', milestone: 'Meilenstein', probability: 'Wahrscheinlichkeit (%)',
      probabilityShown: 'Wahrscheinlichkeit', expectedClose: 'Voraussichtlicher Abschluss', lostReason: 'Verlustgrund', note: 'Notiz', source: 'Quelle',
      cadenceDays: 'In Kontakt bleiben alle (Tage)',
    },
    hints: {
      onePerLine: 'Eine pro Zeile', websites: 'Eine pro Zeile, beginnend mit https://', addresses: 'Eine Adresse pro Zeile',
      tags: 'Durch Kommas getrennt', customFields: 'Eines pro Zeile, als Name: Wert', domain: 'Zum Beispiel example.de',
      currency: 'Drei Buchstaben, etwa EUR',
    },
  },
});

export type FieldLabelKey = keyof typeof FIELD_WORDS.labels;
export type FieldHintKey = keyof typeof FIELD_WORDS.hints;

/** A person's data-subject tools: export everything about them, and erase them. */
export const SUBJECT_RIGHTS_WORDS = catalogue({
  en: {
    eraseQuestion: (name: string) => `Erase ${name} for good?`,
    cannotUndo: 'This cannot be undone, not even from the trash. It removes:',
    theRecord: (name: string) => `${name}’s record and every field of it`,
    notes: (n: number) => `${formatNumber(n)} ${plural(n, { one: 'note', other: 'notes' })} about them (and any of their notes in the trash)`,
    links: (n: number) => `the link from ${formatNumber(n)} ${plural(n, { one: 'case or opportunity', other: 'cases and opportunities' })} (those stay, without a party)`,
    history: 'their values in the change history',
    receipt: 'The audit log keeps a receipt with counts and a hash of the record’s id, nothing personal.',
    suppress: 'Remember a hash of their email so a later import does not bring them back',
    erase: 'Erase permanently', keep: 'Keep', exportAll: 'Export everything about this person', eraseOpen: 'Erase…',
  },
  de: {
    eraseQuestion: (name: string) => `${name} endgültig löschen?`,
    cannotUndo: 'Das lässt sich nicht rückgängig machen, auch nicht aus dem Papierkorb. Gelöscht werden:',
    theRecord: (name: string) => `der Datensatz von ${name} mit allen Feldern`,
    notes: (n: number) => `${formatNumber(n)} ${plural(n, { one: 'Notiz', other: 'Notizen' })} zu dieser Person (auch solche im Papierkorb)`,
    links: (n: number) => `die Verknüpfung von ${formatNumber(n)} ${plural(n, { one: 'Vorgang oder Verkaufschance', other: 'Vorgängen und Verkaufschancen' })} (diese bleiben, ohne Partei)`,
    history: 'ihre Werte im Änderungsverlauf',
    receipt: 'Das Prüfprotokoll behält einen Beleg mit Anzahlen und einem Hash der ID des Datensatzes, nichts Persönliches.',
    suppress: 'Einen Hash der E-Mail-Adresse behalten, damit ein späterer Import die Person nicht zurückbringt',
    erase: 'Endgültig löschen', keep: 'Behalten', exportAll: 'Alles über diese Person exportieren', eraseOpen: 'Löschen…',
  },
});
