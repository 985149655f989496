/**
 * Why the record schema refused a field, as a code with the data its words need; the words
 * live in components/shared/messages/field-messages.ts. A value the owner typed is carried
 * already cut short (`input`), so a pasted page never becomes the message.
 */
import type { RecordKind } from './types';

/** A text field whose words name it: "Enter the first name as text." */
export type TextSubject =
  | 'first-name' | 'last-name' | 'job-title' | 'owner' | 'name' | 'description' | 'lawful-basis-source'
  | 'note' | 'custom-field-name' | 'custom-field-value' | 'task-category' | 'assignee' | 'outcome' | 'activity-body' | 'lost-reason';
/** A text field of its own (not the note's body, not part of a custom field): "Enter the first name as text." */
export type PlainTextSubject = Exclude<TextSubject, 'note' | 'custom-field-name' | 'custom-field-value'>;
/** A list field: "Keep to 100 email addresses or fewer." */
export type ListSubject = 'emails' | 'phones' | 'websites' | 'addresses' | 'tags' | 'custom-fields';
/** A link to another record, chosen from a list. */
export type LinkSubject = 'organisation' | 'party' | 'task-record';

export type FieldProblem =
  /** The input as a whole is not a record's fields at all. */
  | { readonly type: 'not-fields' }
  | { readonly type: 'not-text'; readonly subject: PlainTextSubject | ListSubject }
  | { readonly type: 'too-long'; readonly subject: TextSubject; readonly max: number }
  | { readonly type: 'not-a-list'; readonly subject: ListSubject }
  | { readonly type: 'too-many'; readonly subject: ListSubject; readonly max: number }
  | { readonly type: 'not-from-list'; readonly subject: LinkSubject }
  /** A person without a first or last name; another kind without its name. */
  | { readonly type: 'name-missing'; readonly kind: Exclude<RecordKind, 'note' | 'task' | 'activity'> }
  | { readonly type: 'email-too-long'; readonly input: string }
  | { readonly type: 'not-an-email'; readonly input: string }
  | { readonly type: 'not-a-phone'; readonly input: string }
  | { readonly type: 'not-a-web-address'; readonly input: string }
  | { readonly type: 'address-too-long'; readonly max: number }
  | { readonly type: 'tag-too-long'; readonly max: number; readonly input: string }
  | { readonly type: 'custom-field-not-text'; readonly part: 'name' | 'value' }
  | { readonly type: 'custom-field-not-a-pair' }
  | { readonly type: 'custom-field-name-missing' }
  | { readonly type: 'no-lawful-basis' }
  | { readonly type: 'not-a-consent-date' }
  | { readonly type: 'consent-incomplete' }
  /** `input` is null when the domain was not text at all. */
  | { readonly type: 'not-a-domain'; readonly input: string | null }
  | { readonly type: 'not-a-status'; readonly kind: 'case' | 'opportunity' }
  | { readonly type: 'not-a-milestone' }
  | { readonly type: 'not-an-amount' }
  | { readonly type: 'negative-amount' }
  | { readonly type: 'not-a-currency' }
  | { readonly type: 'currency-missing' }
  | { readonly type: 'not-a-whole-percent' }
  | { readonly type: 'not-a-close-date' }
  | { readonly type: 'note-not-text' }
  | { readonly type: 'note-empty' }
  | { readonly type: 'no-owning-record' }
  | { readonly type: 'not-a-source-address' }
  | { readonly type: 'not-a-capture-time' }
  | { readonly type: 'task-description-missing' }
  | { readonly type: 'not-a-due-date' }
  | { readonly type: 'not-a-due-time' }
  | { readonly type: 'due-time-without-date' }
  | { readonly type: 'not-a-time-zone' }
  | { readonly type: 'not-a-done-time' }
  | { readonly type: 'not-an-activity-type' }
  | { readonly type: 'not-an-activity-time' }
  | { readonly type: 'not-a-duration' }
  | { readonly type: 'not-a-cadence' }
  /** Refusals of a save as a whole (under FORM_ERROR_KEY): an unreadable patch, a record gone, trashed or of another kind. */
  | { readonly type: 'changes-unreadable' }
  | { readonly type: 'record-gone' }
  | { readonly type: 'record-in-trash' }
  | { readonly type: 'record-of-other-kind'; readonly actual: RecordKind; readonly asked: RecordKind };

export type FieldProblemType = FieldProblem['type'];

/** Field name → why it was refused: the first problem found, which is the one to fix first. */
export type FieldErrors = Readonly<Record<string, FieldProblem>>;

/**
 * A valibot message carries a problem as JSON, since valibot messages are strings; validate.ts
 * reads it back. Never shown: the words come from the interface's table.
 */
export const problem = (code: FieldProblem): string => JSON.stringify(code);

/** Cut to at most 40 characters, ending in "…" when cut. */
export const cutInput = (value: unknown): string => {
  const shown = String(value);
  return shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
};

/** The problem a valibot message carries; a message without one (a bug in a schema) reads as `not-fields`. */
export const problemIn = (message: string): FieldProblem => {
  try {
    const value: unknown = JSON.parse(message);
    return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string'
      ? value as FieldProblem : { type: 'not-fields' };
  } catch {
    return { type: 'not-fields' };
  }
};
