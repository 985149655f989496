/**
 * Valibot building blocks shared by the record schemas. Tolerant of shape (missing or
 * null values take the empty value, strings are trimmed, blank list rows are dropped),
 * strict about content. Every block carries messages a user can act on.
 */
import * as v from 'valibot';
import { LAWFUL_BASES } from './types';
import {
  isCalendarDate, isPhoneNumber, isWebAddress, numberFromInput, uniqueIgnoringCase,
} from './field-rules';

export const LIMITS = {
  name: 200,
  text: 10_000,
  address: 1_000,
  noteBody: 100_000,
  tag: 50,
  email: 254,
  url: 2_048,
  id: 200,
  listItems: 100,
} as const;

const count = (n: number): string => n.toLocaleString('en');

export const tooLong = (label: string, max: number): string =>
  `Keep the ${label} to ${count(max)} characters or fewer.`;

/** Echoes what the user typed, cut short so a pasted page does not become the message. */
const quote = (value: unknown): string => {
  const shown = String(value);
  return `“${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}”`;
};

/** Trimmed text; missing or null reads as ''. */
export const text = (label: string, max: number) => v.pipe(
  v.nullish(v.string(`Enter the ${label} as text.`), ''),
  v.transform((value) => value.trim()),
  v.maxLength(max, tooLong(label, max)),
);

export const requiredText = (label: string, max: number, missing: string) =>
  v.pipe(text(label, max), v.nonEmpty(missing));

/** A link to another record; missing, null or blank is "no link". */
export const optionalId = (label: string) => v.pipe(
  v.nullish(v.string(`Choose the ${label} from the list.`), null),
  v.transform((value) => value?.trim() || null),
  v.check((value) => value === null || value.length <= LIMITS.id, `Choose the ${label} from the list.`),
);

/** A web address; missing, null or blank is null. */
export const optionalWebAddress = (message: string) => v.pipe(
  v.nullish(v.string(message), null),
  v.transform((value) => value?.trim() || null),
  v.check((value) => value === null || (value.length <= LIMITS.url && isWebAddress(value)), message),
);

/** A YYYY-MM-DD calendar date; missing, null or blank is null. */
export const optionalDate = (message: string) => v.pipe(
  v.nullish(v.string(message), null),
  v.transform((value) => value?.trim() || null),
  v.check((value) => value === null || isCalendarDate(value), message),
);

/** A number or a number typed into a form; missing, null or blank is null. */
export const formNumber = (notANumber: string) => v.pipe(
  v.nullish(v.union([v.number(notANumber), v.string(notANumber)], notANumber), null),
  v.transform((value) => (value === null ? null : numberFromInput(value))),
  v.check((value) => value === null || !Number.isNaN(value), notANumber),
);

/** A list of strings from a form: missing → [], entries trimmed, blank rows dropped. */
const stringRows = (plural: string) => v.pipe(
  v.nullish(v.array(v.nullish(v.string(`Enter the ${plural} as text.`), ''), `Enter the ${plural} as a list.`), []),
  v.transform((rows) => rows.map((row) => row.trim()).filter((row) => row !== '')),
);

const tooMany = (plural: string): string => `Keep to ${count(LIMITS.listItems)} ${plural} or fewer.`;

export const emails = v.pipe(
  stringRows('email addresses'),
  v.array(v.pipe(
    v.string(),
    v.maxLength(LIMITS.email, (issue) => `${quote(issue.input)} is too long for an email address.`),
    v.email((issue) => `${quote(issue.input)} is not a valid email address.`),
  )),
  v.transform((values: string[]) => uniqueIgnoringCase(values)),
  v.maxLength(LIMITS.listItems, tooMany('email addresses')),
  v.readonly(),
);

export const phones = v.pipe(
  stringRows('phone numbers'),
  v.array(v.pipe(
    v.string(),
    v.check(isPhoneNumber, (issue) =>
      `${quote(issue.input)} is not a phone number: use 5 to 20 digits, with spaces, +, -, brackets or dots if you like.`),
  )),
  v.maxLength(LIMITS.listItems, tooMany('phone numbers')),
  v.readonly(),
);

export const websites = v.pipe(
  stringRows('web addresses'),
  v.array(v.pipe(
    v.string(),
    v.check((value) => value.length <= LIMITS.url && isWebAddress(value), (issue) =>
      `${quote(issue.input)} is not a full web address: start it with http:// or https://.`),
  )),
  v.maxLength(LIMITS.listItems, tooMany('web addresses')),
  v.readonly(),
);

export const addresses = v.pipe(
  stringRows('addresses'),
  v.array(v.pipe(v.string(), v.maxLength(LIMITS.address, `Keep each address to ${count(LIMITS.address)} characters or fewer.`))),
  v.maxLength(LIMITS.listItems, tooMany('addresses')),
  v.readonly(),
);

export const tags = v.pipe(
  stringRows('tags'),
  v.array(v.pipe(v.string(), v.maxLength(LIMITS.tag, (issue) =>
    `Keep each tag to ${LIMITS.tag} characters or fewer: ${quote(issue.input)} is longer.`))),
  v.transform((values: string[]) => uniqueIgnoringCase(values)),
  v.maxLength(LIMITS.listItems, tooMany('tags')),
  v.readonly(),
);

const customFieldRow = v.object({
  name: v.nullish(v.string('Enter each custom field’s name as text.'), ''),
  value: v.nullish(v.string('Enter each custom field’s value as text.'), ''),
}, 'Give each custom field a name and a value.');

export const customFields = v.pipe(
  v.nullish(v.array(customFieldRow, 'Enter the custom fields as a list.'), []),
  // A row left entirely blank in a form is not a field.
  v.transform((rows) => rows
    .map((row) => ({ name: row.name.trim(), value: row.value.trim() }))
    .filter((row) => row.name !== '' || row.value !== '')),
  v.array(v.pipe(
    v.object({
      name: v.pipe(v.string(), v.nonEmpty('Give each custom field a name.'),
        v.maxLength(LIMITS.name, tooLong('custom field name', LIMITS.name))),
      value: v.pipe(v.string(), v.maxLength(LIMITS.text, tooLong('custom field value', LIMITS.text))),
    }),
    v.readonly(),
  )),
  v.maxLength(LIMITS.listItems, tooMany('custom fields')),
  v.readonly(),
);

const BASIS_MESSAGE = 'Choose the lawful basis for keeping this person’s data.';
const CONSENT_DATE_MESSAGE = 'Enter the date the lawful basis was established as YYYY-MM-DD.';

const consentRecord = v.pipe(
  v.object({
    basis: v.pipe(v.nullish(v.string(BASIS_MESSAGE), ''), v.picklist(LAWFUL_BASES, BASIS_MESSAGE)),
    date: v.pipe(
      v.nullish(v.string(CONSENT_DATE_MESSAGE), ''),
      v.transform((value) => value.trim()),
      v.check(isCalendarDate, CONSENT_DATE_MESSAGE),
    ),
    source: text('source of the lawful basis', LIMITS.text),
  }, 'Record the lawful basis with its date and source.'),
  v.readonly(),
);

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** An untouched consent section of a form (every part blank) means "none recorded". */
const isBlankConsent = (value: unknown): boolean =>
  typeof value === 'object' && value !== null
  && ['basis', 'date', 'source'].every((key) => isBlank(Reflect.get(value, key)));

export const consent = v.pipe(
  v.nullish(v.unknown(), null),
  v.transform((value) => (isBlankConsent(value) ? null : value)),
  v.nullable(consentRecord),
);
