// CONTRACT STUB — to be implemented with valibot schemas in core/records/schema.ts.
import type { FieldErrors, FieldsByKind, RecordKind, Result } from './types';

export interface FieldDefaults {
  readonly owner: string;
  readonly currency: string;
}

/** Validates untrusted input (a form, a message, a stored body) into typed fields, or per-field messages. */
export declare const parseFields: <K extends RecordKind>(kind: K, input: unknown) => Result<FieldsByKind[K], FieldErrors>;

/** The fields of a new, empty record of a kind, as a form starts. */
export declare const emptyFields: <K extends RecordKind>(kind: K, defaults: FieldDefaults) => FieldsByKind[K];
