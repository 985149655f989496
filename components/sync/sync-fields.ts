import { html, nothing } from 'lit';

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

export const RELAY_HINT = 'Such as https://relay.example.com, or http://127.0.0.1:8787 for a relay on this computer.';
export const DEVICE_NAME_HINT = 'How your other devices list this one. Only your devices can read it.';
export const NO_DEVICE_NAME = 'Give this device a name, so you can tell your devices apart.';
