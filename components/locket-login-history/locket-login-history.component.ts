import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LoginAttempt } from '../../core/security/login-log';
import type { SecurityServices } from '../../platform/page-services/services';
import { baseStyles } from '../shared/tokens.styles';
import { loginHistoryStyles } from './locket-login-history.styles';
import { OUTCOME_LABELS, factorsLabel } from './login-labels';

/** How many attempts the table shows, newest first. */
export const SHOWN_ATTEMPTS = 100;

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Every unlock attempt on this device: when, how it ended, with which factors, from which browser. */
export class LocketLoginHistory extends LitElement {
  static override styles = [baseStyles, loginHistoryStyles];

  @property({ attribute: false }) security!: SecurityServices;

  @state() private attempts: readonly LoginAttempt[] | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.attempts = await this.security.logins.recent(SHOWN_ATTEMPTS);
  }

  private renderRow(attempt: LoginAttempt) {
    return html`<tr>
      <td><time datetime=${new Date(attempt.at).toISOString()}>${when.format(attempt.at)}</time></td>
      <td class=${attempt.outcome}>${OUTCOME_LABELS[attempt.outcome]}</td>
      <td>${factorsLabel(attempt)}</td>
      <td>${attempt.reason || '—'}</td>
      <td>${attempt.client}</td>
    </tr>`;
  }

  protected override render() {
    const attempts = this.attempts;
    if (attempts === null) return html`<p class="muted" role="status">Loading…</p>`;
    return html`
      <div class="actions">
        <p class="muted">Every unlock attempt on this device, newest first. If one is not yours, change your password.</p>
        <button type="button" @click=${() => void this.load()}>Refresh</button>
      </div>
      ${attempts.length === 0 ? html`<p class="muted">No attempts yet.</p>` : html`<div class="table-wrap"><table>
        <caption>Recent logins: the last ${attempts.length === 1 ? 'attempt' : `${attempts.length} attempts`}</caption>
        <thead><tr><th scope="col">Time</th><th scope="col">Outcome</th><th scope="col">Factors</th>
          <th scope="col">Reason</th><th scope="col">Browser and OS</th></tr></thead>
        <tbody>${attempts.map((attempt) => this.renderRow(attempt))}</tbody>
      </table></div>`}`;
  }
}
