import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Access } from '../../core/vault/access';
import { baseStyles } from '../shared/tokens.styles';
import { formStyles } from '../shared/form.styles';
import { panelStyles } from '../shared/panel.styles';
import '../locket-password-field/locket-password-field';
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
      if (!result.ok) this.error = result.error.message;
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const hint = this.secondFactor && !this.useRecoveryCode ? 'After your password, Locket asks for your security key.' : '';
    return html`
      <h1>Locket is locked</h1>
      <p class="lead">Enter your password to open your contacts.</p>
      <form aria-label="Unlock Locket" novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
        <locket-password-field label="Password" autocomplete="current-password"></locket-password-field>
        ${this.useRecoveryCode ? html`<div class="field">
          <label for="code">Recovery code</label>
          <input id="code" name="code" autocomplete="off" spellcheck="false" placeholder="XXXX-XXXX-XXXX-XXXX" />
        </div>` : nothing}
        ${hint ? html`<span class="hint">${hint}</span>` : nothing}
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? 'Unlocking…' : 'Unlock'}</button>
          ${this.secondFactor ? html`<button type="button" @click=${() => { this.useRecoveryCode = !this.useRecoveryCode; this.error = ''; }}>
            ${this.useRecoveryCode ? 'Use my security key' : 'Use a recovery code'}</button>` : nothing}
        </div>
      </form>`;
  }
}
