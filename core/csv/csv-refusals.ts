/**
 * Why a CSV file (or a set of them) is refused before any row is planned, as a code with the
 * numbers its words need; the words live in components/shared/messages/import-messages.ts.
 */
import type { VcardFileRefusal } from '../vcard/vcard-refusals';

export type CsvFileRefusal =
  | { readonly type: 'too-large'; readonly bytes: number }
  /** Files people pick by mistake, recognised by their first bytes. */
  | { readonly type: 'binary'; readonly kind: 'zip' | 'xls' | 'pdf' | 'utf-16' }
  | { readonly type: 'not-utf-8' }
  | { readonly type: 'empty' }
  | { readonly type: 'not-text' }
  | { readonly type: 'not-csv' }
  | { readonly type: 'too-many-rows' }
  | { readonly type: 'too-many-columns'; readonly columns: number }
  | { readonly type: 'row-too-wide'; readonly row: number; readonly cells: number }
  /** `column` is the header's name, cut to a readable length; null for the header row or an unnamed column. */
  | { readonly type: 'cell-too-long'; readonly row: number; readonly chars: number; readonly column: string | null }
  | { readonly type: 'blank-header' }
  | { readonly type: 'no-data-rows' };

/** Why the worker refused a file of an import, beyond what its bytes say. */
export type ImportFileRefusal =
  | CsvFileRefusal
  | VcardFileRefusal
  | { readonly type: 'files-too-large-together' }
  | { readonly type: 'mapping-mismatch' }
  /** Another chosen file already holds this kind of record (`file`: contacts, cases…). */
  | { readonly type: 'file-kind-twice'; readonly file: string };
