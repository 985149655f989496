import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LoginAttempt } from '../../core/security/login-log';
import type { SecurityServices } from '../../platform/page-services/services';
import { loginReasonText } from '../shared/messages/access-messages';
import { baseStyles } from '../shared/tokens.styles';
import { loginHistoryStyles } from './locket-login-history.styles';
import { LOGIN_WORDS, OUTCOME_LABELS, factorsLabel } from './login-labels';
import { LocaleController } from '../shared/i18n/locale';
import { formatDateTime } from '../shared/i18n/format';

/** How many attempts the table shows, newest first. */
export const SHOWN_ATTEMPTS = 100;


/** Every unlock attempt on this device: when, how it ended, with which factors, from which browser. */
export class LocketLoginHistory extends LitElement {
  static override styles = [baseStyles, loginHistoryStyles];

  @property({ attribute: false }) security!: SecurityServices;

  @state() private attempts: readonly LoginAttempt[] | null = null;
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.attempts = await this.security.logins.recent(SHOWN_ATTEMPTS);
  }

  private renderRow(attempt: LoginAttempt) {
    return html`<tr>
      <td><time datetime=${new Date(attempt.at).toISOString()}>${formatDateTime(attempt.at, 'medium')}</time></td>
      <td class=${attempt.outcome}>${OUTCOME_LABELS[attempt.outcome]}</td>
      <td>${factorsLabel(attempt)}</td>
      <td>${loginReasonText(attempt.reason) || '—'}</td>
      <td>${attempt.client}</td>
    </tr>`;
  }

  protected override render() {
    const attempts = this.attempts;
    if (attempts === null) return html`<p class="muted" role="status">${LOGIN_WORDS.loading}</p>`;
    return html`
      <div class="actions">
        <p class="muted">${LOGIN_WORDS.lead}</p>
        <button type="button" @click=${() => void this.load()}>${LOGIN_WORDS.refresh}</button>
      </div>
      ${attempts.length === 0 ? html`<p class="muted">${LOGIN_WORDS.none}</p>` : html`<div class="table-wrap"><table>
        <caption>${LOGIN_WORDS.caption(attempts.length)}</caption>
        <thead><tr><th scope="col">${LOGIN_WORDS.time}</th><th scope="col">${LOGIN_WORDS.outcome}</th><th scope="col">${LOGIN_WORDS.factors}</th>
          <th scope="col">${LOGIN_WORDS.reason}</th><th scope="col">${LOGIN_WORDS.browser}</th></tr></thead>
        <tbody>${attempts.map((attempt) => this.renderRow(attempt))}</tbody>
      </table></div>`}`;
  }
}
