/**
 * One valibot schema per record kind. Each one's output type is exactly FieldsByKind[K]
 * (checked in test/unit/core/schema.test.ts), and unknown keys are dropped.
 */
import * as v from 'valibot';
import { CASE_STATUSES, MILESTONES, OPPORTUNITY_STATUSES, type FieldsByKind, type RecordKind } from './types';
import { isDomain, normaliseDomain } from './field-rules';
import {
  LIMITS, addresses, consent, customFields, emails, formNumber, optionalDate, optionalId,
  optionalWebAddress, phones, requiredText, tags, text, tooLong, websites,
} from './field-schemas';

const NOT_FIELDS = 'Expected the record’s fields.';
const owner = text('owner', LIMITS.name);

export const personSchema = v.pipe(
  v.object({
    firstName: text('first name', LIMITS.name),
    lastName: text('last name', LIMITS.name),
    jobTitle: text('job title', LIMITS.name),
    organisationId: optionalId('organisation'),
    emails, phones, websites, addresses, tags, customFields, consent, owner,
  }, NOT_FIELDS),
  v.forward(
    v.partialCheck(
      [['firstName'], ['lastName']],
      (fields) => fields.firstName !== '' || fields.lastName !== '',
      'Enter a first or last name.',
    ),
    ['firstName'],
  ),
  v.readonly(),
);

const DOMAIN_MESSAGE = 'Enter a domain such as example.co.uk.';

const domain = v.pipe(
  v.nullish(v.string(DOMAIN_MESSAGE), ''),
  v.transform(normaliseDomain),
  v.check((value) => value === '' || isDomain(value), (issue) =>
    `“${String(issue.input).slice(0, 60)}” is not a domain. ${DOMAIN_MESSAGE}`),
);

export const organisationSchema = v.pipe(
  v.object({
    name: requiredText('name', LIMITS.name, 'Enter the organisation’s name.'),
    domain, emails, phones, websites, addresses, tags, customFields, owner,
  }, NOT_FIELDS),
  v.readonly(),
);

const picklistOr = <const T extends readonly string[]>(options: T, fallback: T[number], message: string) =>
  v.pipe(v.nullish(v.string(message), ''), v.transform((value) => value.trim() || fallback), v.picklist(options, message));

export const caseSchema = v.pipe(
  v.object({
    name: requiredText('name', LIMITS.name, 'Enter the case’s name.'),
    description: text('description', LIMITS.text),
    status: picklistOr(CASE_STATUSES, 'open', 'Choose whether the case is open or closed.'),
    partyId: optionalId('person or organisation'),
    owner,
  }, NOT_FIELDS),
  v.readonly(),
);

const CURRENCY_MESSAGE = 'Use a three-letter currency code such as EUR.';
const PROBABILITY_MESSAGE = 'Probability is a whole number from 0 to 100.';

export const opportunitySchema = v.pipe(
  v.object({
    name: requiredText('name', LIMITS.name, 'Enter the opportunity’s name.'),
    partyId: optionalId('person or organisation'),
    value: v.pipe(
      formNumber('Enter the value as a number, such as 1200.50.'),
      v.check((value) => value === null || (Number.isFinite(value) && value >= 0), 'Enter a value of 0 or more.'),
    ),
    currency: v.pipe(
      v.nullish(v.string(CURRENCY_MESSAGE), ''),
      v.transform((value) => value.trim().toUpperCase()),
      v.check((value) => value === '' || /^[A-Z]{3}$/.test(value), CURRENCY_MESSAGE),
    ),
    milestone: picklistOr(MILESTONES, 'new', `Choose a milestone: ${MILESTONES.join(', ')}.`),
    probability: v.pipe(
      formNumber(PROBABILITY_MESSAGE),
      v.transform((value) => value ?? 0),
      v.check((value) => Number.isInteger(value) && value >= 0 && value <= 100, PROBABILITY_MESSAGE),
    ),
    expectedCloseDate: optionalDate('Enter the expected close date as YYYY-MM-DD.'),
    status: picklistOr(OPPORTUNITY_STATUSES, 'open', 'Choose whether the opportunity is open, won or lost.'),
    owner,
  }, NOT_FIELDS),
  v.forward(
    v.partialCheck(
      [['value'], ['currency']],
      (fields) => fields.value === null || fields.currency !== '',
      'Choose the currency of the value, such as EUR.',
    ),
    ['currency'],
  ),
  v.readonly(),
);

export const noteSchema = v.pipe(
  v.object({
    body: v.pipe(
      v.nullish(v.string('Write the note as text.'), ''),
      v.transform((value) => value.trim()),
      v.nonEmpty('Write something in the note.'),
      v.maxLength(LIMITS.noteBody, tooLong('note', LIMITS.noteBody)),
    ),
    recordId: v.pipe(
      v.nullish(v.string('Choose the record this note belongs to.'), ''),
      v.transform((value) => value.trim()),
      v.nonEmpty('Choose the record this note belongs to.'),
      v.maxLength(LIMITS.id, 'Choose the record this note belongs to.'),
    ),
    sourceUrl: optionalWebAddress('The source must be a web address starting with http:// or https://.'),
    capturedAt: v.nullish(
      v.pipe(v.number('The capture time must be a number of milliseconds.'), v.finite('The capture time must be a number of milliseconds.')),
      null,
    ),
  }, NOT_FIELDS),
  v.readonly(),
);

export const recordSchemas: { readonly [K in RecordKind]: v.GenericSchema<unknown, FieldsByKind[K]> } = {
  person: personSchema,
  organisation: organisationSchema,
  case: caseSchema,
  opportunity: opportunitySchema,
  note: noteSchema,
};
