import { html, nothing } from 'lit';
import type { FieldTexts } from '../shared/messages/field-messages';
import { normaliseRecoveryCode } from '../../core/vault/recovery-codes';
import { RECOVERY_WORDS } from '../shared/messages/security-words';

/**
 * The part of every form that changes the factors once two-factor is on: Locket asks for a
 * touch of a registered key, or takes an unused recovery code typed here instead.
 */
export const factorConfirmFields = (id: string, errors: FieldTexts, hint: string) => {
  const codeError = errors['recoveryCode'];
  return html`<p class="hint">${hint}</p>
    <div class="field">
      <label for=${`${id}-code`}>${RECOVERY_WORDS.codeInstead}</label>
      <input id=${`${id}-code`} name="recoveryCode" autocomplete="off" spellcheck="false"
        aria-invalid=${codeError ? 'true' : 'false'} aria-describedby=${codeError ? `${id}-code-error` : nothing} />
      ${codeError ? html`<span class="error" id=${`${id}-code-error`} role="alert">${codeError}</span>` : nothing}
    </div>
    ${errors['confirm'] ? html`<p class="error" role="alert">${errors['confirm']}</p>` : nothing}`;
};

/** The recovery code typed in a form, or undefined when the field is empty (then a key is asked for). */
export const recoveryCodeIn = (form: HTMLFormElement): string | undefined => {
  const typed = String(new FormData(form).get('recoveryCode') ?? '').trim();
  return typed === '' ? undefined : typed;
};

/** A typed code that cannot be one is refused here, before any prompt. */
export const recoveryCodeProblem = (code: string | undefined): FieldTexts | null =>
  code !== undefined && normaliseRecoveryCode(code) === null
    ? { recoveryCode: RECOVERY_WORDS.codeShape }
    : null;
