import { html, nothing } from 'lit';
import { SYNC_WORDS } from './sync-words';

export interface SyncFieldOptions {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  /** What the field starts with; what the owner types afterwards stays, refusals included. */
  readonly initial?: string;
  readonly error?: string;
  readonly autocomplete?: string;
}

/** One labelled input with its hint and, when refused, its message right beneath it. */
export const syncField = ({ id, name, label, hint, initial = '', error, autocomplete = 'off' }: SyncFieldOptions) => html`
  <div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${name} .value=${initial} autocomplete=${autocomplete} spellcheck="false"
      aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : hint ? `${id}-hint` : nothing} />
    ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
    ${error ? html`<span class="error" id=${`${id}-error`} role="alert">${error}</span>` : nothing}
  </div>`;

/** Read where they are shown, so each render speaks the page's language of the moment. */
export const relayHint = (): string => SYNC_WORDS.relayHint;
export const deviceNameHint = (): string => SYNC_WORDS.deviceNameHint;
export const noDeviceName = (): string => SYNC_WORDS.noDeviceName;
