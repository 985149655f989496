import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { FieldTexts } from '../shared/messages/field-messages';
import { FORM_ERROR_KEY } from '../../core/records/validate';
import type { AccountManager } from '../../core/vault/account';
import type { checkPassword } from '../../core/security/password-policy';
import { locketEvent } from '../shared/events';
import { baseStyles } from '../shared/tokens.styles';
import { formStyles } from '../shared/form.styles';
import { panelStyles } from '../shared/panel.styles';
import '../locket-password-field/locket-password-field';
import type { LocketPasswordField } from '../locket-password-field/locket-password-field.component';
import { fieldRefusalsText } from '../shared/messages/access-messages';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { LocaleController } from '../shared/i18n/locale';
import { ACCESS_WORDS } from '../shared/messages/access-words';

/** First run: the owner creates the account. Sends `locket-account-created` once the vault exists and is unlocked. */
export class LocketSetup extends LitElement {
  static override styles = [baseStyles, formStyles, panelStyles];

  @property({ attribute: false }) account!: AccountManager;
  @property({ attribute: false }) policy!: () => Promise<typeof checkPassword>;

  @state() private errors: FieldTexts = {};
  private readonly acts = new ActionController<'create'>(this);
  @state() private context = { name: '', email: '' };
  @query('locket-password-field') private password!: LocketPasswordField;
  private readonly locale = new LocaleController(this);

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.acts.busy) return;
    await this.acts.run('create', async () => {
      const result = await this.account.create(this.context, this.password.value);
      if (!result.ok) { this.errors = fieldRefusalsText(result.error); return; }
      this.dispatchEvent(locketEvent('locket-account-created', result.value.owner));
    });
  }

  private formError(): string {
    const failure = this.acts.failure;
    return failure ? failureText(failure.cause) : this.errors[FORM_ERROR_KEY] ?? '';
  }

  private onDetails(event: Event): void {
    const form = (event.currentTarget as HTMLFormElement);
    const data = new FormData(form);
    this.context = { name: String(data.get('name') ?? ''), email: String(data.get('email') ?? '') };
  }

  private field(name: 'name' | 'email', label: string, type: string, autocomplete: string) {
    const error = this.errors[name];
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} type=${type} autocomplete=${autocomplete} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${name}-error` : nothing} />
      ${error ? html`<span class="error" id=${`${name}-error`} role="alert">${error}</span>` : nothing}
    </div>`;
  }

  protected override render() {
    return html`
      <h1>${ACCESS_WORDS.setupTitle}</h1>
      <p class="lead">${ACCESS_WORDS.setupLead}</p>
      <form aria-label=${ACCESS_WORDS.createAccount} novalidate @input=${(e: Event) => this.onDetails(e)} @submit=${(e: SubmitEvent) => void this.submit(e)}>
        ${this.field('name', ACCESS_WORDS.yourName, 'text', 'name')}
        ${this.field('email', ACCESS_WORDS.email, 'email', 'email')}
        <locket-password-field label=${ACCESS_WORDS.password} autocomplete="new-password" .policy=${this.policy}
          .context=${this.context} .error=${this.errors.password ?? ''}></locket-password-field>
        ${this.formError() ? html`<p class="form-error" role="alert">${this.formError()}</p>` : nothing}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.acts.busy}>
          ${this.acts.busy ? ACCESS_WORDS.creating : ACCESS_WORDS.create}</button></div>
      </form>
      <p class="hint">${ACCESS_WORDS.movingHint}</p>`;
  }
}
