import { parseFields } from '../../../core/records/validate';
import type { FieldErrors, FieldsByKind, RecordKind } from '../../../core/records/types';

/** The parsed fields, or a failure that shows the messages. */
export const validFields = <K extends RecordKind>(kind: K, input: unknown): FieldsByKind[K] => {
  const result = parseFields(kind, input);
  if (!result.ok) throw new Error(`expected valid ${kind}, got ${JSON.stringify(result.error)}`);
  return result.value;
};

export const fieldErrors = (kind: RecordKind, input: unknown): FieldErrors => {
  const result = parseFields(kind, input);
  if (result.ok) throw new Error(`expected invalid ${kind}, got ${JSON.stringify(result.value)}`);
  return result.error;
};
