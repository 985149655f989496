import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { FORM_ERROR_KEY } from '../../../core/records/validate';
import type { Result } from '../../../core/result';
import type { checkPassword } from '../../../core/security/password-policy';
import type { RelayRestorePreview, RelayRestoreProblem } from '../../../core/sync-account/relay-restore';
import { parseRecoveryWords } from '../../../core/team/recovery-key';
import type { AccountManager } from '../../../core/vault/account';
import type { HostPermissions } from '../../../platform/permissions/host-permission';
import '../../locket-password-field/locket-password-field';
import type { LocketPasswordField } from '../../locket-password-field/locket-password-field.component';
import { ActionController } from '../../shared/action-controller';
import { locketEvent } from '../../shared/events';
import { failureText } from '../../shared/failure-text';
import { formStyles } from '../../shared/form.styles';
import { LocaleController } from '../../shared/i18n/locale';
import { fieldRefusalsText } from '../../shared/messages/access-messages';
import type { FieldTexts } from '../../shared/messages/field-messages';
import { RELAY_COPY_WORDS as W, relayRestoreProblemText } from '../../shared/messages/relay-copy-words';
import { panelStyles } from '../../shared/panel.styles';
import { baseStyles } from '../../shared/tokens.styles';
import { problemPlace, requestRelayAccess } from '../relay-address';
import '../relay-restore-events';
import { syncField } from '../sync-fields';
import { defaultDeviceName } from '../sync-text';
import { syncStyles } from '../sync.styles';

/** What the screen asks of the page: a check that writes nothing, then the restore on the vault it made. */
export interface RelayRestorePort {
  readonly preview: (relayUrl: string, words: readonly string[]) => Promise<Result<RelayRestorePreview, RelayRestoreProblem>>;
  readonly finish: (relayUrl: string, words: readonly string[], deviceName: string) => Promise<Result<void, RelayRestoreProblem>>;
}

type Owner = { readonly name: string; readonly email: string };
type Place = 'address' | 'words' | 'form';

/** Words no team holds are shown beside the words; a relay that did not answer beside its address; the rest under the form. */
const placeOf = (problem: RelayRestoreProblem): Place => {
  switch (problem.type) {
    case 'bad-recovery-words': case 'no-team-for-words': return 'words';
    case 'insecure-address': case 'bad-address': case 'permission-denied': case 'relay-unreachable': case 'relay-refused': case 'version':
      return problemPlace(problem) === 'address' ? 'address' : 'form';
    default: return 'form';
  }
};

/** The words as typed: any spaces, commas or line breaks between them. */
export const typedWords = (text: string): string[] => text.split(/[\s,;]+/).map((word) => word.trim()).filter(Boolean);

/**
 * First run, beside "Create account": restores from the owner's relay with the printed recovery
 * key. The relay's address (its origin asked for inside the click), the 16 words, a new password
 * and this device's name. The words are checked on the relay before anything is written; only
 * then is the vault made, and the restore finishes on it. A restore that fails after that can be
 * tried again, or left for later, with the new account kept.
 */
export class LocketRelayRestore extends LitElement {
  static override styles = [baseStyles, formStyles, panelStyles, syncStyles];

  @property({ attribute: false }) account!: Pick<AccountManager, 'create'>;
  @property({ attribute: false }) policy!: () => Promise<typeof checkPassword>;
  @property({ attribute: false }) restore!: RelayRestorePort;
  @property({ attribute: false }) permissions!: HostPermissions;

  @state() private problem: RelayRestoreProblem | null = null;
  @state() private errors: FieldTexts = {};
  @state() private missing: ReadonlySet<'words' | 'device'> = new Set();
  /** The relay's directory had no usable name or email: the owner types them. */
  @state() private askOwner = false;
  /** Set once the vault exists: from then on only the restore itself is tried again. */
  @state() private made: { readonly relayUrl: string; readonly words: readonly string[]; readonly deviceName: string; readonly owner: Owner } | null = null;
  @query('locket-password-field') private password!: LocketPasswordField;
  private readonly acts = new ActionController<'restore'>(this);
  private readonly locale = new LocaleController(this);
  private readonly initialDevice = defaultDeviceName();

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.acts.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string): string => String(data.get(name) ?? '').trim();
    const words = typedWords(text('words'));
    const deviceName = text('deviceName');
    const password = this.password.value;
    this.missing = new Set([...(words.length ? [] : ['words' as const]), ...(deviceName ? [] : ['device' as const])]);
    this.errors = {};
    this.problem = words.length && !parseRecoveryWords(words) ? { type: 'bad-recovery-words' } : null;
    if (this.missing.size || this.problem) return;
    // Asked for inside the click: after an await the browser would refuse without asking.
    const access = requestRelayAccess(text('relay'), this.permissions);
    void this.acts.run('restore', async () => {
      const relay = await access;
      if (!relay.ok) { this.problem = relay.error; return; }
      const preview = await this.restore.preview(relay.value, words);
      if (!preview.ok) { this.problem = preview.error; return; }
      const owner = this.askOwner ? { name: text('name'), email: text('email') } : preview.value.owner ?? { name: '', email: '' };
      this.dispatchEvent(locketEvent('locket-relay-restore-started', null));
      const created = await this.account.create(owner, password);
      if (!created.ok) {
        this.dispatchEvent(locketEvent('locket-relay-restore-stopped', null));
        this.errors = fieldRefusalsText(created.error);
        if (this.errors['name'] || this.errors['email']) this.askOwner = true;
        return;
      }
      this.made = { relayUrl: relay.value, words, deviceName, owner: created.value.owner };
      await this.finish();
    });
  }

  private async finish(): Promise<void> {
    if (!this.made) return;
    this.problem = null;
    const finished = await this.restore.finish(this.made.relayUrl, this.made.words, this.made.deviceName);
    if (!finished.ok) { this.problem = finished.error; return; }
    this.dispatchEvent(locketEvent('locket-relay-restore-done', this.made.owner));
  }

  private errorAt(place: Place): string {
    if (place === 'form' && this.acts.failure) return W.failed(failureText(this.acts.failure.cause));
    if (place === 'form' && this.errors[FORM_ERROR_KEY]) return this.errors[FORM_ERROR_KEY];
    return this.problem && placeOf(this.problem) === place ? relayRestoreProblemText(this.problem) : '';
  }

  private renderFinishing(owner: Owner) {
    const error = this.problem ? relayRestoreProblemText(this.problem) : this.acts.failure ? W.failed(failureText(this.acts.failure.cause)) : '';
    return html`<h1>${W.heading}</h1>
      ${this.acts.busy || !error ? html`<p role="status">${W.finishing}</p>` : html`<p class="error" role="alert">${error}</p>
        <div class="actions">
          <button class="primary" @click=${() => void this.acts.run('restore', () => this.finish())}>${W.retry}</button>
          <button @click=${() => this.dispatchEvent(locketEvent('locket-relay-restore-done', owner))}>${W.skip}</button>
        </div>`}`;
  }

  private renderWords() {
    const error = this.missing.has('words') ? W.noWords : this.errorAt('words');
    return html`<div class="field">
      <label for="restore-words">${W.words}</label>
      <textarea id="restore-words" name="words" rows="3" autocomplete="off" spellcheck="false" aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'restore-words-error' : 'restore-words-hint'}></textarea>
      <span class="hint" id="restore-words-hint">${W.wordsHint}</span>
      ${error ? html`<span class="error" id="restore-words-error" role="alert">${error}</span>` : nothing}
    </div>`;
  }

  private renderOwner() {
    return html`<p class="hint">${W.ownerMissing}</p>
      ${syncField({ id: 'restore-name', name: 'name', label: W.name, autocomplete: 'name', error: this.errors['name'] ?? '' })}
      ${syncField({ id: 'restore-email', name: 'email', label: W.email, autocomplete: 'email', error: this.errors['email'] ?? '' })}`;
  }

  protected override render() {
    if (this.made) return this.renderFinishing(this.made.owner);
    const busy = this.acts.busy;
    const formError = this.errorAt('form');
    return html`<h1>${W.heading}</h1>
      <p class="lead">${W.intro}</p>
      <form aria-label=${W.heading} novalidate @submit=${(e: SubmitEvent) => this.submit(e)}>
        ${syncField({ id: 'restore-relay', name: 'relay', label: W.relay, hint: W.relayHint, error: this.errorAt('address') })}
        ${this.renderWords()}
        <locket-password-field label=${W.password} autocomplete="new-password" .policy=${this.policy}
          .error=${this.errors['password'] ?? ''}></locket-password-field>
        <p class="hint">${W.passwordHint}</p>
        ${syncField({
          id: 'restore-device', name: 'deviceName', label: W.device, hint: W.deviceHint, initial: this.initialDevice,
          error: this.missing.has('device') ? W.noDevice : '',
        })}
        ${this.askOwner ? this.renderOwner() : nothing}
        ${formError ? html`<p class="error" role="alert">${formError}</p>` : nothing}
        <p class="hint">${W.only}</p>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${busy}>${busy ? W.restoring : W.restore}</button>
          <button type="button" ?disabled=${busy} @click=${() => this.dispatchEvent(locketEvent('locket-relay-restore-closed', null))}>${W.back}</button>
        </div>
      </form>`;
  }
}
