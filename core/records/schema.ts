/**
 * One valibot schema per record kind. Each one's output type is exactly FieldsByKind[K]
 * (checked in test/unit/core/schema.test.ts), and unknown keys are dropped.
 */
import * as v from 'valibot';
import { CASE_STATUSES, OPPORTUNITY_STATUSES, type FieldsByKind, type RecordKind } from './types';
import { isDomain, normaliseDomain } from './field-rules';
import {
  LIMITS, addresses, consent, customFields, emails, formNumber, optionalDate, optionalId,
  optionalWebAddress, phones, requiredText, tags, text, tooLong, websites,
} from './field-schemas';
import { problem } from './field-problems';
import { activitySchema, taskSchema } from './follow-up-schemas';

const NOT_FIELDS = problem({ type: 'not-fields' });
const owner = text('owner', LIMITS.name);
const NOT_A_CADENCE = problem({ type: 'not-a-cadence' });

export const personSchema = v.pipe(
  v.object({
    firstName: text('first-name', LIMITS.name),
    lastName: text('last-name', LIMITS.name),
    jobTitle: text('job-title', LIMITS.name),
    organisationId: optionalId('organisation'),
    emails, phones, websites, addresses, tags, customFields, consent, owner,
    cadenceDays: v.pipe(formNumber(NOT_A_CADENCE), v.check((days) => days === null || (Number.isInteger(days) && days >= 1 && days <= 3650), NOT_A_CADENCE)),
  }, NOT_FIELDS),
  v.forward(
    v.partialCheck(
      [['firstName'], ['lastName']],
      (fields) => fields.firstName !== '' || fields.lastName !== '',
      problem({ type: 'name-missing', kind: 'person' }),
    ),
    ['firstName'],
  ),
  v.readonly(),
);

const domain = v.pipe(
  v.nullish(v.string(problem({ type: 'not-a-domain', input: null })), ''),
  v.transform(normaliseDomain),
  v.check((value) => value === '' || isDomain(value), (issue) =>
    problem({ type: 'not-a-domain', input: String(issue.input).slice(0, 60) })),
);

export const organisationSchema = v.pipe(
  v.object({
    name: requiredText('name', LIMITS.name, problem({ type: 'name-missing', kind: 'organisation' })),
    domain, emails, phones, websites, addresses, tags, customFields, owner,
  }, NOT_FIELDS),
  v.readonly(),
);

const picklistOr = <const T extends readonly string[]>(options: T, fallback: T[number], message: string) =>
  v.pipe(v.nullish(v.string(message), ''), v.transform((value) => value.trim() || fallback), v.picklist(options, message));

export const caseSchema = v.pipe(
  v.object({
    name: requiredText('name', LIMITS.name, problem({ type: 'name-missing', kind: 'case' })),
    description: text('description', LIMITS.text),
    status: picklistOr(CASE_STATUSES, 'open', problem({ type: 'not-a-status', kind: 'case' })),
    partyId: optionalId('party'),
    customFields,
    owner,
  }, NOT_FIELDS),
  v.readonly(),
);

/** A milestone id is short: the owner's list makes them (core/pipeline/pipeline-settings.ts). */
export const MILESTONE_ID_MAX = 40;
const CURRENCY_MESSAGE = problem({ type: 'not-a-currency' });
const PROBABILITY_MESSAGE = problem({ type: 'not-a-whole-percent' });

export const opportunitySchema = v.pipe(
  v.object({
    name: requiredText('name', LIMITS.name, problem({ type: 'name-missing', kind: 'opportunity' })),
    partyId: optionalId('party'),
    value: v.pipe(
      formNumber(problem({ type: 'not-an-amount' })),
      v.check((value) => value === null || (Number.isFinite(value) && value >= 0), problem({ type: 'negative-amount' })),
    ),
    currency: v.pipe(
      v.nullish(v.string(CURRENCY_MESSAGE), ''),
      v.transform((value) => value.trim().toUpperCase()),
      v.check((value) => value === '' || /^[A-Z]{3}$/.test(value), CURRENCY_MESSAGE),
    ),
    // Any of the owner's milestone ids (core/pipeline); blank reads as the first built-in.
    milestone: v.pipe(
      v.nullish(v.string(problem({ type: 'not-a-milestone' })), ''),
      v.transform((value) => value.trim() || 'new'),
      v.maxLength(MILESTONE_ID_MAX, problem({ type: 'not-a-milestone' })),
    ),
    probability: v.pipe(
      formNumber(PROBABILITY_MESSAGE),
      v.transform((value) => value ?? 0),
      v.check((value) => Number.isInteger(value) && value >= 0 && value <= 100, PROBABILITY_MESSAGE),
    ),
    expectedCloseDate: optionalDate(problem({ type: 'not-a-close-date' })),
    status: picklistOr(OPPORTUNITY_STATUSES, 'open', problem({ type: 'not-a-status', kind: 'opportunity' })),
    customFields,
    lostReason: text('lost-reason', LIMITS.name),
    owner,
  }, NOT_FIELDS),
  v.forward(
    v.partialCheck(
      [['value'], ['currency']],
      (fields) => fields.value === null || fields.currency !== '',
      problem({ type: 'currency-missing' }),
    ),
    ['currency'],
  ),
  v.readonly(),
);

const NO_OWNING_RECORD = problem({ type: 'no-owning-record' });
const NOT_A_CAPTURE_TIME = problem({ type: 'not-a-capture-time' });

export const noteSchema = v.pipe(
  v.object({
    body: v.pipe(
      v.nullish(v.string(problem({ type: 'note-not-text' })), ''),
      v.transform((value) => value.trim()),
      v.nonEmpty(problem({ type: 'note-empty' })),
      v.maxLength(LIMITS.noteBody, tooLong('note', LIMITS.noteBody)),
    ),
    recordId: v.pipe(
      v.nullish(v.string(NO_OWNING_RECORD), ''),
      v.transform((value) => value.trim()),
      v.nonEmpty(NO_OWNING_RECORD),
      v.maxLength(LIMITS.id, NO_OWNING_RECORD),
    ),
    sourceUrl: optionalWebAddress(problem({ type: 'not-a-source-address' })),
    capturedAt: v.nullish(
      v.pipe(v.number(NOT_A_CAPTURE_TIME), v.finite(NOT_A_CAPTURE_TIME)),
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
  task: taskSchema,
  activity: activitySchema,
};
