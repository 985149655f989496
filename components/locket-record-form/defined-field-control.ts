import { html, nothing } from 'lit';
import type { FieldDefinition } from '../../core/custom-fields/definitions';
import { CUSTOM_FIELD_WORDS } from '../shared/messages/custom-field-words';

export interface DefinedControl {
  readonly definition: FieldDefinition;
  readonly id: string;
  readonly value: string;
  /** The refusal in words, '' when none. */
  readonly error: string;
  readonly onChange: (value: string) => void;
}

/** One defined field on the record form, with the input its type asks for. */
export const renderDefinedField = ({ definition, id, value, error, onChange }: DefinedControl) => {
  const errorId = `${id}-error`;
  const invalid = error ? 'true' : 'false';
  const describedBy = error ? errorId : nothing;
  const read = (e: Event) => (e.target as HTMLInputElement).value;
  let control;
  switch (definition.type) {
    case 'checkbox':
      return html`<div class="field">
        <label class="check"><input id=${id} type="checkbox" .checked=${value === 'true'} aria-invalid=${invalid}
          aria-required=${definition.required ? 'true' : 'false'} aria-describedby=${describedBy}
          @change=${(e: Event) => onChange(String((e.target as HTMLInputElement).checked))} />${definition.name}</label>
        ${error ? html`<span class="error" id=${errorId} role="alert">${error}</span>` : nothing}
      </div>`;
    case 'choice':
      control = html`<select id=${id} aria-invalid=${invalid} aria-required=${definition.required ? 'true' : 'false'}
        aria-describedby=${describedBy} @change=${(e: Event) => onChange(read(e))}>
        <option value="" ?selected=${value === ''}>${CUSTOM_FIELD_WORDS.noChoice}</option>
        ${definition.choices.map((choice) => html`<option .value=${choice} ?selected=${choice === value}>${choice}</option>`)}
      </select>`;
      break;
    default:
      control = html`<input id=${id} type=${definition.type === 'date' ? 'date' : 'text'} .value=${value}
        inputmode=${definition.type === 'number' ? 'decimal' : nothing} aria-invalid=${invalid}
        aria-required=${definition.required ? 'true' : 'false'} aria-describedby=${describedBy}
        @input=${(e: Event) => onChange(read(e))} />`;
  }
  return html`<div class="field">
    <label for=${id}>${definition.name}</label>
    ${control}
    ${error ? html`<span class="error" id=${errorId} role="alert">${error}</span>` : nothing}
  </div>`;
};
