import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PasswordContext } from '../../core/security/password-policy';
import type { VaultRecord } from '../../core/vault/types';
import type { LocketServices } from '../services/services';
import './security-events';
import { baseStyles } from '../shared/tokens.styles';
import '../locket-security-keys/locket-security-keys';
import '../locket-recovery-codes/locket-recovery-codes';
import '../locket-change-password/locket-change-password';
import '../locket-auto-lock-setting/locket-auto-lock-setting';
import { securitySettingsStyles } from './locket-security-settings.styles';
import { failureText } from '../shared/failure-text';

/**
 * The owner's security settings: two-factor status and keys, recovery codes (shown once,
 * when made), the password, and locking. Sends `locket-vault-changed` up when a factor changes.
 */
export class LocketSecuritySettings extends LitElement {
  static override styles = [baseStyles, securitySettingsStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private vault: VaultRecord | null = null;
  @state() private owner: PasswordContext = { name: '', email: '' };
  /** Codes made a moment ago: held only here, in memory, until the owner says they are saved. */
  @state() private freshCodes: readonly string[] | null = null;
  @state() private confirmingNewCodes = false;
  @state() private recoveryError = '';

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

  private async newCodes(): Promise<void> {
    this.recoveryError = '';
    try {
      const keys = await this.services.security.sessionKeys();
      if (!keys) { this.recoveryError = 'Locket is locked. Unlock it again to make new codes.'; return; }
      this.freshCodes = await this.services.security.account.regenerateRecoveryCodes(keys);
      this.confirmingNewCodes = false;
      await this.load();
    } catch (error) {
      this.recoveryError = `No new codes were made: ${failureText(error)}`;
    }
  }

  private renderRecovery(vault: VaultRecord) {
    const recovery = vault.secondFactor?.recovery ?? [];
    const unused = recovery.filter((slot) => slot.usedAt === null).length;
    return html`<div class="recovery">
      <h3>Recovery codes</h3>
      <p>${unused} of ${recovery.length} recovery codes unused.${unused <= 3 ? ' Make new ones before you run out.' : ''}</p>
      ${this.confirmingNewCodes ? html`<p role="alert">Your current recovery codes will stop working, used or not.</p>
        <div class="actions">
          <button type="button" class="primary" @click=${() => void this.newCodes()}>Replace my recovery codes</button>
          <button type="button" @click=${() => { this.confirmingNewCodes = false; }}>Cancel</button>
        </div>`
        : html`<div class="actions"><button type="button" ?disabled=${this.freshCodes !== null}
          @click=${() => { this.confirmingNewCodes = true; }}>New recovery codes</button></div>`}
      ${this.recoveryError ? html`<p class="error" role="alert">${this.recoveryError}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const vault = this.vault;
    if (!vault) return html`<p class="muted" role="status">Loading…</p>`;
    const keys = vault.secondFactor?.keys ?? [];
    const on = vault.secondFactor !== null;
    return html`
      <p class="two-factor ${on ? 'on' : ''}"><strong>Two-factor: ${on ? 'on' : 'off'}</strong> —
        ${on ? `unlocking needs your password and ${keys.length === 1 ? 'your key' : `one of your ${keys.length} keys`} (or a recovery code).`
          : 'your password alone unlocks Locket. Add a security key or passkey to ask for both.'}</p>
      ${this.freshCodes ? html`<locket-recovery-codes .codes=${this.freshCodes}
        @locket-codes-saved=${() => { this.freshCodes = null; }}></locket-recovery-codes>` : nothing}
      <locket-security-keys .security=${this.services.security} .keys=${keys} .userName=${this.owner.email || this.owner.name}
        @locket-vault-changed=${(e: HTMLElementEventMap['locket-vault-changed']) => this.onVaultChanged(e)}></locket-security-keys>
      ${on ? this.renderRecovery(vault) : nothing}
      <locket-change-password .security=${this.services.security} .owner=${this.owner}></locket-change-password>
      <locket-auto-lock-setting .security=${this.services.security}></locket-auto-lock-setting>`;
  }
}
