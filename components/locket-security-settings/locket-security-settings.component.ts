import { LitElement, html, nothing } from 'lit';
import { rekeyProgress, rekeyRowsReport } from '../shared/rekey-progress';
import { property, state } from 'lit/decorators.js';
import type { PasswordContext } from '../../core/security/password-policy';
import type { FieldTexts } from '../shared/messages/field-messages';
import { FORM_ERROR_KEY } from '../../core/records/validate';
import { vaultProtection } from '../../core/vault/protection';
import type { RegisteredKey, VaultRecord } from '../../core/vault/types';
import type { LocketPasswordField } from '../locket-password-field/locket-password-field.component';
import '../locket-password-field/locket-password-field';
import { factorConfirmFields, recoveryCodeIn, recoveryCodeProblem } from './factor-confirm';
import type { LocketServices } from '../../platform/page-services/services';
import './security-events';
import { baseStyles } from '../shared/tokens.styles';
import { formStyles } from '../shared/form.styles';
import '../locket-security-keys/locket-security-keys';
import '../locket-recovery-codes/locket-recovery-codes';
import '../locket-change-password/locket-change-password';
import '../locket-auto-lock-setting/locket-auto-lock-setting';
import { securitySettingsStyles } from './locket-security-settings.styles';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { fieldRefusalsText } from '../shared/messages/access-messages';
import { RECOVERY_WORDS as W } from '../shared/messages/security-words';
import { LocaleController } from '../shared/i18n/locale';

/**
 * The owner's security settings: two-factor status and keys, recovery codes (shown once,
 * when made), the password, and locking. Sends `locket-vault-changed` up when a factor changes.
 */
export class LocketSecuritySettings extends LitElement {
  static override styles = [baseStyles, formStyles, securitySettingsStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private vault: VaultRecord | null = null;
  @state() private owner: PasswordContext = { name: '', email: '' };
  /** Codes made a moment ago: held only here, in memory, until the owner says they are saved. */
  @state() private freshCodes: readonly string[] | null = null;
  @state() private confirmingNewCodes = false;
  @state() private recoveryErrors: FieldTexts = {};
  /** Replacing the codes; its progress counts the items re-encrypted under the new account key. */
  private readonly acts = new ActionController<'new-codes'>(this);
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    void this.services.store.getSettings().then((settings) => {
      this.owner = { name: settings.ownerName, email: settings.ownerEmail };
    });
  }

  private async load(): Promise<void> {
    this.vault = (await this.services.security.vault()) ?? null;
    // Removing the last key drops the codes with it: ones still on screen would no longer work.
    if (this.vault?.secondFactor === null) this.freshCodes = null;
  }

  private onVaultChanged(event: HTMLElementEventMap['locket-vault-changed']): void {
    if (event.detail.recoveryCodes) this.freshCodes = event.detail.recoveryCodes;
    void this.load();
  }

  private async newCodes(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.acts.busy) return;
    // Read before the first await: the event forgets its currentTarget once dispatch ends.
    const form = event.currentTarget as HTMLFormElement;
    const password = form.querySelector<LocketPasswordField>('locket-password-field')?.value ?? '';
    const recoveryCode = recoveryCodeIn(form);
    const codeProblem = recoveryCodeProblem(recoveryCode);
    if (codeProblem) { this.recoveryErrors = codeProblem; this.acts.clear(); return; }
    this.recoveryErrors = {};
    await this.acts.run('new-codes', async (onProgress) => {
      const keys = await this.services.security.sessionKeys();
      if (!keys) { this.recoveryErrors = { [FORM_ERROR_KEY]: W.locked }; return; }
      const result = await this.services.security.account.regenerateRecoveryCodes(keys, password, { recoveryCode, onProgress: rekeyRowsReport(onProgress) });
      if (!result.ok) { this.recoveryErrors = fieldRefusalsText(result.error); return; }
      this.freshCodes = result.value;
      this.confirmingNewCodes = false;
      await this.load();
    });
  }

  private recoveryError(): string {
    const failure = this.acts.failure;
    return failure ? W.notMade(failureText(failure.cause)) : this.recoveryErrors[FORM_ERROR_KEY] ?? '';
  }

  private renderRecovery(vault: VaultRecord) {
    const recovery = vault.secondFactor?.recovery ?? [];
    const unused = recovery.filter((slot) => slot.usedAt === null).length;
    const errors = this.recoveryErrors;
    return html`<div class="recovery">
      <h3>${W.codes}</h3>
      <p>${W.unused(unused, recovery.length)}${unused <= 3 ? ` ${W.runningOut}` : ''}</p>
      ${this.confirmingNewCodes ? html`<form aria-label=${W.replaceForm} novalidate @submit=${(e: SubmitEvent) => void this.newCodes(e)}>
          <p role="alert">${W.stopWorking}</p>
          <locket-password-field label=${W.currentPassword} .error=${errors['password'] ?? ''}></locket-password-field>
          ${factorConfirmFields('new-codes', errors, W.confirmHint)}
          ${this.recoveryError() ? html`<p class="error" role="alert">${this.recoveryError()}</p>` : nothing}
          ${rekeyProgress(this.acts.progress?.done ?? null)}
          <div class="actions">
            <button type="submit" class="primary" ?disabled=${this.acts.busy}>${W.replace}</button>
            <button type="button" @click=${() => { this.confirmingNewCodes = false; this.recoveryErrors = {}; this.acts.clear(); }}>${W.cancel}</button>
          </div>
        </form>`
        : html`<div class="actions"><button type="button" ?disabled=${this.freshCodes !== null}
          @click=${() => { this.confirmingNewCodes = true; }}>${W.newCodes}</button></div>`}
    </div>`;
  }

  /** The status names the weakest factor: one key without PRF lets the password alone open the data. */
  private renderStatus(keys: readonly RegisteredKey[]) {
    const protection = vaultProtection(keys);
    if (protection === 'password-only') {
      return html`<p class="two-factor"><strong>${W.twoFactorOff}</strong> — ${W.passwordAlone}</p>`;
    }
    const asks = W.asks(keys.length);
    return protection === 'key-protects-data'
      ? html`<p class="two-factor on"><strong>${W.twoFactorOn}</strong> — ${asks}
          ${W.keyProtects}</p>`
      : html`<p class="two-factor on weaker"><strong>${W.twoFactorAtUnlock}</strong> — ${asks}
          ${W.weaker}</p>`;
  }

  protected override render() {
    const vault = this.vault;
    if (!vault) return html`<p class="muted" role="status">${W.loading}</p>`;
    const keys = vault.secondFactor?.keys ?? [];
    const on = vault.secondFactor !== null;
    return html`
      ${this.renderStatus(keys)}
      ${this.freshCodes ? html`<locket-recovery-codes .codes=${this.freshCodes}
        @locket-codes-saved=${() => { this.freshCodes = null; }}></locket-recovery-codes>` : nothing}
      <locket-security-keys .security=${this.services.security} .keys=${keys} .userName=${this.owner.email || this.owner.name}
        @locket-vault-changed=${(e: HTMLElementEventMap['locket-vault-changed']) => this.onVaultChanged(e)}></locket-security-keys>
      ${on ? this.renderRecovery(vault) : nothing}
      <locket-change-password .security=${this.services.security} .owner=${this.owner}></locket-change-password>
      <locket-auto-lock-setting .security=${this.services.security}></locket-auto-lock-setting>`;
  }
}
