/**
 * What a CSV column can feed on import, per file. Locket's own columns each feed one of
 * these; other tools' columns are mapped onto them (mapping.ts). Some exist only for
 * other tools' files: a full name to split, address parts to join, a named custom field,
 * and a contact's note (address books keep one per person; it becomes a note on the record).
 */
export const CSV_FILES = ['contacts', 'cases', 'opportunities', 'notes', 'tasks', 'activities'] as const;
export type CsvFile = (typeof CSV_FILES)[number];

const COMMON = ['id', 'createdAt', 'updatedAt', 'owner'] as const;

export const CONTACT_FIELDS = [
  ...COMMON, 'type', 'firstName', 'lastName', 'fullName', 'name', 'jobTitle', 'organisationId', 'organisationName',
  'domain', 'emails', 'phones', 'websites', 'addresses', 'street', 'city', 'region', 'postcode', 'country',
  'tags', 'customFields', 'note', 'consentBasis', 'consentDate', 'consentSource',
] as const;

export const CASE_FIELDS = [...COMMON, 'name', 'description', 'status', 'partyId', 'partyName'] as const;

export const OPPORTUNITY_FIELDS = [
  ...COMMON, 'name', 'partyId', 'partyName', 'value', 'currency', 'milestone', 'probability', 'expectedCloseDate', 'status', 'lostReason',
] as const;

export const NOTE_FIELDS = ['id', 'createdAt', 'updatedAt', 'recordId', 'recordName', 'body', 'sourceUrl', 'capturedAt'] as const;

/** `status` only reads other tools' "Open"/"Completed"; Locket's own file says it with Done At. */
export const TASK_FIELDS = [
  'id', 'createdAt', 'updatedAt', 'description', 'recordId', 'recordName', 'dueDate', 'dueTime', 'timeZone', 'category',
  'assignee', 'doneAt', 'status', 'trackId',
] as const;

/** A logged conversation; `activityType` and `summary` are its `type` and `body`, named apart from contacts' type and notes' body. */
export const ACTIVITY_LOG_FIELDS = [
  'id', 'createdAt', 'updatedAt', 'activityType', 'recordId', 'recordName', 'occurredAt', 'durationMinutes', 'outcome', 'summary',
] as const;

export interface FieldsOfFile {
  readonly contacts: (typeof CONTACT_FIELDS)[number];
  readonly cases: (typeof CASE_FIELDS)[number];
  readonly opportunities: (typeof OPPORTUNITY_FIELDS)[number];
  readonly notes: (typeof NOTE_FIELDS)[number];
  readonly tasks: (typeof TASK_FIELDS)[number];
  readonly activities: (typeof ACTIVITY_LOG_FIELDS)[number];
}

export const FIELDS_OF_FILE: { readonly [F in CsvFile]: readonly FieldsOfFile[F][] } = {
  contacts: CONTACT_FIELDS,
  cases: CASE_FIELDS,
  opportunities: OPPORTUNITY_FIELDS,
  notes: NOTE_FIELDS,
  tasks: TASK_FIELDS,
  activities: ACTIVITY_LOG_FIELDS,
};

/** A column feeds a field, becomes a custom field with that name (contacts only), or is ignored (null). */
export type ImportTarget<F extends CsvFile> = FieldsOfFile[F] | { readonly customField: string } | null;

/**
 * 'locket': the file is a Locket export (it has the "Locket ID" column), so list cells use
 * Locket's escaped one-per-line form and a blank cell means "empty".
 * 'other': another tool's file; lists may be separated by commas or semicolons too, and a
 * blank cell means "not given".
 */
export type CsvFormat = 'locket' | 'other';

export interface ImportMapping<F extends CsvFile> {
  readonly file: F;
  readonly format: CsvFormat;
  /** One target per column, in the order of the header row. */
  readonly columns: readonly ImportTarget<F>[];
}
