import { LitElement, html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Access } from '../../core/vault/access';
import { accessRefusalText } from '../shared/messages/access-messages';
import { baseStyles } from '../shared/tokens.styles';
import { formStyles } from '../shared/form.styles';
import { panelStyles } from '../shared/panel.styles';
import { factorFields } from '../shared/factor-fields';
import type { LocketPasswordField } from '../locket-password-field/locket-password-field.component';

/** The lock screen: password, then the security key when two-factor is on, or a recovery code. */
export class LocketUnlock extends LitElement {
  static override styles = [baseStyles, formStyles, panelStyles];

  @property({ attribute: false }) access!: Access;
  @property({ type: Boolean, attribute: 'second-factor' }) secondFactor = false;

  @state() private error = '';
  @state() private busy = false;
  @state() private useRecoveryCode = false;
  @query('locket-password-field') private password!: LocketPasswordField;

  protected override async firstUpdated(): Promise<void> {
    // The field renders its input in its own update, after ours.
    await this.password.updateComplete;
    this.password.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const code = new FormData(event.target as HTMLFormElement).get('code');
      const result = this.useRecoveryCode
        ? await this.access.unlockWithRecoveryCode(this.password.value, typeof code === 'string' ? code : '')
        : await this.access.unlock(this.password.value);
      // Success needs nothing here: the session changes and the gate shows the surface.
      if (!result.ok) this.error = accessRefusalText(result.error);
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    return html`
      <h1>Locket is locked</h1>
      <p class="lead">Enter your password to open your contacts.</p>
      <form aria-label="Unlock Locket" novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
        ${factorFields({
          secondFactor: this.secondFactor,
          useRecoveryCode: this.useRecoveryCode,
          error: this.error,
          busy: this.busy,
          submitLabel: 'Unlock',
          busyLabel: 'Unlocking…',
          onToggle: () => { this.useRecoveryCode = !this.useRecoveryCode; this.error = ''; },
        })}
      </form>`;
  }
}
