import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { LocketServices } from '../../platform/page-services/services';
import { locketEvent } from '../shared/events';
import { baseStyles } from '../shared/tokens.styles';
import { formStyles } from '../shared/form.styles';
import '../locket-password-field/locket-password-field';
import type { LocketPasswordField } from '../locket-password-field/locket-password-field.component';
import { cancelAccountStyles } from './locket-cancel-account.styles';
import { failureText } from '../shared/failure-text';
import './cancel-account-events';

/**
 * The settings page's danger zone: cancels the account after saying what that means and
 * asking for the password (then the security key when two-factor is on). On success the
 * session locks, so the gate replaces this page; `locket-account-cancelled` is sent first.
 */
export class LocketCancelAccount extends LitElement {
  static override styles = [baseStyles, formStyles, cancelAccountStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private confirming = false;
  @state() private secondFactor = false;
  @state() private error = '';
  @state() private busy = false;
  @query('locket-password-field') private password?: LocketPasswordField;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.readSecondFactor();
  }

  /** Read again when the form opens: a key may have been added on this page since. */
  private async readSecondFactor(): Promise<void> {
    this.secondFactor = Boolean((await this.services.security.vault())?.secondFactor);
  }

  private async open(): Promise<void> {
    this.confirming = true;
    this.error = '';
    await this.readSecondFactor();
    await this.updateComplete;
    await this.password?.updateComplete;
    this.password?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.password) return;
    const password = this.password.value;
    this.busy = true;
    this.error = '';
    try {
      const result = await this.services.security.cancelAccount(password);
      if (!result.ok) { this.error = result.error; return; }
      this.confirming = false;
      this.dispatchEvent(locketEvent('locket-account-cancelled', { cancelledAt: result.value.cancelledAt }));
    } catch (error) {
      this.error = `The account was not cancelled: ${failureText(error)}`;
    } finally {
      this.busy = false;
    }
  }

  private renderForm() {
    return html`<form class="confirm" aria-label="Cancel account" novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
      <h3>Cancel your account?</h3>
      <p>Confirm with your password${this.secondFactor ? ', then your security key' : ''}. Locket locks at once on every page.</p>
      <locket-password-field label="Current password" autocomplete="current-password"></locket-password-field>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="danger" ?disabled=${this.busy}>${this.busy ? 'Cancelling…' : 'Cancel my account'}</button>
        <button type="button" ?disabled=${this.busy} @click=${() => { this.confirming = false; this.error = ''; }}>Keep my account</button>
      </div>
    </form>`;
  }

  protected override render() {
    return html`<div class="field">
      <p>Cancelling the account:</p>
      <ul>
        <li>locks Locket and hides all its data on every page at once;</li>
        <li>can be undone for 14 days with your password${this.secondFactor ? ' and security key' : ''}: “Restore account”;</li>
        <li>after 14 days deletes everything for good: records, notes, settings, keys, snapshots and the audit log.</li>
      </ul>
      <p class="hint">Download a backup first if you may need this data later. Nobody can bring it back once deleted.</p>
    </div>
    ${this.confirming ? this.renderForm() : html`<div class="actions">
      <button type="button" class="danger" aria-expanded="false" @click=${() => void this.open()}>Cancel account…</button>
    </div>`}`;
  }
}
