import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MemberLoginRow } from '../../core/team/member-login-rows';
import type { TeamView } from '../../core/team/team-view';
import type { TeamServices } from '../../platform/page-services/services';
import { LocaleController } from '../shared/i18n/locale';
import { formatDateTime } from '../shared/i18n/format';
import { MEMBER_LOGINS_WORDS as W } from '../shared/messages/member-logins-words';
import { teamProblemText } from '../shared/messages/team-words';
import { failureText } from '../shared/failure-text';
import { baseStyles } from '../shared/tokens.styles';
import { loginHistoryStyles } from '../locket-login-history/locket-login-history.styles';
import { memberLoginLabels, seesMembersLogins } from './member-login-labels';

/**
 * Every team member's unlocks and relay sessions, newest first, for the owner and admins
 * (issue 13). Renders nothing for anyone else and for a device in no team: their Recent logins
 * is this device's own, shown beside it.
 */
export class LocketMemberLogins extends LitElement {
  static override styles = [baseStyles, loginHistoryStyles];

  /** The team this device is in, from the page's view of it; null outside a team. */
  @property({ attribute: false }) team: TeamView | null = null;
  @property({ attribute: false }) logins: Pick<TeamServices, 'memberLogins'> | null = null;

  @state() private rows: readonly MemberLoginRow[] | null = null;
  @state() private problem: string | null = null;
  private readonly locale = new LocaleController(this);
  /** Read again when the role allowing it appears, not at each poll of the team view. */
  private readFor: string | null = null;

  protected override willUpdate(): void {
    const key = seesMembersLogins(this.team) && this.logins ? `${this.team.team}|${this.team.me}` : null;
    if (key !== this.readFor) {
      this.readFor = key;
      this.rows = null;
      if (key) void this.load();
    }
  }

  private async load(): Promise<void> {
    if (!this.logins) return;
    try {
      const answer = await this.logins.memberLogins();
      this.problem = answer.ok ? null : W.failed(teamProblemText(answer.error));
      this.rows = answer.ok ? answer.value ?? [] : [];
    } catch (error) {
      this.problem = W.failed(failureText(error));
      this.rows = [];
    }
  }

  private renderRow(team: TeamView, row: MemberLoginRow) {
    const labels = memberLoginLabels(team, row);
    return html`<tr>
      <th scope="row">${labels.member}</th>
      <td>${labels.device}</td>
      <td>${labels.event}</td>
      <td><time datetime=${new Date(row.at).toISOString()}>${formatDateTime(row.at, 'medium')}</time></td>
    </tr>`;
  }

  protected override render() {
    const team = this.team;
    if (!seesMembersLogins(team) || !this.logins) return nothing;
    const rows = this.rows;
    return html`
      <h3>${W.heading}</h3>
      <div class="actions">
        <p class="muted">${W.lead}</p>
        <button type="button" @click=${() => void this.load()}>${W.refresh}</button>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${rows === null ? html`<p class="muted" role="status">${W.loading}</p>`
        : rows.length === 0 ? (this.problem ? nothing : html`<p class="muted">${W.none}</p>`)
        : html`<div class="table-wrap"><table>
          <caption>${W.caption(rows.length)}</caption>
          <thead><tr><th scope="col">${W.member}</th><th scope="col">${W.device}</th><th scope="col">${W.event}</th>
            <th scope="col">${W.time}</th></tr></thead>
          <tbody>${rows.map((row) => this.renderRow(team, row))}</tbody>
        </table></div>`}`;
  }
}
