import { parseFields } from '../../../core/records/validate';
import type { FieldsByKind, RecordKind } from '../../../core/records/types';
import type { FieldErrors } from '../../../core/records/field-problems';
import { fieldErrorsText, type FieldTexts } from '../../../components/shared/messages/field-messages';

/** The parsed fields, or a failure that shows the messages. */
export const validFields = <K extends RecordKind>(kind: K, input: unknown): FieldsByKind[K] => {
  const result = parseFields(kind, input);
  if (!result.ok) throw new Error(`expected valid ${kind}, got ${JSON.stringify(result.error)}`);
  return result.value;
};

/** The coded problem per field, as core returns them. */
export const fieldProblems = (kind: RecordKind, input: unknown): FieldErrors => {
  const result = parseFields(kind, input);
  if (result.ok) throw new Error(`expected invalid ${kind}, got ${JSON.stringify(result.value)}`);
  return result.error;
};

/** The problems in the words a form shows next to each field. */
export const fieldErrors = (kind: RecordKind, input: unknown): FieldTexts => fieldErrorsText(fieldProblems(kind, input));
