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
import type { CancellationRefusal } from '../../core/vault/access-refusals';
import { ActionController } from '../shared/action-controller';
import { cancellationRefusalText } from '../shared/messages/access-messages';
import { CANCEL_ACCOUNT_WORDS as W } from '../shared/messages/settings-section-words';
import { LocaleController } from '../shared/i18n/locale';

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
  private readonly cancelling = new ActionController<'cancel'>(this);
  private readonly locale = new LocaleController(this);
  /** Why the cancellation was refused (a wrong password…); null when it was not. */
  @state() private refusal: CancellationRefusal | null = null;
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
    this.forget();
    await this.readSecondFactor();
    await this.updateComplete;
    await this.password?.updateComplete;
    this.password?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.cancelling.busy || !this.password) return;
    const password = this.password.value;
    this.refusal = null;
    const ran = await this.cancelling.run('cancel', () => this.services.security.cancelAccount(password));
    if (!ran.ok) return;
    if (!ran.value.ok) { this.refusal = ran.value.error; return; }
    this.confirming = false;
    this.dispatchEvent(locketEvent('locket-account-cancelled', { cancelledAt: ran.value.value.cancelledAt }));
  }

  private forget(): void {
    this.refusal = null;
    this.cancelling.clear();
  }

  private errorText(): string {
    if (this.refusal) return cancellationRefusalText(this.refusal);
    const failure = this.cancelling.failure;
    return failure ? W.notCancelled(failureText(failure.cause)) : '';
  }

  private renderForm() {
    const busy = this.cancelling.busy;
    return html`<form class="confirm" aria-label=${W.form} novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
      <h3>${W.question}</h3>
      <p>${W.confirmWith(this.secondFactor)}</p>
      <locket-password-field label=${W.currentPassword} autocomplete="current-password"></locket-password-field>
      ${this.errorText() ? html`<p class="error" role="alert">${this.errorText()}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="danger" ?disabled=${busy}>${busy ? W.cancelling : W.cancelMine}</button>
        <button type="button" ?disabled=${busy} @click=${() => { this.confirming = false; this.forget(); }}>${W.keepMine}</button>
      </div>
    </form>`;
  }

  protected override render() {
    return html`<div class="field">
      <p>${W.intro}</p>
      <ul>
        <li>${W.locks}</li>
        <li>${W.undo(this.secondFactor)}</li>
        <li>${W.after}</li>
      </ul>
      <p class="hint">${W.backupFirst}</p>
    </div>
    ${this.confirming ? this.renderForm() : html`<div class="actions">
      <button type="button" class="danger" aria-expanded="false" @click=${() => void this.open()}>${W.open}</button>
    </div>`}`;
  }
}
