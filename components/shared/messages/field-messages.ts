import type {
  FieldErrors, FieldProblem, LinkSubject, ListSubject, TextSubject,
} from '../../../core/records/field-problems';
import type { LocketRecord, RecordKind } from '../../../core/records/types';
import type { SaveResult } from '../../../core/record-store/contract';
import type { Result } from '../../../core/result';
import { catalogue } from '../i18n/catalogue';
import { formatNumber } from '../i18n/format';

/** A form's refusals in words, field by field (FORM_ERROR_KEY for the form as a whole), as the form shows them. */
export type FieldTexts = Readonly<Record<string, string>>;

/** Echoes what the owner typed, which core already cut short. */
const quoteEn = (input: string): string => `“${input}”`;
const quoteDe = (input: string): string => `„${input}“`;

type ProblemTexts = { readonly [T in FieldProblem['type']]: (problem: Extract<FieldProblem, { type: T }>) => string };

interface FieldLabels {
  readonly text: { readonly [S in TextSubject]: string };
  readonly list: { readonly [S in ListSubject]: string };
  readonly link: { readonly [S in LinkSubject]: string };
  readonly nameMissing: { readonly [K in 'person' | 'organisation' | 'case' | 'opportunity']: string };
  readonly status: { readonly [K in 'case' | 'opportunity']: string };
  readonly customFieldPart: { readonly name: string; readonly value: string };
  readonly noteNotSaved: string;
}

const LABELS = catalogue<FieldLabels>({
  en: {
    text: {
      'first-name': 'first name', 'last-name': 'last name', 'job-title': 'job title', 'owner': 'owner', 'name': 'name',
      'description': 'description', 'lawful-basis-source': 'source of the lawful basis', 'note': 'note',
      'custom-field-name': 'custom field name', 'custom-field-value': 'custom field value',
      'task-category': 'category', 'assignee': 'assignee', 'outcome': 'outcome', 'activity-body': 'summary',
      'lost-reason': 'lost reason',
    },
    list: {
      'emails': 'email addresses', 'phones': 'phone numbers', 'websites': 'web addresses', 'addresses': 'addresses',
      'tags': 'tags', 'custom-fields': 'custom fields',
    },
    link: { organisation: 'organisation', party: 'person or organisation', 'task-record': 'record' },
    nameMissing: {
      person: 'Enter a first or last name.',
      organisation: 'Enter the organisation’s name.',
      case: 'Enter the case’s name.',
      opportunity: 'Enter the opportunity’s name.',
    },
    status: {
      case: 'Choose whether the case is open or closed.',
      opportunity: 'Choose whether the opportunity is open, won or lost.',
    },
    customFieldPart: { name: 'name', value: 'value' },
    noteNotSaved: 'The note was not saved.',
  },
  de: {
    text: {
      'first-name': 'Vorname', 'last-name': 'Nachname', 'job-title': 'Position', 'owner': 'Zuständige Person', 'name': 'Name',
      'description': 'Beschreibung', 'lawful-basis-source': 'Quelle der Rechtsgrundlage', 'note': 'Notiz',
      'custom-field-name': 'Name des eigenen Felds', 'custom-field-value': 'Wert des eigenen Felds',
      'task-category': 'Kategorie', 'assignee': 'Zuständig', 'outcome': 'Ergebnis', 'activity-body': 'Zusammenfassung',
      'lost-reason': 'Verlustgrund',
    },
    list: {
      'emails': 'E-Mail-Adressen', 'phones': 'Telefonnummern', 'websites': 'Webadressen', 'addresses': 'Adressen',
      'tags': 'Schlagwörter', 'custom-fields': 'eigene Felder',
    },
    link: { organisation: 'Organisation', party: 'Person oder Organisation', 'task-record': 'Datensatz' },
    nameMissing: {
      person: 'Geben Sie einen Vor- oder Nachnamen ein.',
      organisation: 'Geben Sie den Namen der Organisation ein.',
      case: 'Geben Sie den Namen des Vorgangs ein.',
      opportunity: 'Geben Sie den Namen der Verkaufschance ein.',
    },
    status: {
      case: 'Wählen Sie, ob der Vorgang offen oder abgeschlossen ist.',
      opportunity: 'Wählen Sie, ob die Verkaufschance offen, gewonnen oder verloren ist.',
    },
    customFieldPart: { name: 'Namen', value: 'Wert' },
    noteNotSaved: 'Die Notiz wurde nicht gespeichert.',
  },
});

const labelOf = (subject: TextSubject | ListSubject): string =>
  (subject in LABELS.text ? LABELS.text[subject as TextSubject] : LABELS.list[subject as ListSubject]);

const DOMAIN_EN = 'Enter a domain such as example.co.uk.';
const DOMAIN_DE = 'Geben Sie eine Domain wie example.de ein.';

/** The words for each problem the record schema finds; a code without words fails to compile. */
export const FIELD_PROBLEM_MESSAGES = catalogue<ProblemTexts>({
  en: {
    'not-fields': () => 'Expected the record’s fields.',
    'not-text': ({ subject }) => `Enter the ${labelOf(subject)} as text.`,
    'too-long': ({ subject, max }) => `Keep the ${LABELS.text[subject]} to ${formatNumber(max)} characters or fewer.`,
    'not-a-list': ({ subject }) => `Enter the ${LABELS.list[subject]} as a list.`,
    'too-many': ({ subject, max }) => `Keep to ${formatNumber(max)} ${LABELS.list[subject]} or fewer.`,
    'not-from-list': ({ subject }) => `Choose the ${LABELS.link[subject]} from the list.`,
    'name-missing': ({ kind }) => LABELS.nameMissing[kind],
    'email-too-long': ({ input }) => `${quoteEn(input)} is too long for an email address.`,
    'not-an-email': ({ input }) => `${quoteEn(input)} is not a valid email address.`,
    'not-a-phone': ({ input }) => `${quoteEn(input)} is not a phone number: use 5 to 20 digits, with spaces, +, -, brackets or dots if you like.`,
    'not-a-web-address': ({ input }) => `${quoteEn(input)} is not a full web address: start it with http:// or https://.`,
    'address-too-long': ({ max }) => `Keep each address to ${formatNumber(max)} characters or fewer.`,
    'tag-too-long': ({ max, input }) => `Keep each tag to ${max} characters or fewer: ${quoteEn(input)} is longer.`,
    'custom-field-not-text': ({ part }) => `Enter each custom field’s ${LABELS.customFieldPart[part]} as text.`,
    'custom-field-not-a-pair': () => 'Give each custom field a name and a value.',
    'custom-field-name-missing': () => 'Give each custom field a name.',
    'no-lawful-basis': () => 'Choose the lawful basis for keeping this person’s data.',
    'not-a-consent-date': () => 'Enter the date the lawful basis was established as YYYY-MM-DD.',
    'consent-incomplete': () => 'Record the lawful basis with its date and source.',
    'not-a-domain': ({ input }) => (input === null ? DOMAIN_EN : `${quoteEn(input)} is not a domain. ${DOMAIN_EN}`),
    'not-a-status': ({ kind }) => LABELS.status[kind],
    'not-a-milestone': () => 'Choose one of the milestones of your pipeline.',
    'not-an-amount': () => 'Enter the value as a number, such as 1200.50.',
    'negative-amount': () => 'Enter a value of 0 or more.',
    'not-a-currency': () => 'Use a three-letter currency code such as EUR.',
    'currency-missing': () => 'Choose the currency of the value, such as EUR.',
    'not-a-whole-percent': () => 'Probability is a whole number from 0 to 100.',
    'not-a-close-date': () => 'Enter the expected close date as YYYY-MM-DD.',
    'note-not-text': () => 'Write the note as text.',
    'note-empty': () => 'Write something in the note.',
    'no-owning-record': () => 'Choose the record this note belongs to.',
    'not-a-source-address': () => 'The source must be a web address starting with http:// or https://.',
    'not-a-capture-time': () => 'The capture time must be a number of milliseconds.',
    'task-description-missing': () => 'Say what is to be done.',
    'not-a-due-date': () => 'Enter the due date as YYYY-MM-DD.',
    'not-a-due-time': () => 'Enter the due time as HH:MM, such as 09:30.',
    'due-time-without-date': () => 'Choose a due date for the time, or clear the time.',
    'not-a-time-zone': () => 'The time zone is not one this browser knows.',
    'not-a-done-time': () => 'The time the task was done must be a number of milliseconds.',
    'not-an-activity-type': () => 'Choose call, meeting or email.',
    'not-an-activity-time': () => 'Enter when the conversation took place.',
    'not-a-duration': () => 'Enter the duration as whole minutes, such as 15.',
    'not-a-cadence': () => 'Enter a whole number of days from 1 to 3650, or leave it empty.',
    'changes-unreadable': () => 'These changes could not be read.',
    'record-gone': () => 'This record no longer exists.',
    'record-in-trash': () => 'This record is in the trash.',
    'record-of-other-kind': ({ actual, asked }) => `This record is a ${actual}, not a ${asked}.`,
  },
  de: {
    'not-fields': () => 'Erwartet wurden die Felder des Datensatzes.',
    'not-text': ({ subject }) => `Geben Sie das Feld „${labelOf(subject)}“ als Text ein.`,
    'too-long': ({ subject, max }) => `Das Feld „${LABELS.text[subject]}“ darf höchstens ${formatNumber(max)} Zeichen lang sein.`,
    'not-a-list': ({ subject }) => `Geben Sie die ${LABELS.list[subject]} als Liste ein.`,
    'too-many': ({ subject, max }) => `Höchstens ${formatNumber(max)} ${LABELS.list[subject]}.`,
    'not-from-list': ({ subject }) => `Wählen Sie die ${LABELS.link[subject]} aus der Liste.`,
    'name-missing': ({ kind }) => LABELS.nameMissing[kind],
    'email-too-long': ({ input }) => `${quoteDe(input)} ist zu lang für eine E-Mail-Adresse.`,
    'not-an-email': ({ input }) => `${quoteDe(input)} ist keine gültige E-Mail-Adresse.`,
    'not-a-phone': ({ input }) => `${quoteDe(input)} ist keine Telefonnummer: Verwenden Sie 5 bis 20 Ziffern, gern mit Leerzeichen, +, -, Klammern oder Punkten.`,
    'not-a-web-address': ({ input }) => `${quoteDe(input)} ist keine vollständige Webadresse: Beginnen Sie sie mit http:// oder https://.`,
    'address-too-long': ({ max }) => `Jede Adresse darf höchstens ${formatNumber(max)} Zeichen lang sein.`,
    'tag-too-long': ({ max, input }) => `Jedes Schlagwort darf höchstens ${max} Zeichen lang sein: ${quoteDe(input)} ist länger.`,
    'custom-field-not-text': ({ part }) => `Geben Sie den ${LABELS.customFieldPart[part]} jedes eigenen Felds als Text ein.`,
    'custom-field-not-a-pair': () => 'Geben Sie jedem eigenen Feld einen Namen und einen Wert.',
    'custom-field-name-missing': () => 'Geben Sie jedem eigenen Feld einen Namen.',
    'no-lawful-basis': () => 'Wählen Sie die Rechtsgrundlage für die Speicherung der Daten dieser Person.',
    'not-a-consent-date': () => 'Geben Sie das Datum, seit dem die Rechtsgrundlage besteht, als JJJJ-MM-TT ein.',
    'consent-incomplete': () => 'Erfassen Sie die Rechtsgrundlage mit Datum und Quelle.',
    'not-a-domain': ({ input }) => (input === null ? DOMAIN_DE : `${quoteDe(input)} ist keine Domain. ${DOMAIN_DE}`),
    'not-a-status': ({ kind }) => LABELS.status[kind],
    'not-a-milestone': () => 'Wählen Sie einen der Meilensteine Ihrer Pipeline.',
    'not-an-amount': () => 'Geben Sie den Wert als Zahl ein, etwa 1200.50.',
    'negative-amount': () => 'Geben Sie einen Wert von 0 oder mehr ein.',
    'not-a-currency': () => 'Verwenden Sie einen dreibuchstabigen Währungscode wie EUR.',
    'currency-missing': () => 'Wählen Sie die Währung des Werts, etwa EUR.',
    'not-a-whole-percent': () => 'Die Wahrscheinlichkeit ist eine ganze Zahl von 0 bis 100.',
    'not-a-close-date': () => 'Geben Sie das erwartete Abschlussdatum als JJJJ-MM-TT ein.',
    'note-not-text': () => 'Schreiben Sie die Notiz als Text.',
    'note-empty': () => 'Schreiben Sie etwas in die Notiz.',
    'no-owning-record': () => 'Wählen Sie den Datensatz, zu dem diese Notiz gehört.',
    'not-a-source-address': () => 'Die Quelle muss eine Webadresse sein, die mit http:// oder https:// beginnt.',
    'not-a-capture-time': () => 'Der Erfassungszeitpunkt muss eine Zahl von Millisekunden sein.',
    'task-description-missing': () => 'Geben Sie an, was zu tun ist.',
    'not-a-due-date': () => 'Geben Sie das Fälligkeitsdatum als JJJJ-MM-TT ein.',
    'not-a-due-time': () => 'Geben Sie die Uhrzeit als HH:MM ein, etwa 09:30.',
    'due-time-without-date': () => 'Wählen Sie zur Uhrzeit ein Fälligkeitsdatum oder leeren Sie die Uhrzeit.',
    'not-a-time-zone': () => 'Diese Zeitzone kennt der Browser nicht.',
    'not-a-done-time': () => 'Der Zeitpunkt der Erledigung muss eine Zahl von Millisekunden sein.',
    'not-an-activity-type': () => 'Wählen Sie Anruf, Termin oder E-Mail.',
    'not-an-activity-time': () => 'Geben Sie an, wann das Gespräch stattfand.',
    'not-a-duration': () => 'Geben Sie die Dauer in ganzen Minuten ein, etwa 15.',
    'not-a-cadence': () => 'Geben Sie eine ganze Zahl von Tagen zwischen 1 und 3650 ein, oder lassen Sie das Feld leer.',
    'changes-unreadable': () => 'Diese Änderungen konnten nicht gelesen werden.',
    'record-gone': () => 'Diesen Datensatz gibt es nicht mehr.',
    'record-in-trash': () => 'Dieser Datensatz ist im Papierkorb.',
    'record-of-other-kind': ({ actual, asked }) => `Dieser Datensatz ist vom Typ ${actual}, nicht ${asked}.`,
  },
});

export const fieldProblemText = (problem: FieldProblem): string =>
  (FIELD_PROBLEM_MESSAGES[problem.type] as (problem: FieldProblem) => string)(problem);

/** A record form's refusals in words, field by field. */
export const fieldErrorsText = (errors: FieldErrors): FieldTexts =>
  Object.fromEntries(Object.entries(errors).map(([field, problem]) => [field, fieldProblemText(problem)]));

/** A record save's outcome with its refusals in words, as a form shows them. */
export type FormSaveResult = Result<LocketRecord, FieldTexts>;

/** A store's save in a form's terms: its coded refusals in words. */
export const wordedSave = (result: SaveResult<RecordKind>): FormSaveResult =>
  (result.ok ? result : { ok: false, error: fieldErrorsText(result.error) });

/** Why a note was not added, in words: the body's problem first. */
export const noteRefusalText = (errors: FieldErrors): string => {
  const problem = errors['body'] ?? Object.values(errors)[0];
  return problem ? fieldProblemText(problem) : LABELS.noteNotSaved;
};
