import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { FieldTexts } from '../shared/messages/field-messages';
import { FORM_ERROR_KEY } from '../../core/records/validate';
import type { PasswordContext } from '../../core/security/password-policy';
import type { SecurityServices } from '../../platform/page-services/services';
import { baseStyles } from '../shared/tokens.styles';
import { formStyles } from '../shared/form.styles';
import '../locket-password-field/locket-password-field';
import type { LocketPasswordField } from '../locket-password-field/locket-password-field.component';
import { changePasswordStyles } from './locket-change-password.styles';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { fieldRefusalsText } from '../shared/messages/access-messages';
import { CHANGE_PASSWORD_WORDS as W } from '../shared/messages/security-words';
import { LocaleController } from '../shared/i18n/locale';

/**
 * Changes the password: the account key is rewrapped, the records stay as they are. The new
 * one is checked against the policy (with the owner's name and email) as it is typed.
 */
export class LocketChangePassword extends LitElement {
  static override styles = [baseStyles, formStyles, changePasswordStyles];

  @property({ attribute: false }) security!: SecurityServices;
  /** The owner's name and email: words a new password must not lean on. */
  @property({ attribute: false }) owner: PasswordContext = { name: '', email: '' };

  @state() private errors: FieldTexts = {};
  private readonly acts = new ActionController<'change'>(this);
  private readonly locale = new LocaleController(this);
  @state() private changed = false;
  /** Bumped after a success so both fields start empty again. */
  @state() private generation = 0;
  @query('#current-password') private current!: LocketPasswordField;
  @query('#new-password') private next!: LocketPasswordField;

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.acts.busy) return;
    this.changed = false;
    await this.acts.run('change', async () => {
      const keys = await this.security.sessionKeys();
      if (!keys) { this.errors = { [FORM_ERROR_KEY]: W.locked }; return; }
      const result = await this.security.account.changePassword(keys, this.current.value, this.next.value, this.owner);
      if (!result.ok) { this.errors = fieldRefusalsText(result.error); return; }
      this.errors = {};
      this.changed = true;
      this.generation++;
    });
    // A failure takes the place of the refusals shown before: it is the one thing to read.
    if (this.acts.failure) this.errors = {};
  }

  private formError(): string {
    const failure = this.acts.failure;
    return failure ? W.notChanged(failureText(failure.cause)) : this.errors[FORM_ERROR_KEY] ?? '';
  }

  protected override render() {
    return html`<form aria-label=${W.title} novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
      <h3>${W.title}</h3>
      <p class="hint">${W.hint}</p>
      ${keyed(this.generation, html`
        <locket-password-field id="current-password" label=${W.current} autocomplete="current-password"
          .error=${this.errors['currentPassword'] ?? ''}></locket-password-field>
        <locket-password-field id="new-password" label=${W.next} autocomplete="new-password"
          .policy=${this.security.passwordPolicy} .context=${this.owner} .error=${this.errors['newPassword'] ?? ''}></locket-password-field>`)}
      ${this.formError() ? html`<p class="error" role="alert">${this.formError()}</p>` : nothing}
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.acts.busy}>
        ${this.acts.busy ? W.changing : W.title}</button></div>
      ${this.changed ? html`<p class="status" role="status">${W.changed}</p>` : nothing}
    </form>`;
  }
}
