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
import { LocaleController } from '../shared/i18n/locale';
import { SECURITY_KEY_WORDS as WORDS } from './security-key-words';

/** Formats in the page's language at the moment it is called. */
const when = { format: (at: number): string => formatDateTime(at, 'short') };


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
  private readonly locale = new LocaleController(this);
  @state() private status = '';
  /** Bumped after a success so the password fields start empty again. */
  @state() private generation = 0;

  private get busy(): boolean {
    return this.acts.busy;
  }

  /** The failure of `act` in words, or '' when the failure shown (if any) is another act's. */
  private failedText(act: KeyAct): string {
    const failure = this.acts.failure;
    return failure?.act === act ? WORDS.didNotWork(failureText(failure.cause)) : '';
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
      if (!keys) { this.addErrors = { [FORM_ERROR_KEY]: WORDS.notUnlocked }; return; }
      const result = await this.security.account.addKey(keys, password, name, this.userName, { recoveryCode, acceptWithoutPrf });
      if (!result.ok) { this.addErrors = fieldRefusalsText(result.error); return; }
      this.addErrors = {};
      form.reset();
      this.generation++;
      this.status = WORDS.added(name.trim());
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
      if (!keys) { this.removeErrors = { [FORM_ERROR_KEY]: WORDS.notUnlocked }; return; }
      const result = await this.security.account.removeKey(keys, password, key.id, { recoveryCode, onProgress: rekeyRowsReport(onProgress) });
      if (!result.ok) { this.removeErrors = fieldRefusalsText(result.error); return; }
      this.removeErrors = {};
      this.removing = null;
      this.status = WORDS.removed(key.name);
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
    return html`<form class="remove-form" aria-label=${WORDS.removeName(key.name)} novalidate
        @submit=${(e: SubmitEvent) => void this.removeKey(e, key)}>
      <p class="hint">${last ? WORDS.onlyKey : WORDS.reencrypted}</p>
      <locket-password-field label=${WORDS.currentPassword} .error=${this.removeErrors['password'] ?? ''}></locket-password-field>
      ${factorConfirmFields(`remove-${key.id}`, this.removeErrors, last ? WORDS.confirmLast : WORDS.confirmOther)}
      ${removeError ? html`<p class="error" role="alert">${removeError}</p>` : nothing}
      ${rekeyProgress(this.acts.progress?.done ?? null)}
      <div class="actions">
        <button type="submit" class="danger" ?disabled=${this.busy}>${WORDS.removeKey}</button>
        <button type="button" @click=${() => { this.removing = null; }}>${WORDS.cancel}</button>
      </div>
    </form>`;
  }

  private renderKey(key: RegisteredKey) {
    // Every key is labelled by the weakest one: a key without PRF lets the password alone open the data.
    const protectsData = vaultProtection(this.keys) === 'key-protects-data';
    return html`<li aria-label=${key.name}>
      <div class="key-head">
        <span class="name">${key.name}</span>
        ${protectsData ? html`<span class="kind prf">${WORDS.protectsData}</span>` : html`<span class="kind">${WORDS.checkedAtUnlock}</span>`}
        <button type="button" aria-label=${WORDS.removeName(key.name)} aria-expanded=${this.removing === key.id ? 'true' : 'false'}
          @click=${() => this.startRemoving(key)}>${WORDS.remove}</button>
      </div>
      <span class="muted">${WORDS.addedAt(when.format(key.createdAt))} · ${key.lastUsedAt === null ? WORDS.notUsed : WORDS.lastUsed(when.format(key.lastUsedAt))}
        · ${key.prf ? WORDS.prf : WORDS.noPrf}</span>
      <span class="hint">${protectsData ? WORDS.noDecryptWithout
        : `${WORDS.weakerVault} ${key.prf ? WORDS.ownProtectionLater : WORDS.verifiesSignature}`}</span>
      ${key.counterRegressionAt === null ? nothing : html`<p class="warning">${WORDS.counterWarning}</p>`}
      ${this.removing === key.id ? this.renderRemoveForm(key) : nothing}
    </li>`;
  }

  private renderAddForm() {
    const nameError = this.addErrors['name'];
    const addError = this.failedText('add') || this.addErrors[FORM_ERROR_KEY];
    return html`<form aria-label=${WORDS.addTitle} novalidate @submit=${(e: SubmitEvent) => void this.add(e)}>
      <h3>${WORDS.addTitle}</h3>
      <div class="field">
        <label for="key-name">${WORDS.keyName}</label>
        <input id="key-name" name="name" autocomplete="off" maxlength="60" aria-invalid=${nameError ? 'true' : 'false'}
          aria-describedby=${nameError ? 'key-name-error' : 'key-name-hint'} />
        <span class="hint" id="key-name-hint">${WORDS.keyNameHint}</span>
        ${nameError ? html`<span class="error" id="key-name-error" role="alert">${nameError}</span>` : nothing}
      </div>
      ${keyed(this.generation, html`<locket-password-field label=${WORDS.currentPassword} .error=${this.addErrors['password'] ?? ''}>
        </locket-password-field>`)}
      ${this.keys.length ? factorConfirmFields('add', this.addErrors, WORDS.confirmAdd) : nothing}
      ${this.addErrors['prf'] ? html`<div class="warning" role="alert"><p>${this.addErrors['prf']}</p>
        <button type="button" class="danger" ?disabled=${this.busy} @click=${(e: MouseEvent) => void this.add(e, true)}>${WORDS.addAnyway}</button></div>`
        : nothing}
      ${addError ? html`<p class="error" role="alert">${addError}</p>` : nothing}
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>
        ${this.busy ? WORDS.waiting : WORDS.addKey}</button></div>
    </form>`;
  }

  protected override render() {
    return html`
      <div>
        <h3>${WORDS.title}</h3>
        ${this.keys.length ? html`<ul aria-label=${WORDS.registered}>${this.keys.map((key) => this.renderKey(key))}</ul>`
          : html`<p class="muted">${WORDS.noKey}</p>`}
      </div>
      ${this.status ? html`<p class="status" role="status">${this.status}</p>` : nothing}
      ${this.renderAddForm()}`;
  }
}
