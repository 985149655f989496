import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AccountCancellation, CancellationStatus } from '../../core/account/account-cancellation';
import { locketEvent } from '../shared/events';
import { baseStyles } from '../shared/tokens.styles';
import { formStyles } from '../shared/form.styles';
import { panelStyles } from '../shared/panel.styles';
import { factorFields } from '../shared/factor-fields';
import type { LocketPasswordField } from '../locket-password-field/locket-password-field.component';
import { deletionText } from './cancelled-text';
import { cancelledStyles } from './locket-cancelled.styles';
import { failureText } from '../shared/failure-text';
import './cancelled-events';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/**
 * What every surface shows while the account is cancelled: when it will be deleted, and a
 * way to restore it with the password (then the security key, or a recovery code). Nothing of
 * the data. Sends `locket-account-restored` once the cancellation is lifted and the session open.
 */
export class LocketCancelled extends LitElement {
  static override styles = [baseStyles, formStyles, panelStyles, cancelledStyles];

  @property({ attribute: false }) status: CancellationStatus | null = null;
  @property({ attribute: false }) cancellation!: AccountCancellation;
  @property({ type: Boolean, attribute: 'second-factor' }) secondFactor = false;

  @state() private error = '';
  @state() private busy = false;
  @state() private useRecoveryCode = false;
  @query('locket-password-field') private password?: LocketPasswordField;

  protected override async firstUpdated(): Promise<void> {
    // The field renders its input in its own update, after ours.
    await this.password?.updateComplete;
    this.password?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.password) return;
    // Read before the first await: the event forgets its target's form data once dispatch ends.
    const code = new FormData(event.target as HTMLFormElement).get('code');
    const password = this.password.value;
    this.busy = true;
    this.error = '';
    try {
      const result = await this.cancellation.restore(password, this.useRecoveryCode ? String(code ?? '') : undefined);
      if (!result.ok) { this.error = result.error; return; }
      this.dispatchEvent(locketEvent('locket-account-restored', undefined));
    } catch (error) {
      this.error = `The account was not restored: ${failureText(error)}`;
    } finally {
      this.busy = false;
    }
  }

  private renderForm() {
    return html`<form aria-label="Restore account" novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
      ${factorFields({
        secondFactor: this.secondFactor,
        useRecoveryCode: this.useRecoveryCode,
        error: this.error,
        busy: this.busy,
        submitLabel: 'Restore account',
        busyLabel: 'Restoring…',
        onToggle: () => { this.useRecoveryCode = !this.useRecoveryCode; this.error = ''; },
      })}
    </form>`;
  }

  protected override render() {
    if (!this.status) return nothing;
    return html`
      <h1>This account is cancelled</h1>
      <p class="lead">${deletionText(this.status, (at) => dateFormat.format(at))}</p>
      ${this.status.expired ? nothing : html`
        <p class="hint">Restoring brings back every record, note and setting as they were. It needs your password${this.secondFactor ? ' and your security key' : ''}.</p>
        ${this.renderForm()}`}`;
  }
}
