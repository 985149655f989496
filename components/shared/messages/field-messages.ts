import type {
  FieldErrors, FieldProblem, LinkSubject, ListSubject, TextSubject,
} from '../../../core/records/field-problems';
import { MILESTONES, type LocketRecord, type RecordKind } from '../../../core/records/types';
import type { SaveResult } from '../../../core/record-store/contract';
import type { Result } from '../../../core/result';

/** A form's refusals in words, field by field (FORM_ERROR_KEY for the form as a whole), as the form shows them. */
export type FieldTexts = Readonly<Record<string, string>>;

const count = (n: number): string => n.toLocaleString('en');
/** Echoes what the owner typed, which core already cut short. */
const quote = (input: string): string => `“${input}”`;

const TEXT_LABELS: { readonly [S in TextSubject]: string } = {
  'first-name': 'first name',
  'last-name': 'last name',
  'job-title': 'job title',
  'owner': 'owner',
  'name': 'name',
  'description': 'description',
  'lawful-basis-source': 'source of the lawful basis',
  'note': 'note',
  'custom-field-name': 'custom field name',
  'custom-field-value': 'custom field value',
};

const LIST_LABELS: { readonly [S in ListSubject]: string } = {
  'emails': 'email addresses',
  'phones': 'phone numbers',
  'websites': 'web addresses',
  'addresses': 'addresses',
  'tags': 'tags',
  'custom-fields': 'custom fields',
};

const LINK_LABELS: { readonly [S in LinkSubject]: string } = {
  organisation: 'organisation',
  party: 'person or organisation',
};

const labelOf = (subject: TextSubject | ListSubject): string =>
  (subject in TEXT_LABELS ? TEXT_LABELS[subject as TextSubject] : LIST_LABELS[subject as ListSubject]);

const NAME_MISSING = {
  person: 'Enter a first or last name.',
  organisation: 'Enter the organisation’s name.',
  case: 'Enter the case’s name.',
  opportunity: 'Enter the opportunity’s name.',
} as const;

const STATUS = {
  case: 'Choose whether the case is open or closed.',
  opportunity: 'Choose whether the opportunity is open, won or lost.',
} as const;

const DOMAIN = 'Enter a domain such as example.co.uk.';
const CURRENCY = 'Use a three-letter currency code such as EUR.';

/** The words for each problem the record schema finds; a code without words fails to compile. */
export const FIELD_PROBLEM_MESSAGES: {
  readonly [T in FieldProblem['type']]: (problem: Extract<FieldProblem, { type: T }>) => string
} = {
  'not-fields': () => 'Expected the record’s fields.',
  'not-text': ({ subject }) => `Enter the ${labelOf(subject)} as text.`,
  'too-long': ({ subject, max }) => `Keep the ${TEXT_LABELS[subject]} to ${count(max)} characters or fewer.`,
  'not-a-list': ({ subject }) => `Enter the ${LIST_LABELS[subject]} as a list.`,
  'too-many': ({ subject, max }) => `Keep to ${count(max)} ${LIST_LABELS[subject]} or fewer.`,
  'not-from-list': ({ subject }) => `Choose the ${LINK_LABELS[subject]} from the list.`,
  'name-missing': ({ kind }) => NAME_MISSING[kind],
  'email-too-long': ({ input }) => `${quote(input)} is too long for an email address.`,
  'not-an-email': ({ input }) => `${quote(input)} is not a valid email address.`,
  'not-a-phone': ({ input }) => `${quote(input)} is not a phone number: use 5 to 20 digits, with spaces, +, -, brackets or dots if you like.`,
  'not-a-web-address': ({ input }) => `${quote(input)} is not a full web address: start it with http:// or https://.`,
  'address-too-long': ({ max }) => `Keep each address to ${count(max)} characters or fewer.`,
  'tag-too-long': ({ max, input }) => `Keep each tag to ${max} characters or fewer: ${quote(input)} is longer.`,
  'custom-field-not-text': ({ part }) => `Enter each custom field’s ${part} as text.`,
  'custom-field-not-a-pair': () => 'Give each custom field a name and a value.',
  'custom-field-name-missing': () => 'Give each custom field a name.',
  'no-lawful-basis': () => 'Choose the lawful basis for keeping this person’s data.',
  'not-a-consent-date': () => 'Enter the date the lawful basis was established as YYYY-MM-DD.',
  'consent-incomplete': () => 'Record the lawful basis with its date and source.',
  'not-a-domain': ({ input }) => (input === null ? DOMAIN : `${quote(input)} is not a domain. ${DOMAIN}`),
  'not-a-status': ({ kind }) => STATUS[kind],
  'not-a-milestone': () => `Choose a milestone: ${MILESTONES.join(', ')}.`,
  'not-an-amount': () => 'Enter the value as a number, such as 1200.50.',
  'negative-amount': () => 'Enter a value of 0 or more.',
  'not-a-currency': () => CURRENCY,
  'currency-missing': () => 'Choose the currency of the value, such as EUR.',
  'not-a-whole-percent': () => 'Probability is a whole number from 0 to 100.',
  'not-a-close-date': () => 'Enter the expected close date as YYYY-MM-DD.',
  'note-not-text': () => 'Write the note as text.',
  'note-empty': () => 'Write something in the note.',
  'no-owning-record': () => 'Choose the record this note belongs to.',
  'not-a-source-address': () => 'The source must be a web address starting with http:// or https://.',
  'not-a-capture-time': () => 'The capture time must be a number of milliseconds.',
  'changes-unreadable': () => 'These changes could not be read.',
  'record-gone': () => 'This record no longer exists.',
  'record-in-trash': () => 'This record is in the trash.',
  'record-of-other-kind': ({ actual, asked }) => `This record is a ${actual}, not a ${asked}.`,
};

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
  return problem ? fieldProblemText(problem) : 'The note was not saved.';
};
