import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PendingJoinView, TeamProblem, TeamView } from '../../../core/team/team-view';
import type { TeamServices } from '../../../platform/page-services/services';
import { ActionController } from '../../shared/action-controller';
import { locketEvent } from '../../shared/events';
import { failureText } from '../../shared/failure-text';
import { LocaleController } from '../../shared/i18n/locale';
import { TEAM_JOIN_CLAIM_WORDS as C } from '../../shared/messages/team-join-claim-words';
import { TEAM_MEMBERS_WORDS as W } from '../../shared/messages/team-members-words';
import { TEAM_NAMES, teamProblemText } from '../../shared/messages/team-words';
import { baseStyles } from '../../shared/tokens.styles';
import { syncStyles } from '../../sync/sync.styles';
import { mayConfirm } from '../team-rights';
import '../team-events';
import { teamStyles } from '../team.styles';

/**
 * Joins waiting for an admin: who asks, with which role, on which device, and the six words
 * their screen shows. The admin confirms only when the joining person reads out the same
 * words; "Words differ" declines, and nothing of the team reaches that device.
 */
export class LocketTeamPending extends LitElement {
  static override styles = [baseStyles, syncStyles, teamStyles];

  @property({ attribute: false }) services!: TeamServices;
  @property({ attribute: false }) view!: TeamView;

  /** Joins answered on this page: their buttons go at once, before the next view drops the join. */
  @state() private answered: ReadonlySet<string> = new Set();
  @state() private problem: TeamProblem | null = null;
  private readonly acts = new ActionController<'confirm'>(this);
  private readonly locale = new LocaleController(this);

  private async answer(join: PendingJoinView, same: boolean): Promise<void> {
    if (this.acts.busy) return;
    const ran = await this.acts.run('confirm', () => this.services.confirmJoin(join.joinHash, same));
    if (!ran.ok) return;
    if (!ran.value.ok) { this.problem = ran.value.error; return; }
    this.problem = null;
    this.answered = new Set([...this.answered, join.joinHash]);
    this.dispatchEvent(locketEvent('locket-team-changed', undefined));
  }

  /** Who asks, and the name the list item carries: the joiner's own claim where this device reads it, never a name from one that does not open. */
  private whoAsks(join: PendingJoinView, role: string) {
    const claim = join.claim;
    if (claim?.state === 'claimed') {
      return {
        label: claim.name || W.someoneJoining,
        text: html`<p>${C.asks(claim.name || W.someoneJoining, claim.email, role, claim.deviceName)}</p><p class="hint">${C.ownWord}</p>`,
      };
    }
    if (claim?.state === 'unreadable') return { label: W.someoneJoining, text: html`<p class="warning">${C.unreadable(role)}</p>` };
    return { label: join.name || W.someoneJoining, text: html`<p>${join.name ? W.pendingAsks(join.name, join.email, role, join.deviceName) : W.pendingUnnamed(role)}</p>` };
  }

  private renderJoin(join: PendingJoinView) {
    const asks = this.whoAsks(join, TEAM_NAMES.roles[join.role]);
    return html`<li class="box" aria-label=${asks.label}>
      ${asks.text}
      <p>${W.pendingCompare}</p>
      <ol class="words" aria-label=${W.words}>${join.words.map((word) => html`<li>${word}</li> `)}</ol>
      <div class="actions">
        <button class="primary" ?disabled=${this.acts.busy} @click=${() => void this.answer(join, true)}>${W.wordsMatch}</button>
        <button class="danger" ?disabled=${this.acts.busy} @click=${() => void this.answer(join, false)}>${W.wordsDiffer}</button>
      </div>
    </li>`;
  }

  protected override render() {
    const joins = this.view.pendingJoins.filter((join) => mayConfirm(this.view.myRole, join) && !this.answered.has(join.joinHash));
    const error = this.acts.failure ? TEAM_NAMES.failed(failureText(this.acts.failure.cause)) : this.problem ? teamProblemText(this.problem) : '';
    if (!joins.length && !error) return nothing;
    return html`<h3 id="pending-heading">${W.pendingHeading}</h3>
      <ul aria-labelledby="pending-heading">${joins.map((join) => this.renderJoin(join))}</ul>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}`;
  }
}
