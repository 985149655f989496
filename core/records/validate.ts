import * as v from 'valibot';
import { recordSchemas } from './schema';
import type { FieldsByKind, RecordKind } from './types';
import { problemIn, type FieldErrors, type FieldProblem } from './field-problems';
import type { Result } from '../result';

export interface FieldDefaults {
  readonly owner: string;
  readonly currency: string;
}

/** The FieldErrors key for a problem with the input as a whole (not an object at all). */
export const FORM_ERROR_KEY = '_form';

/** One problem per top-level field: the first found, which is the one to fix first. */
const firstProblemPerField = (issues: readonly v.BaseIssue<unknown>[]): FieldErrors => {
  const errors: Record<string, FieldProblem> = {};
  for (const issue of issues) {
    const key = issue.path?.[0]?.key;
    const field = typeof key === 'string' ? key : FORM_ERROR_KEY;
    errors[field] ??= problemIn(issue.message);
  }
  return errors;
};

/** Validates untrusted input (a form, a message, a stored body) into typed fields, or a coded problem per field. */
export const parseFields = <K extends RecordKind>(kind: K, input: unknown): Result<FieldsByKind[K], FieldErrors> => {
  const schema: v.GenericSchema<unknown, FieldsByKind[K]> = recordSchemas[kind];
  const result = v.safeParse(schema, input);
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, error: firstProblemPerField(result.issues) };
};

const emptyByKind: { readonly [K in RecordKind]: (defaults: FieldDefaults) => FieldsByKind[K] } = {
  person: ({ owner }) => ({
    firstName: '', lastName: '', jobTitle: '', organisationId: null, cadenceDays: null,
    emails: [], phones: [], websites: [], addresses: [], tags: [], customFields: [],
    consent: null, owner,
  }),
  organisation: ({ owner }) => ({
    name: '', domain: '', emails: [], phones: [], websites: [], addresses: [], tags: [], customFields: [], owner,
  }),
  case: ({ owner }) => ({ name: '', description: '', status: 'open', partyId: null, customFields: [], owner }),
  opportunity: ({ owner, currency }) => ({
    name: '', partyId: null, value: null, currency, milestone: 'new', probability: 0,
    expectedCloseDate: null, status: 'open', customFields: [], lostReason: '', owner,
  }),
  note: () => ({ body: '', recordId: '', sourceUrl: null, capturedAt: null }),
  task: ({ owner }) => ({
    description: '', recordId: null, dueDate: null, dueTime: null, timeZone: 'UTC', category: '', assignee: owner,
    doneAt: null, trackId: null,
  }),
  activity: () => ({ type: 'call', recordId: '', occurredAt: 0, durationMinutes: null, outcome: '', body: '' }),
};

/** The fields of a new, empty record of a kind, as a form starts. */
export const emptyFields = <K extends RecordKind>(kind: K, defaults: FieldDefaults): FieldsByKind[K] =>
  emptyByKind[kind](defaults);
