import { guessMapping } from '../csv/mapping';
import type { CsvFile, ImportMapping } from '../csv/fields';
import type { FieldDefinitions } from './definitions';
import { definedColumnsOf } from './csv-columns';

/** The guessed mapping of a file, with columns named after a defined field (or a former name of one) feeding it. */
export const guessMappingWithFields = <F extends CsvFile>(
  file: F, headers: readonly string[], definitions: FieldDefinitions | undefined,
): ImportMapping<F> =>
  guessMapping(file, headers, definedColumnsOf(definitions, file).flatMap((definition) => [definition.name, ...definition.formerNames]));
