/**
 * The password-then-second-factor fields that the lock screen and the cancelled-account
 * restore form both show. They live here so the two forms cannot drift apart: the same
 * labels, ids and roles mean the same thing to a user (and to a screen reader) on either
 * screen. Each element keeps its own heading, lead text, form element and submit handler;
 * the element that renders this must include formStyles for the classes to apply.
 */
import { html, nothing, type TemplateResult } from 'lit';
import '../locket-password-field/locket-password-field';
import { ACCESS_WORDS } from './messages/access-words';

export interface FactorFieldsOptions {
  /** Two-factor is on: show the security-key hint and the recovery-code toggle. */
  readonly secondFactor: boolean;
  /** The form asks for a recovery code (field named `code`) instead of the security key. */
  readonly useRecoveryCode: boolean;
  /** Shown as an alert when not empty. */
  readonly error: string;
  /** A submission is running: the submit button is disabled and shows busyLabel. */
  readonly busy: boolean;
  readonly submitLabel: string;
  readonly busyLabel: string;
  /** Switches between security key and recovery code; the caller owns that state. */
  readonly onToggle: () => void;
}

/** The fields and actions inside the form, in the order a user meets them. */
export const factorFields = (options: FactorFieldsOptions): TemplateResult => {
  const { secondFactor, useRecoveryCode, error, busy, submitLabel, busyLabel, onToggle } = options;
  return html`
    <locket-password-field label=${ACCESS_WORDS.password} autocomplete="current-password"></locket-password-field>
    ${useRecoveryCode ? html`<div class="field">
      <label for="code">${ACCESS_WORDS.recoveryCode}</label>
      <input id="code" name="code" autocomplete="off" spellcheck="false" placeholder="XXXX-XXXX-XXXX-XXXX" />
    </div>` : nothing}
    ${secondFactor && !useRecoveryCode ? html`<span class="hint">${ACCESS_WORDS.keyHint}</span>` : nothing}
    ${error ? html`<p class="form-error" role="alert">${error}</p>` : nothing}
    <div class="actions">
      <button class="primary" type="submit" ?disabled=${busy}>${busy ? busyLabel : submitLabel}</button>
      ${secondFactor ? html`<button type="button" @click=${onToggle}>
        ${useRecoveryCode ? ACCESS_WORDS.useKey : ACCESS_WORDS.useCode}</button>` : nothing}
    </div>`;
};
