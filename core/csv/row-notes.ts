/**
 * What the plan of an import says about a row, as codes with the data their words need: why
 * it is invalid or skipped, and what the owner should know though it goes ahead. The words
 * live in components/shared/messages/import-messages.ts. `column` is the header the owner
 * sees (their column's name, else Locket's); values quoted from the file are already cut.
 */
import type { RecordKind } from '../records/types';
import type { FieldErrors, FieldProblem } from '../records/field-problems';

/** How a duplicate was found: same id, a person's email, an organisation's domain or name. */
export type MatchedBy = 'id' | 'email' | 'domain' | 'name';

export type RowNote =
  /** A quoted cell is never closed, so the row ran into the rows after it. */
  | { readonly type: 'unclosed-quote' }
  | { readonly type: 'stray-quote' }
  /** A vCard in a .vcf file that its parser could not read. */
  | { readonly type: 'unreadable-vcard' }
  | { readonly type: 'cell-count'; readonly cells: number; readonly headers: number }
  | { readonly type: 'unknown-type'; readonly column: string; readonly value: string }
  | { readonly type: 'no-name' }
  /** `importTimeUsed`: a Created/Updated cell, replaced by the time of the import; else the row is refused. */
  | { readonly type: 'not-a-time'; readonly column: string; readonly value: string; readonly importTimeUsed: boolean }
  /** A field the record schema refused; `column` is null for a problem of the record as a whole. */
  | { readonly type: 'field'; readonly column: string | null; readonly problem: FieldProblem }
  /** `matchedRow`: the earlier row of this import it matched, or null for a record already in Locket. */
  | { readonly type: 'duplicate'; readonly kind: RecordKind; readonly matchedBy: MatchedBy; readonly matchedRow: number | null }
  | { readonly type: 'note-without-record'; readonly column: string }
  /** A linked record by id or by name (`named`) that is nowhere; a note is refused, a case or opportunity left unlinked. */
  | { readonly type: 'link-not-found'; readonly column: string; readonly ref: string; readonly named: boolean; readonly file: 'notes' | 'activity' }
  /** A logged conversation whose record is not named (`ref` null), or is nowhere: the row is refused. */
  | { readonly type: 'conversation-without-record'; readonly column: string; readonly ref: string | null; readonly named: boolean }
  /** `linkedByName`: the person's organisation was found by its name instead; else the person has none. */
  | { readonly type: 'organisation-id-not-found'; readonly id: string; readonly linkedByName: boolean }
  | { readonly type: 'organisation-not-created'; readonly name: string; readonly errors: FieldErrors }
  /** A person erased at the owner's request, whose email the owner chose to remember. */
  | { readonly type: 'erased' }
  | { readonly type: 'belongs-to-erased' };

/** A note for each problem the record schema found, naming the owner's column. */
export const fieldNotes = (errors: FieldErrors, formKey: string, label: (field: string) => string): RowNote[] =>
  Object.entries(errors).map(([key, problem]) => ({ type: 'field', column: key === formKey ? null : label(key), problem }));
