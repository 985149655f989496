/**
 * The domain records. Every record has an id that sorts by creation time (UUIDv7),
 * createdAt, updatedAt, and deletedAt while it is in the trash. Ids never change.
 */
export const RECORD_KINDS = ['person', 'organisation', 'case', 'opportunity', 'note', 'task', 'activity'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The kinds that have their own list in the workspace (notes and activities live under their record, tasks in Tasks). */
export const LISTED_KINDS = ['person', 'organisation', 'case', 'opportunity'] as const;
export type ListedKind = (typeof LISTED_KINDS)[number];

/**
 * The kinds that belong to one record (a note on it, a task about it, a conversation with it):
 * they go to the trash and come back with it, are erased with it, and are not searched alone.
 */
export const DEPENDENT_KINDS = ['note', 'task', 'activity'] as const;
export type DependentKind = (typeof DEPENDENT_KINDS)[number];
export const isDependentKind = (kind: RecordKind): kind is DependentKind =>
  (DEPENDENT_KINDS as readonly RecordKind[]).includes(kind);

export type RecordId = string;

export interface CustomField {
  readonly name: string;
  readonly value: string;
}

export const LAWFUL_BASES = [
  'consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

export interface Consent {
  readonly basis: LawfulBasis;
  /** ISO date (YYYY-MM-DD) the basis was established. */
  readonly date: string;
  readonly source: string;
}

export interface PersonFields {
  readonly firstName: string;
  readonly lastName: string;
  readonly jobTitle: string;
  /** A person belongs to at most one organisation. */
  readonly organisationId: RecordId | null;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly websites: readonly string[];
  readonly addresses: readonly string[];
  readonly tags: readonly string[];
  readonly customFields: readonly CustomField[];
  readonly consent: Consent | null;
  readonly owner: string;
  /** Stay in touch: contact them every this many days; null for no cadence. Stored records from before read as null. */
  readonly cadenceDays: number | null;
}

export interface OrganisationFields {
  readonly name: string;
  readonly domain: string;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly websites: readonly string[];
  readonly addresses: readonly string[];
  readonly tags: readonly string[];
  readonly customFields: readonly CustomField[];
  readonly owner: string;
}

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseFields {
  readonly name: string;
  readonly description: string;
  readonly status: CaseStatus;
  /** The person or organisation the case concerns. */
  readonly partyId: RecordId | null;
  readonly customFields: readonly CustomField[];
  readonly owner: string;
}

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** The built-in milestones: the owner's list starts with these (core/pipeline), and their ids never change. */
export const MILESTONES = ['new', 'qualified', 'proposal', 'negotiation', 'closing'] as const;
export type BuiltInMilestone = (typeof MILESTONES)[number];
/** A milestone's id from the owner's list (core/pipeline/pipeline-settings.ts); an id no longer listed stays valid. */
export type Milestone = string;

export interface OpportunityFields {
  readonly name: string;
  readonly partyId: RecordId | null;
  /** Non-negative amount in the currency's major unit; null when not yet known. */
  readonly value: number | null;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
  readonly milestone: Milestone;
  /** 0–100. */
  readonly probability: number;
  /** ISO date (YYYY-MM-DD) or null. */
  readonly expectedCloseDate: string | null;
  readonly status: OpportunityStatus;
  readonly customFields: readonly CustomField[];
  /** Why it was lost, from the owner's list of lost reasons; '' while open or won. */
  readonly lostReason: string;
  readonly owner: string;
}

export interface NoteFields {
  readonly body: string;
  /** The record the note belongs to. */
  readonly recordId: RecordId;
  /** Set when the note came from a page capture. */
  readonly sourceUrl: string | null;
  readonly capturedAt: number | null;
}

/** Built-in task categories; the owner may type a category of their own. */
export const TASK_CATEGORIES = ['call', 'email', 'meeting', 'follow-up'] as const;

export interface TaskFields {
  readonly description: string;
  /** The record the task is about (person, organisation, case, opportunity), or null for a task of its own. */
  readonly recordId: RecordId | null;
  /** ISO date (YYYY-MM-DD) in `timeZone`, or null for a task without a due date. */
  readonly dueDate: string | null;
  /** HH:MM wall-clock time in `timeZone`, or null for "some time that day" (no reminder at a time). */
  readonly dueTime: string | null;
  /** The IANA zone the due date and time were given in; "today" follows the device's zone. */
  readonly timeZone: string;
  /** One of TASK_CATEGORIES or the owner's own word; '' for none. */
  readonly category: string;
  /** Who does it: the owner until teams; a member's device-independent name otherwise. */
  readonly assignee: string;
  /** When it was marked done (ms since epoch), or null while open. */
  readonly doneAt: number | null;
  /** The track the task was made from, so completing it can start the next; null otherwise. */
  readonly trackId: string | null;
}

export const ACTIVITY_TYPES = ['call', 'meeting', 'email'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export interface ActivityFields {
  readonly type: ActivityType;
  /** The record the conversation was with. */
  readonly recordId: RecordId;
  /** When it happened (ms since epoch). */
  readonly occurredAt: number;
  /** Whole minutes, or null when not recorded. */
  readonly durationMinutes: number | null;
  /** A short outcome ("left a voicemail", "agreed a demo"). */
  readonly outcome: string;
  readonly body: string;
}

export interface FieldsByKind {
  readonly person: PersonFields;
  readonly organisation: OrganisationFields;
  readonly case: CaseFields;
  readonly opportunity: OpportunityFields;
  readonly note: NoteFields;
  readonly task: TaskFields;
  readonly activity: ActivityFields;
}

export interface RecordMeta<K extends RecordKind = RecordKind> {
  readonly id: RecordId;
  readonly kind: K;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly deletedAt: number | null;
}

export type LocketRecord<K extends RecordKind = RecordKind> = K extends RecordKind
  ? RecordMeta<K> & { readonly fields: FieldsByKind[K] }
  : never;

export type PersonRecord = LocketRecord<'person'>;
export type OrganisationRecord = LocketRecord<'organisation'>;
export type CaseRecord = LocketRecord<'case'>;
export type OpportunityRecord = LocketRecord<'opportunity'>;
export type NoteRecord = LocketRecord<'note'>;
