import { LitElement, html, nothing } from 'lit';
import { rekeyProgress, rekeyRowsReport } from '../shared/rekey-progress';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { FieldTexts } from '../shared/messages/field-messages';
import { FORM_ERROR_KEY } from '../../core/records/validate';
import { vaultProtection } from '../../core/vault/protection';
import type { RegisteredKey } from '../../core/vault/types';
import { factorConfirmFields, recoveryCodeIn, recoveryCodeProblem } from '../locket-security-settings/factor-confirm';
import type { SecurityServices } from '../../platform/page-services/services';
import { locketEvent } from '../shared/events';
import '../locket-security-settings/security-events';
import { baseStyles } from '../shared/tokens.styles';
import { formStyles } from '../shared/form.styles';
import '../locket-password-field/locket-password-field';
import type { LocketPasswordField } from '../locket-password-field/locket-password-field.component';
import { securityKeysStyles } from './locket-security-keys.styles';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { fieldRefusalsText } from '../shared/messages/access-messages';
import { formatDateTime } from '../shared/i18n/format';

/** Formats in the page's language at the moment it is called. */
const when = { format: (at: number): string => formatDateTime(at, 'short') };

const NOT_UNLOCKED = 'Locket is locked. Unlock it again to change your keys.';
const WEAKER_VAULT = 'Your data can be opened with the password alone while a key without PRF is registered.';
const COUNTER_WARNING = 'This key’s signature counter went backwards — it may have been copied. Remove it if you don’t recognise this.';

type KeyAct = 'add' | 'remove';

/**
 * The registered security keys and passkeys: each by name with its dates and what the keys
 * together protect (judged by the weakest), a remove confirmed by the password and another
 * key, and the form that adds one (a key without PRF only after a warning). Sends `locket-vault-changed`
 * after each change; the first key's recovery codes travel with it, once.
 */
export class LocketSecurityKeys extends LitElement {
  static override styles = [baseStyles, formStyles, securityKeysStyles];

  @property({ attribute: false }) security!: SecurityServices;
  @property({ attribute: false }) keys: readonly RegisteredKey[] = [];
  /** What the authenticator shows for the account, usually the owner's email. */
  @property({ attribute: false }) userName = '';

  @state() private addErrors: FieldTexts = {};
  @state() private removeErrors: FieldTexts = {};
  @state() private removing: string | null = null;
  /** Adds and removes; while the account key is replaced, its progress counts the items re-encrypted so far. */
  private readonly acts = new ActionController<KeyAct>(this);
  @state() private status = '';
  /** Bumped after a success so the password fields start empty again. */
  @state() private generation = 0;

  private get busy(): boolean {
    return this.acts.busy;
  }

  /** The failure of `act` in words, or '' when the failure shown (if any) is another act's. */
  private failedText(act: KeyAct): string {
    const failure = this.acts.failure;
    return failure?.act === act ? `That did not work: ${failureText(failure.cause)}` : '';
  }

  /** Forgets a failure of `act`, as a new refusal of that form replaces everything it showed. */
  private forget(act: KeyAct): void {
    if (this.acts.failure?.act === act) this.acts.clear();
  }

  private passwordIn(form: HTMLFormElement): string {
    return form.querySelector<LocketPasswordField>('locket-password-field')?.value ?? '';
  }

  private async add(event: Event, acceptWithoutPrf = false): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    // Read before the first await: the event forgets its currentTarget once dispatch ends.
    const form = (acceptWithoutPrf ? (event.currentTarget as HTMLElement).closest('form') : event.currentTarget) as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '');
    const password = this.passwordIn(form);
    const recoveryCode = recoveryCodeIn(form);
    const codeProblem = recoveryCodeProblem(recoveryCode);
    if (codeProblem) { this.addErrors = codeProblem; this.forget('add'); return; }
    this.status = '';
    await this.acts.run('add', async () => {
      const keys = await this.security.sessionKeys();
      if (!keys) { this.addErrors = { [FORM_ERROR_KEY]: NOT_UNLOCKED }; return; }
      const result = await this.security.account.addKey(keys, password, name, this.userName, { recoveryCode, acceptWithoutPrf });
      if (!result.ok) { this.addErrors = fieldRefusalsText(result.error); return; }
      this.addErrors = {};
      form.reset();
      this.generation++;
      this.status = `Added “${name.trim()}”.`;
      this.dispatchEvent(locketEvent('locket-vault-changed', { recoveryCodes: result.value.recoveryCodes }));
    });
    // A failure takes the place of the refusals shown before: it is the one thing to read.
    if (this.failedText('add')) this.addErrors = {};
  }

  private async removeKey(event: SubmitEvent, key: RegisteredKey): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    // Read before the first await: the event forgets its currentTarget once dispatch ends.
    const form = event.currentTarget as HTMLFormElement;
    const password = this.passwordIn(form);
    const recoveryCode = recoveryCodeIn(form);
    const codeProblem = recoveryCodeProblem(recoveryCode);
    if (codeProblem) { this.removeErrors = codeProblem; this.forget('remove'); return; }
    this.status = '';
    await this.acts.run('remove', async (onProgress) => {
      const keys = await this.security.sessionKeys();
      if (!keys) { this.removeErrors = { [FORM_ERROR_KEY]: NOT_UNLOCKED }; return; }
      const result = await this.security.account.removeKey(keys, password, key.id, { recoveryCode, onProgress: rekeyRowsReport(onProgress) });
      if (!result.ok) { this.removeErrors = fieldRefusalsText(result.error); return; }
      this.removeErrors = {};
      this.removing = null;
      this.status = `Removed “${key.name}”.`;
      this.dispatchEvent(locketEvent('locket-vault-changed', { recoveryCodes: result.value.recoveryCodes }));
    });
    if (this.failedText('remove')) this.removeErrors = {};
  }

  private startRemoving(key: RegisteredKey): void {
    this.removing = this.removing === key.id ? null : key.id;
    this.removeErrors = {};
    this.forget('remove');
  }

  private renderRemoveForm(key: RegisteredKey) {
    const last = this.keys.length === 1;
    const removeError = this.failedText('remove') || this.removeErrors[FORM_ERROR_KEY];
    return html`<form class="remove-form" aria-label=${`Remove ${key.name}`} novalidate
        @submit=${(e: SubmitEvent) => void this.removeKey(e, key)}>
      <p class="hint">${last ? 'This is your only key: removing it turns two-factor off and your recovery codes stop working.'
        : 'The key will no longer unlock Locket, not even with an earlier copy of your data: everything is re-encrypted under a new key.'}</p>
      <locket-password-field label="Current password" .error=${this.removeErrors['password'] ?? ''}></locket-password-field>
      ${factorConfirmFields(`remove-${key.id}`, this.removeErrors, last
        ? 'Then touch this key to confirm, or type a recovery code.'
        : 'Then touch one of your other keys to confirm, or type a recovery code.')}
      ${removeError ? html`<p class="error" role="alert">${removeError}</p>` : nothing}
      ${rekeyProgress(this.acts.progress?.done ?? null)}
      <div class="actions">
        <button type="submit" class="danger" ?disabled=${this.busy}>Remove key</button>
        <button type="button" @click=${() => { this.removing = null; }}>Cancel</button>
      </div>
    </form>`;
  }

  private renderKey(key: RegisteredKey) {
    // Every key is labelled by the weakest one: a key without PRF lets the password alone open the data.
    const protectsData = vaultProtection(this.keys) === 'key-protects-data';
    return html`<li aria-label=${key.name}>
      <div class="key-head">
        <span class="name">${key.name}</span>
        ${protectsData ? html`<span class="kind prf">Protects the data itself</span>` : html`<span class="kind">Checked at unlock</span>`}
        <button type="button" aria-label=${`Remove ${key.name}`} aria-expanded=${this.removing === key.id ? 'true' : 'false'}
          @click=${() => this.startRemoving(key)}>Remove</button>
      </div>
      <span class="muted">Added ${when.format(key.createdAt)} · ${key.lastUsedAt === null ? 'Not used yet' : `Last used ${when.format(key.lastUsedAt)}`}
        · ${key.prf ? 'PRF' : 'No PRF'}</span>
      <span class="hint">${protectsData ? 'Your data cannot be decrypted without one of your keys (or a recovery code) in hand.'
        : key.prf ? `${WEAKER_VAULT} This key’s own protection applies only once every key has PRF.`
          : `${WEAKER_VAULT} Locket verifies this key’s signature before it opens your data.`}</span>
      ${key.counterRegressionAt === null ? nothing : html`<p class="warning">${COUNTER_WARNING}</p>`}
      ${this.removing === key.id ? this.renderRemoveForm(key) : nothing}
    </li>`;
  }

  private renderAddForm() {
    const nameError = this.addErrors['name'];
    const addError = this.failedText('add') || this.addErrors[FORM_ERROR_KEY];
    return html`<form aria-label="Add a security key or passkey" novalidate @submit=${(e: SubmitEvent) => void this.add(e)}>
      <h3>Add a security key or passkey</h3>
      <div class="field">
        <label for="key-name">Key name</label>
        <input id="key-name" name="name" autocomplete="off" maxlength="60" aria-invalid=${nameError ? 'true' : 'false'}
          aria-describedby=${nameError ? 'key-name-error' : 'key-name-hint'} />
        <span class="hint" id="key-name-hint">So you can tell your keys apart, such as “Blue YubiKey” or “This laptop”.</span>
        ${nameError ? html`<span class="error" id="key-name-error" role="alert">${nameError}</span>` : nothing}
      </div>
      ${keyed(this.generation, html`<locket-password-field label="Current password" .error=${this.addErrors['password'] ?? ''}>
        </locket-password-field>`)}
      ${this.keys.length ? factorConfirmFields('add', this.addErrors, 'After the new key, touch one of your keys to confirm, or type a recovery code.') : nothing}
      ${this.addErrors['prf'] ? html`<div class="warning" role="alert"><p>${this.addErrors['prf']}</p>
        <button type="button" class="danger" ?disabled=${this.busy} @click=${(e: MouseEvent) => void this.add(e, true)}>Add it anyway</button></div>`
        : nothing}
      ${addError ? html`<p class="error" role="alert">${addError}</p>` : nothing}
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>
        ${this.busy ? 'Waiting for your key…' : 'Add key'}</button></div>
    </form>`;
  }

  protected override render() {
    return html`
      <div>
        <h3>Security keys and passkeys</h3>
        ${this.keys.length ? html`<ul aria-label="Registered keys">${this.keys.map((key) => this.renderKey(key))}</ul>`
          : html`<p class="muted">No key yet. Add one to turn two-factor on.</p>`}
      </div>
      ${this.status ? html`<p class="status" role="status">${this.status}</p>` : nothing}
      ${this.renderAddForm()}`;
  }
}
