import type { CustomFieldType } from '../../../core/custom-fields/definitions';
import type { DefinitionProblem } from '../../../core/custom-fields/edit';
import type { CustomValueProblem } from '../../../core/custom-fields/values';
import { catalogue } from '../i18n/catalogue';

type TypeNames = { readonly [T in CustomFieldType]: string };

/** Custom fields defined once (options → Fields), their inputs on the record form and their warnings. */
export const CUSTOM_FIELD_WORDS = catalogue({
  en: {
    heading: 'Fields',
    lead: 'Fields you define here appear on the form of every record of that kind, in CSV export and import (one column each, headed by the field’s name) and in search. Values already typed as “Name: value” lines under Custom fields become the field of the same name.',
    kind: 'Fields for',
    none: 'No fields defined for this kind yet.',
    listLabel: (kind: string) => `Fields of ${kind}`,
    name: 'Name', type: 'Type', choices: 'Choices', choicesHint: 'One per line, or separated by commas.', required: 'Required',
    add: 'Add field', adding: 'New field',
    rename: 'Rename', renameOne: (name: string) => `Rename: ${name}`, renameTo: (name: string) => `New name for ${name}`, saveName: 'Save name', cancel: 'Cancel',
    moveUp: (name: string) => `Move ${name} up`, moveDown: (name: string) => `Move ${name} down`,
    remove: (name: string) => `Delete ${name}`,
    confirmRemove: (name: string) => `Delete the field “${name}”? Records keep their values as plain custom fields; nothing is lost.`,
    removeConfirmed: 'Delete field', keep: 'Keep it',
    requiredMark: 'required',
    types: { text: 'Text', number: 'Number', date: 'Date', checkbox: 'Checkbox', choice: 'List of choices' } satisfies TypeNames,
    saved: 'Fields saved.',
    failed: (reason: string) => `The fields could not be saved: ${reason}`,
    loading: 'Loading…',
    otherFields: 'Other custom fields',
    yes: 'Yes', no: 'No',
    noChoice: '(none)',
    misfit: (name: string, value: string, problem: string) => `“${value}” under ${name} is kept as plain text: ${problem}`,
  },
  de: {
    heading: 'Felder',
    lead: 'Hier festgelegte Felder erscheinen im Formular jedes Eintrags dieser Art, im CSV-Export und -Import (je eine Spalte mit dem Namen des Feldes als Überschrift) und in der Suche. Werte, die bereits als Zeilen „Name: Wert“ unter Eigene Felder stehen, werden zum Feld gleichen Namens.',
    kind: 'Felder für',
    none: 'Für diese Art sind noch keine Felder festgelegt.',
    listLabel: (kind: string) => `Felder für ${kind}`,
    name: 'Name', type: 'Typ', choices: 'Auswahlwerte', choicesHint: 'Einer pro Zeile oder durch Kommas getrennt.', required: 'Pflichtfeld',
    add: 'Feld hinzufügen', adding: 'Neues Feld',
    rename: 'Umbenennen', renameOne: (name: string) => `Umbenennen: ${name}`, renameTo: (name: string) => `Neuer Name für ${name}`, saveName: 'Namen speichern', cancel: 'Abbrechen',
    moveUp: (name: string) => `${name} nach oben`, moveDown: (name: string) => `${name} nach unten`,
    remove: (name: string) => `${name} löschen`,
    confirmRemove: (name: string) => `Das Feld „${name}“ löschen? Einträge behalten ihre Werte als einfache eigene Felder; nichts geht verloren.`,
    removeConfirmed: 'Feld löschen', keep: 'Behalten',
    requiredMark: 'Pflicht',
    types: { text: 'Text', number: 'Zahl', date: 'Datum', checkbox: 'Kontrollkästchen', choice: 'Auswahlliste' },
    saved: 'Felder gespeichert.',
    failed: (reason: string) => `Die Felder konnten nicht gespeichert werden: ${reason}`,
    loading: 'Wird geladen…',
    otherFields: 'Weitere eigene Felder',
    yes: 'Ja', no: 'Nein',
    noChoice: '(keine)',
    misfit: (name: string, value: string, problem: string) => `„${value}“ unter ${name} bleibt als einfacher Text erhalten: ${problem}`,
  },
});

/** Why a definition was refused, in words. */
export const DEFINITION_PROBLEM_WORDS = catalogue({
  en: {
    'name-missing': () => 'Enter the field’s name.',
    'name-too-long': (max: number) => `Use at most ${max} characters.`,
    'name-taken': (name: string) => `There is already a field called ${name}.`,
    'name-reserved': (name: string) => `${name} is one of Locket’s own columns; choose another name.`,
    'choices-missing': () => 'Enter at least one choice.',
    'too-many': (max: number) => `A kind has at most ${max} fields.`,
  },
  de: {
    'name-missing': () => 'Geben Sie den Namen des Feldes ein.',
    'name-too-long': (max: number) => `Verwenden Sie höchstens ${max} Zeichen.`,
    'name-taken': (name: string) => `Es gibt bereits ein Feld namens ${name}.`,
    'name-reserved': (name: string) => `${name} ist eine eigene Spalte von Locket; wählen Sie einen anderen Namen.`,
    'choices-missing': () => 'Geben Sie mindestens einen Auswahlwert ein.',
    'too-many': (max: number) => `Eine Art hat höchstens ${max} Felder.`,
  },
});

export const definitionProblemText = (problem: DefinitionProblem): string => {
  const words = DEFINITION_PROBLEM_WORDS;
  switch (problem.type) {
    case 'name-missing': return words['name-missing']();
    case 'name-too-long': return words['name-too-long'](problem.max);
    case 'name-taken': return words['name-taken'](problem.name);
    case 'name-reserved': return words['name-reserved'](problem.name);
    case 'choices-missing': return words['choices-missing']();
    case 'too-many': return words['too-many'](problem.max);
  }
};

/** Why a value does not fit its field, in words. */
export const VALUE_PROBLEM_WORDS = catalogue({
  en: {
    required: 'This field is required.',
    'not-a-number': 'Enter a number, such as 1200.50.',
    'not-a-date': 'Enter a date as YYYY-MM-DD, such as 2027-03-01.',
    'not-a-checkbox': 'Use yes or no.',
    'not-a-choice': (choices: string) => `Choose one of: ${choices}.`,
    'too-long': (max: number) => `Use at most ${max} characters.`,
  },
  de: {
    required: 'Dieses Feld ist ein Pflichtfeld.',
    'not-a-number': 'Geben Sie eine Zahl ein, etwa 1200.50.',
    'not-a-date': 'Geben Sie ein Datum als JJJJ-MM-TT ein, etwa 2027-03-01.',
    'not-a-checkbox': 'Verwenden Sie ja oder nein.',
    'not-a-choice': (choices: string) => `Wählen Sie eines von: ${choices}.`,
    'too-long': (max: number) => `Verwenden Sie höchstens ${max} Zeichen.`,
  },
});

export const valueProblemText = (problem: CustomValueProblem): string => {
  const words = VALUE_PROBLEM_WORDS;
  switch (problem.type) {
    case 'not-a-choice': return words['not-a-choice'](problem.choices.join(', '));
    case 'too-long': return words['too-long'](problem.max);
    default: return words[problem.type];
  }
};
