import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { createRef, ref } from 'lit/directives/ref.js';
import type { PasswordContext } from '../../core/security/password-policy';
import type { RestoreOutcome } from '../../worker/contract';
import '../locket-password-field/locket-password-field';
import type { LocketPasswordField } from '../locket-password-field/locket-password-field';
import { offerDownload } from '../../platform/downloads/download-file';
import type { LocketServices } from '../../platform/page-services/services';
import { failureText } from '../shared/failure-text';
import { restoreProblemText } from '../shared/messages/archive-messages';
import { formStyles } from '../shared/form.styles';
import { ActionController, type Progress } from '../shared/action-controller';
import { baseStyles } from '../shared/tokens.styles';
import { BACKUP_WORDS as W, backupPasswordErrors, restoreSummaryLines, type BackupPasswordErrors } from './backup-messages';
import { LocaleController } from '../shared/i18n/locale';
import { backupSettingsStyles } from './locket-backup-settings.styles';
import { ROLE_REFUSAL_WORDS } from '../shared/messages/role-refusal-words';

interface RestoreErrors { readonly file?: string; readonly password?: string }

/**
 * The options page's Backup section: download one encrypted file under a password chosen for
 * it, and restore such a file, which replaces this device's data after a confirmation. Both
 * run in the worker. A refused restore says why and has changed nothing.
 */
export class LocketBackupSettings extends LitElement {
  static override styles = [baseStyles, formStyles, backupSettingsStyles];

  @property({ attribute: false }) services!: LocketServices;
  /** False for a team member without the export right: no download form, the sentence saying who can give the right instead. */
  @property({ attribute: false }) mayDownload = true;

  /** The owner's name and email: words a backup password must not lean on, as for the account's. */
  @state() private owner: PasswordContext = { name: '', email: '' };
  @state() private passwordErrors: BackupPasswordErrors = {};
  private readonly backingUp = new ActionController<'backup'>(this, { exclusive: true });
  @state() private made = '';
  /** Bumped after a finished backup or restore, so its form starts empty again (passwords included). */
  @state() private makeRevision = 0;
  @state() private restoreRevision = 0;

  @state() private backupFile: File | null = null;
  @state() private restoreErrors: RestoreErrors = {};
  @state() private confirming = false;
  private readonly restoring = new ActionController<'restore'>(this, { exclusive: true });
  @state() private outcome: RestoreOutcome | null = null;

  private readonly passwordField = createRef<LocketPasswordField>();
  private readonly repeatField = createRef<LocketPasswordField>();
  private readonly restorePasswordField = createRef<LocketPasswordField>();
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.services.store.getSettings().then((settings) => {
      this.owner = { name: settings.ownerName, email: settings.ownerEmail };
    });
  }

  private async makeBackup(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.backingUp.busy) return;
    const password = this.passwordField.value?.value ?? '';
    const check = await this.services.security.passwordPolicy();
    this.passwordErrors = backupPasswordErrors(check(password, this.owner), password, this.repeatField.value?.value ?? '');
    this.made = '';
    this.backingUp.clear();
    if (this.passwordErrors.password || this.passwordErrors.repeat) return;
    const ran = await this.backingUp.run('backup', (onProgress) => this.services.archives.createBackup(password, onProgress), { total: 0 });
    if (!ran.ok) return;
    offerDownload(ran.value.bytes, ran.value.fileName, ran.value.mimeType);
    this.made = ran.value.fileName;
    this.makeRevision++;
  }

  private chooseFile(event: Event): void {
    this.backupFile = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.restoreErrors = {};
    this.confirming = false;
    this.outcome = null;
    this.restoring.clear();
  }

  private askToRestore(event: SubmitEvent): void {
    event.preventDefault();
    if (this.restoring.busy) return;
    this.outcome = null;
    this.restoring.clear();
    this.restoreErrors = {
      ...(this.backupFile ? {} : { file: W.chooseFile }),
      ...(this.restorePasswordField.value?.value ? {} : { password: W.enterPassword }),
    };
    this.confirming = !this.restoreErrors.file && !this.restoreErrors.password;
  }

  private async restore(): Promise<void> {
    const file = this.backupFile;
    const password = this.restorePasswordField.value?.value ?? '';
    if (!file || this.restoring.busy) return;
    this.confirming = false;
    const ran = await this.restoring.run('restore', async (onProgress) =>
      this.services.archives.restoreBackup(new Uint8Array(await file.arrayBuffer()), password, onProgress), { total: 0 });
    if (!ran.ok) return;
    this.outcome = ran.value;
    if (ran.value.ok) {
      this.backupFile = null;
      this.restoreRevision++;
    }
  }

  private renderProgress(progress: Progress, label: string) {
    return html`<progress aria-label=${label} max=${Math.max(progress.total, 1)} .value=${progress.done}></progress>
      <span class="hint">${progress.total > 0 ? W.percentDone(Math.floor((progress.done / progress.total) * 100)) : W.starting}</span>`;
  }

  private renderDownload() {
    const busy = this.backingUp.busy;
    return html`<form aria-label=${W.download} novalidate @submit=${(e: SubmitEvent) => void this.makeBackup(e)}>
      <h3>${W.download}</h3>
      <p class="hint">${W.downloadHint}</p>
      ${keyed(this.makeRevision, html`
        <locket-password-field ${ref(this.passwordField)} label=${W.password} autocomplete="new-password"
          .policy=${this.services.security.passwordPolicy} .context=${this.owner}
          .error=${this.passwordErrors.password ?? ''}></locket-password-field>
        <locket-password-field ${ref(this.repeatField)} label=${W.passwordAgain} autocomplete="new-password"
          .error=${this.passwordErrors.repeat ?? ''}></locket-password-field>`)}
      <div class="actions"><button class="primary" type="submit" ?disabled=${busy}>${W.download}</button></div>
      ${this.backingUp.progress ? this.renderProgress(this.backingUp.progress, W.backupProgress) : nothing}
      ${this.made ? html`<p class="done" role="status">${W.saved(this.made)}</p>` : nothing}
      ${this.backingUp.failure ? html`<p class="error" role="alert">${W.backupFailed(failureText(this.backingUp.failure.cause))}</p>` : nothing}
    </form>`;
  }

  private renderConfirmation() {
    return html`<div class="confirm" role="alertdialog" aria-labelledby="restore-confirm-text">
      <p id="restore-confirm-text">${W.replaces}</p>
      <div class="actions">
        <button class="danger" type="button" @click=${() => void this.restore()}>${W.replace}</button>
        <button type="button" @click=${() => { this.confirming = false; }}>${W.cancel}</button>
      </div>
    </div>`;
  }

  private renderOutcome(outcome: RestoreOutcome) {
    if (!outcome.ok) return html`<p class="error" role="alert">${restoreProblemText(outcome.error)}</p>`;
    return html`<div class="done" role="status">
      <p>${W.restored}</p>
      <ul aria-label=${W.restoredList}>${restoreSummaryLines(outcome.value).map((line) => html`<li>${line}</li>`)}</ul>
      <p>${W.snapshotKept}</p>
    </div>`;
  }

  private renderRestore() {
    const busy = this.restoring.busy;
    const fileError = this.restoreErrors.file;
    return html`<form aria-label=${W.restore} novalidate @submit=${(e: SubmitEvent) => this.askToRestore(e)}>
      <h3>${W.restore}</h3>
      <p class="hint">${W.restoreHint}</p>
      ${keyed(this.restoreRevision, html`
        <div class="field">
          <label for="backup-file">${W.file}</label>
          <input id="backup-file" type="file" accept=".locket-backup" ?disabled=${busy}
            aria-invalid=${fileError ? 'true' : 'false'} aria-describedby=${fileError ? 'backup-file-error' : nothing}
            @change=${(e: Event) => this.chooseFile(e)} />
          ${fileError ? html`<span class="error" id="backup-file-error" role="alert">${fileError}</span>` : nothing}
        </div>
        <locket-password-field ${ref(this.restorePasswordField)} label=${W.filePassword}
          .error=${this.restoreErrors.password ?? ''}></locket-password-field>`)}
      <div class="actions"><button type="submit" ?disabled=${busy || this.confirming}>${W.restoreOpen}</button></div>
      ${this.confirming ? this.renderConfirmation() : nothing}
      ${this.restoring.progress ? this.renderProgress(this.restoring.progress, W.restoreProgress) : nothing}
      ${this.outcome ? this.renderOutcome(this.outcome) : nothing}
      ${this.restoring.failure ? html`<p class="error" role="alert">${W.restoreFailed(failureText(this.restoring.failure.cause))}</p>` : nothing}
    </form>`;
  }

  protected override render() {
    const download = this.mayDownload ? this.renderDownload() : html`<p class="hint">${ROLE_REFUSAL_WORDS.noExportRight}</p>`;
    return html`${download}${this.renderRestore()}`;
  }
}
