import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { RetentionPolicy } from '../../core/retention/policy';
import {
  CANCELLATION_DAYS, LOGIN_DAY_CHOICES, SNAPSHOT_MAX_DAYS, TRASH_DAYS,
} from '../../core/retention/windows';
import type { LocketServices } from '../../platform/page-services/services';
import '../locket-sweep-status/locket-sweep-status';
import '../locket-snapshots/locket-snapshots';
import '../locket-storage-use/locket-storage-use';
import '../locket-retention-rules/locket-retention-rules';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { policyProblemText } from '../shared/messages/retention-messages';
import { baseStyles } from '../shared/tokens.styles';
import { LocaleController } from '../shared/i18n/locale';
import { retentionSettingsStyles } from './locket-retention-settings.styles';
import { RETENTION_WORDS as WORDS } from './retention-words';

type RetentionAct = 'read' | 'save';

/** What the owner reads when an act failed; `cause` is the failure in words. */
const FAILED: { readonly [A in RetentionAct]: (cause: string) => string } = {
  read: (cause) => WORDS.readFailed(cause),
  save: (cause) => WORDS.saveFailed(cause),
};

type LoginDays = RetentionPolicy['loginDays'];
const loginDaysOf = (value: string): LoginDays | undefined => LOGIN_DAY_CHOICES.find((days) => String(days) === value);

/**
 * The options page's Retention section: what Locket keeps and for how long, the sweeps that
 * keep those promises, the login-history window, snapshots, and the owner's retention rules.
 */
export class LocketRetentionSettings extends LitElement {
  static override styles = [baseStyles, retentionSettingsStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private policy: RetentionPolicy | null = null;
  /** Bumped when a sweep has run, so the snapshot list is read again. */
  @state() private sweeps = 0;
  @state() private saved = '';
  /** A choice the policy refused, in its own words. */
  @state() private refused = '';
  private readonly acts = new ActionController<RetentionAct>(this);
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.acts.run('read', async () => {
      this.policy = await this.services.retention.readPolicy();
    });
  }

  private async chooseLoginDays(value: string): Promise<void> {
    this.saved = '';
    this.refused = '';
    this.acts.clear();
    const loginDays = loginDaysOf(value);
    if (loginDays === undefined) return;
    await this.acts.run('save', async () => {
      const result = await this.services.retention.writePolicy({ loginDays });
      if (!result.ok) { this.refused = policyProblemText(result.error); return; }
      this.policy = result.value;
      this.saved = WORDS.loginDaysSaved(loginDays);
    });
  }

  private errorText(): string {
    const failure = this.acts.failure;
    return failure ? FAILED[failure.act](failureText(failure.cause)) : this.refused;
  }

  private renderKept(policy: RetentionPolicy | null) {
    return html`<h3>${WORDS.whatKept}</h3>
      <ul class="kept" aria-label=${WORDS.whatKept}>
        <li>${WORDS.trashKept(TRASH_DAYS)}</li>
        <li>${WORDS.cancelKept(CANCELLATION_DAYS)}</li>
        <li>${WORDS.snapshotsKept(SNAPSHOT_MAX_DAYS)}</li>
        <li>${WORDS.loginsKept(policy ? WORDS.days(policy.loginDays) : '…')}</li>
      </ul>`;
  }

  private renderLoginWindow(policy: RetentionPolicy) {
    return html`<div class="field">
        <label for="login-days">${WORDS.keepLoginsFor}</label>
        <select id="login-days" @change=${(e: Event) => void this.chooseLoginDays((e.target as HTMLSelectElement).value)}
          .value=${live(String(policy.loginDays))}>
          ${LOGIN_DAY_CHOICES.map((days) => html`<option value=${String(days)} ?selected=${days === policy.loginDays}>${WORDS.days(days)}</option>`)}
        </select>
      </div>
      ${this.saved ? html`<p class="status" role="status">${this.saved}</p>` : nothing}`;
  }

  protected override render() {
    const policy = this.policy;
    const error = this.errorText();
    return html`
      <div class="part">${this.renderKept(policy)}</div>
      <locket-sweep-status class="part" .retention=${this.services.retention}
        @locket-sweep-reported=${() => { this.sweeps++; }}></locket-sweep-status>
      <div class="part">
        <h3>${WORDS.loginHistory}</h3>
        ${policy ? this.renderLoginWindow(policy) : error ? nothing : html`<p class="muted" role="status">${WORDS.loading}</p>`}
        ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      </div>
      <locket-snapshots class="part" .services=${this.services} .revision=${this.sweeps}></locket-snapshots>
      <locket-storage-use class="part" .retention=${this.services.retention} .revision=${this.sweeps}></locket-storage-use>
      <locket-retention-rules class="part" .services=${this.services}></locket-retention-rules>`;
  }
}
