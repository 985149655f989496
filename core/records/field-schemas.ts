/**
 * Valibot building blocks shared by the record schemas. Tolerant of shape (missing or
 * null values take the empty value, strings are trimmed, blank list rows are dropped),
 * strict about content. Every block carries a coded problem (field-problems.ts), which the
 * interface words.
 */
import * as v from 'valibot';
import { LAWFUL_BASES } from './types';
import {
  cutInput, problem, type LinkSubject, type ListSubject, type PlainTextSubject, type TextSubject,
} from './field-problems';
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

export const tooLong = (subject: TextSubject, max: number): string => problem({ type: 'too-long', subject, max });

/** Trimmed text; missing or null reads as ''. */
export const text = (subject: PlainTextSubject, max: number) => v.pipe(
  v.nullish(v.string(problem({ type: 'not-text', subject })), ''),
  v.transform((value) => value.trim()),
  v.maxLength(max, tooLong(subject, max)),
);

export const requiredText = (subject: 'name', max: number, missing: string) =>
  v.pipe(text(subject, max), v.nonEmpty(missing));

/** A link to another record; missing, null or blank is "no link". */
export const optionalId = (subject: LinkSubject) => v.pipe(
  v.nullish(v.string(problem({ type: 'not-from-list', subject })), null),
  v.transform((value) => value?.trim() || null),
  v.check((value) => value === null || value.length <= LIMITS.id, problem({ type: 'not-from-list', subject })),
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
const stringRows = (subject: ListSubject) => v.pipe(
  v.nullish(v.array(v.nullish(v.string(problem({ type: 'not-text', subject })), ''), problem({ type: 'not-a-list', subject })), []),
  v.transform((rows) => rows.map((row) => row.trim()).filter((row) => row !== '')),
);

const tooMany = (subject: ListSubject): string => problem({ type: 'too-many', subject, max: LIMITS.listItems });

export const emails = v.pipe(
  stringRows('emails'),
  v.array(v.pipe(
    v.string(),
    v.maxLength(LIMITS.email, (issue) => problem({ type: 'email-too-long', input: cutInput(issue.input) })),
    v.email((issue) => problem({ type: 'not-an-email', input: cutInput(issue.input) })),
  )),
  v.transform((values: string[]) => uniqueIgnoringCase(values)),
  v.maxLength(LIMITS.listItems, tooMany('emails')),
  v.readonly(),
);

export const phones = v.pipe(
  stringRows('phones'),
  v.array(v.pipe(
    v.string(),
    v.check(isPhoneNumber, (issue) => problem({ type: 'not-a-phone', input: cutInput(issue.input) })),
  )),
  v.maxLength(LIMITS.listItems, tooMany('phones')),
  v.readonly(),
);

export const websites = v.pipe(
  stringRows('websites'),
  v.array(v.pipe(
    v.string(),
    v.check((value) => value.length <= LIMITS.url && isWebAddress(value), (issue) =>
      problem({ type: 'not-a-web-address', input: cutInput(issue.input) })),
  )),
  v.maxLength(LIMITS.listItems, tooMany('websites')),
  v.readonly(),
);

export const addresses = v.pipe(
  stringRows('addresses'),
  v.array(v.pipe(v.string(), v.maxLength(LIMITS.address, problem({ type: 'address-too-long', max: LIMITS.address })))),
  v.maxLength(LIMITS.listItems, tooMany('addresses')),
  v.readonly(),
);

export const tags = v.pipe(
  stringRows('tags'),
  v.array(v.pipe(v.string(), v.maxLength(LIMITS.tag, (issue) =>
    problem({ type: 'tag-too-long', max: LIMITS.tag, input: cutInput(issue.input) })))),
  v.transform((values: string[]) => uniqueIgnoringCase(values)),
  v.maxLength(LIMITS.listItems, tooMany('tags')),
  v.readonly(),
);

const customFieldRow = v.object({
  name: v.nullish(v.string(problem({ type: 'custom-field-not-text', part: 'name' })), ''),
  value: v.nullish(v.string(problem({ type: 'custom-field-not-text', part: 'value' })), ''),
}, problem({ type: 'custom-field-not-a-pair' }));

export const customFields = v.pipe(
  v.nullish(v.array(customFieldRow, problem({ type: 'not-a-list', subject: 'custom-fields' })), []),
  // A row left entirely blank in a form is not a field.
  v.transform((rows) => rows
    .map((row) => ({ name: row.name.trim(), value: row.value.trim() }))
    .filter((row) => row.name !== '' || row.value !== '')),
  v.array(v.pipe(
    v.object({
      name: v.pipe(v.string(), v.nonEmpty(problem({ type: 'custom-field-name-missing' })),
        v.maxLength(LIMITS.name, tooLong('custom-field-name', LIMITS.name))),
      value: v.pipe(v.string(), v.maxLength(LIMITS.text, tooLong('custom-field-value', LIMITS.text))),
    }),
    v.readonly(),
  )),
  v.maxLength(LIMITS.listItems, tooMany('custom-fields')),
  v.readonly(),
);

const BASIS_MESSAGE = problem({ type: 'no-lawful-basis' });
const CONSENT_DATE_MESSAGE = problem({ type: 'not-a-consent-date' });

const consentRecord = v.pipe(
  v.object({
    basis: v.pipe(v.nullish(v.string(BASIS_MESSAGE), ''), v.picklist(LAWFUL_BASES, BASIS_MESSAGE)),
    date: v.pipe(
      v.nullish(v.string(CONSENT_DATE_MESSAGE), ''),
      v.transform((value) => value.trim()),
      v.check(isCalendarDate, CONSENT_DATE_MESSAGE),
    ),
    source: text('lawful-basis-source', LIMITS.text),
  }, problem({ type: 'consent-incomplete' })),
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
