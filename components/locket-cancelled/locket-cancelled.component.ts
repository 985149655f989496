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
import type { CancellationRefusal } from '../../core/vault/access-refusals';
import { ActionController } from '../shared/action-controller';
import { cancellationRefusalText } from '../shared/messages/access-messages';
import { SURFACE_WORDS } from '../shared/messages/surface-words';
import { LocaleController } from '../shared/i18n/locale';
import { formatDate } from '../shared/i18n/format';


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

  private readonly restoring = new ActionController<'restore'>(this);
  private readonly locale = new LocaleController(this);
  /** Why the restore was refused (a wrong password, the days have passed…); null when it was not. */
  @state() private refusal: CancellationRefusal | null = null;
  @state() private useRecoveryCode = false;
  @query('locket-password-field') private password?: LocketPasswordField;

  protected override async firstUpdated(): Promise<void> {
    // The field renders its input in its own update, after ours.
    await this.password?.updateComplete;
    this.password?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.restoring.busy || !this.password) return;
    // Read before the first await: the event forgets its target's form data once dispatch ends.
    const code = new FormData(event.target as HTMLFormElement).get('code');
    const password = this.password.value;
    this.refusal = null;
    const ran = await this.restoring.run('restore', () => this.cancellation.restore(password, this.useRecoveryCode ? String(code ?? '') : undefined));
    if (!ran.ok) return;
    if (!ran.value.ok) { this.refusal = ran.value.error; return; }
    this.dispatchEvent(locketEvent('locket-account-restored', undefined));
  }

  private errorText(): string {
    if (this.refusal) return cancellationRefusalText(this.refusal);
    const failure = this.restoring.failure;
    return failure ? SURFACE_WORDS.notRestored(failureText(failure.cause)) : '';
  }

  private renderForm() {
    return html`<form aria-label=${SURFACE_WORDS.restoreAccount} novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
      ${factorFields({
        secondFactor: this.secondFactor,
        useRecoveryCode: this.useRecoveryCode,
        error: this.errorText(),
        busy: this.restoring.busy,
        submitLabel: SURFACE_WORDS.restoreAccount,
        busyLabel: SURFACE_WORDS.restoring,
        onToggle: () => { this.useRecoveryCode = !this.useRecoveryCode; this.refusal = null; this.restoring.clear(); },
      })}
    </form>`;
  }

  protected override render() {
    if (!this.status) return nothing;
    return html`
      <h1>${SURFACE_WORDS.cancelledTitle}</h1>
      <p class="lead">${deletionText(this.status, (at) => formatDate(at, { dateStyle: 'long' }))}</p>
      ${this.status.expired ? nothing : html`
        <p class="hint">${SURFACE_WORDS.restoreHint(this.secondFactor)}</p>
        ${this.renderForm()}`}`;
  }
}
