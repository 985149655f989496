import { html, nothing } from 'lit';
import type { FormValues } from './form-spec';

/**
 * The record form's "Lost reason": asked only while the status is lost, chosen from the owner's
 * lost reasons (options → Pipeline) as on the board; free text when the owner keeps none. A
 * stored reason no longer in the list stays a choice, so an edit does not drop it unasked.
 */
export const asksLostReason = (values: FormValues): boolean => values.status === 'lost';

/** Why the form refuses to save, or null: with a list kept, a lost opportunity needs one of its reasons. */
export const lostReasonMissing = (values: FormValues, reasons: readonly string[]): boolean =>
  asksLostReason(values) && reasons.length > 0 && (values.lostReason ?? '').trim() === '';

export interface LostReasonControl {
  readonly id: string;
  readonly value: string;
  readonly reasons: readonly string[];
  readonly describedBy: string;
  readonly invalid: boolean;
  /** The empty choice's words ("Choose a reason"). */
  readonly choose: string;
  readonly onChange: (value: string) => void;
}

export const renderLostReason = ({ id, value, reasons, describedBy, invalid, choose, onChange }: LostReasonControl) => {
  const read = (e: Event) => onChange((e.target as HTMLInputElement | HTMLSelectElement).value);
  if (reasons.length === 0) {
    return html`<input id=${id} type="text" maxlength="200" .value=${value} aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing} @input=${read} />`;
  }
  const choices = value === '' || reasons.includes(value) ? reasons : [...reasons, value];
  return html`<select id=${id} required aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || nothing} @change=${read}>
    <option value="" ?selected=${value === ''}>${choose}</option>
    ${choices.map((reason) => html`<option value=${reason} ?selected=${reason === value}>${reason}</option>`)}
  </select>`;
};
