import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TeamProblem, TeamView } from '../../../core/team/team-view';
import type { LocketServices, TeamServices } from '../../../platform/page-services/services';
import { ActionController } from '../../shared/action-controller';
import { locketEvent } from '../../shared/events';
import { failureText } from '../../shared/failure-text';
import { LocaleController } from '../../shared/i18n/locale';
import { TEAM_MEMBERS_WORDS as W } from '../../shared/messages/team-members-words';
import { TEAM_NAMES, teamProblemText } from '../../shared/messages/team-words';
import { baseStyles } from '../../shared/tokens.styles';
import { syncStyles } from '../../sync/sync.styles';
import '../locket-team-cancel/locket-team-cancel';
import '../locket-team-invite/locket-team-invite';
import '../locket-team-members/locket-team-members';
import '../locket-team-pending/locket-team-pending';
import { mayRequireTwoFactor } from '../team-rights';
import '../team-events';
import { teamStyles } from '../team.styles';

/**
 * The options page's Team section: the members and what the viewer may change about them,
 * joins waiting for an admin, invites, the owner's rule that every member use two-factor, and
 * the owner's cancellation of the whole team.
 * Takes the team's view from the page; every part sends `locket-team-changed` after an act
 * so the page reads the view again.
 */
export class LocketTeamSettings extends LitElement {
  static override styles = [baseStyles, syncStyles, teamStyles, css`:host { gap: 20px; }`];

  @property({ attribute: false }) services!: TeamServices;
  @property({ attribute: false }) view!: TeamView;
  /** Where the owner's cancel control reads a cancellation this device's watch verified. */
  @property({ attribute: false }) retention: LocketServices['relayRetention'] | undefined = undefined;

  @state() private problem: TeamProblem | null = null;
  private readonly acts = new ActionController<'two-factor'>(this);
  private readonly locale = new LocaleController(this);

  private async requireTwoFactor(event: Event): Promise<void> {
    const box = event.target as HTMLInputElement;
    const required = box.checked;
    const ran = await this.acts.run('two-factor', () => this.services.setRequireTwoFactor(required));
    const took = ran.ok && ran.value.ok;
    this.problem = ran.ok && !ran.value.ok ? ran.value.error : null;
    // Refused: the box shows the rule as it stands, not as it was clicked.
    if (!took) { box.checked = this.view.requireTwoFactor; return; }
    this.dispatchEvent(locketEvent('locket-team-changed', undefined));
  }

  private renderTwoFactor() {
    const { view } = this;
    if (!mayRequireTwoFactor(view.myRole)) return html`<p>${view.requireTwoFactor ? W.twoFactorRequired : W.twoFactorOptional}</p>`;
    const error = this.acts.failure ? TEAM_NAMES.failed(failureText(this.acts.failure.cause)) : this.problem ? teamProblemText(this.problem) : '';
    return html`<div class="field">
      <label class="check"><input type="checkbox" .checked=${view.requireTwoFactor} ?disabled=${this.acts.busy}
        aria-describedby="two-factor-hint" @change=${(e: Event) => void this.requireTwoFactor(e)} />${W.twoFactorBox}</label>
      <p class="hint" id="two-factor-hint">${W.twoFactorHint}</p>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const { services, view } = this;
    return html`<p>${W.intro(TEAM_NAMES.roles[view.myRole])}</p>
      <locket-team-members .services=${services} .view=${view}></locket-team-members>
      <locket-team-pending .services=${services} .view=${view}></locket-team-pending>
      <locket-team-invite .services=${services} .view=${view}></locket-team-invite>
      ${this.renderTwoFactor()}
      ${view.myRole === 'owner' ? html`<locket-team-cancel .services=${services} .retention=${this.retention}></locket-team-cancel>` : nothing}`;
  }
}
