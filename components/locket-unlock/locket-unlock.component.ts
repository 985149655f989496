import { LitElement, html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Access } from '../../core/vault/access';
import { accessRefusalText } from '../shared/messages/access-messages';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { baseStyles } from '../shared/tokens.styles';
import { formStyles } from '../shared/form.styles';
import { panelStyles } from '../shared/panel.styles';
import { factorFields } from '../shared/factor-fields';
import { LocaleController } from '../shared/i18n/locale';
import { ACCESS_WORDS } from '../shared/messages/access-words';
import type { LocketPasswordField } from '../locket-password-field/locket-password-field.component';

/** The lock screen: password, then the security key when two-factor is on, or a recovery code. */
export class LocketUnlock extends LitElement {
  static override styles = [baseStyles, formStyles, panelStyles];

  @property({ attribute: false }) access!: Access;
  @property({ type: Boolean, attribute: 'second-factor' }) secondFactor = false;

  /** The refusal of the last try, in words. */
  @state() private refused = '';
  private readonly acts = new ActionController<'unlock'>(this);
  @state() private useRecoveryCode = false;
  @query('locket-password-field') private password!: LocketPasswordField;
  private readonly locale = new LocaleController(this);

  protected override async firstUpdated(): Promise<void> {
    // The field renders its input in its own update, after ours.
    await this.password.updateComplete;
    this.password.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.acts.busy) return;
    this.refused = '';
    await this.acts.run('unlock', async () => {
      const code = new FormData(event.target as HTMLFormElement).get('code');
      const result = this.useRecoveryCode
        ? await this.access.unlockWithRecoveryCode(this.password.value, typeof code === 'string' ? code : '')
        : await this.access.unlock(this.password.value);
      // Success needs nothing here: the session changes and the gate shows the surface.
      if (!result.ok) this.refused = accessRefusalText(result.error);
    });
  }

  private errorText(): string {
    const failure = this.acts.failure;
    return failure ? failureText(failure.cause) : this.refused;
  }

  protected override render() {
    return html`
      <h1>${ACCESS_WORDS.lockedTitle}</h1>
      <p class="lead">${ACCESS_WORDS.lockedLead}</p>
      <form aria-label=${ACCESS_WORDS.unlockForm} novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
        ${factorFields({
          secondFactor: this.secondFactor,
          useRecoveryCode: this.useRecoveryCode,
          error: this.errorText(),
          busy: this.acts.busy,
          submitLabel: ACCESS_WORDS.unlock,
          busyLabel: ACCESS_WORDS.unlocking,
          onToggle: () => { this.useRecoveryCode = !this.useRecoveryCode; this.refused = ''; this.acts.clear(); },
        })}
      </form>`;
  }
}
