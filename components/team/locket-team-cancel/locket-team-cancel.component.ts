import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { systemClock, type Clock } from '../../../core/clock';
import { CANCELLATION_DAYS, windowEnd } from '../../../core/retention/windows';
import type { TeamProblem } from '../../../core/team/team-view';
import type { LocketServices, TeamServices } from '../../../platform/page-services/services';
import type { TeamCancelled } from '../../../worker/contracts/team';
import { ActionController } from '../../shared/action-controller';
import { locketEvent } from '../../shared/events';
import { failureText } from '../../shared/failure-text';
import { formatDate } from '../../shared/i18n/format';
import { LocaleController } from '../../shared/i18n/locale';
import { TEAM_CANCEL_WORDS as W } from '../../shared/messages/team-cancel-words';
import { TEAM_NAMES, teamProblemText } from '../../shared/messages/team-words';
import { baseStyles } from '../../shared/tokens.styles';
import { syncStyles } from '../../sync/sync.styles';
import '../team-events';
import { teamStyles } from '../team.styles';

type CancelAct = 'cancel' | 'restore';

/**
 * The owner's control over the whole team: cancel it (every member loses access at once, and
 * after 14 days the relay deletes it and each device its copy), and restore it within those
 * 14 days. Shown to the owner only; the worker and the relay refuse anyone else too. Sends
 * `locket-team-changed` after each act that took.
 */
export class LocketTeamCancel extends LitElement {
  static override styles = [baseStyles, syncStyles, teamStyles];

  @property({ attribute: false }) services!: TeamServices;
  /** The cancellation this device knows of (the relay retention watch's); null while the team is active. */
  @property({ attribute: false }) cancelled: TeamCancelled | null = null;
  /**
   * Where the page learns, after a reload, of a cancellation this device's watch verified (the
   * relay then serves the team no view); absent where no sync worker runs.
   */
  @property({ attribute: false }) retention: LocketServices['relayRetention'] | undefined = undefined;
  /** Where the team serves no view: only a cancellation, with its restore, is shown; nothing while it is unknown. */
  @property({ type: Boolean, attribute: 'restore-only' }) restoreOnly = false;
  /** What "14 days on" counts from in the confirmation. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private confirming = false;
  @state() private problem: TeamProblem | null = null;
  private readonly acts = new ActionController<CancelAct>(this);
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.readCancellation();
  }

  private async readCancellation(): Promise<void> {
    if (!this.retention || this.cancelled) return;
    const { team } = await this.retention.relayRetention();
    if (team.type === 'cancelled') this.cancelled = { signedAt: team.signedAt, restorableUntil: team.restorableUntil };
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // The confirmation opens on its safe answer, as the team's other confirmations do.
    if (changed.has('confirming') && this.confirming) this.renderRoot.querySelector<HTMLElement>('.confirm button.keep')?.focus();
  }

  private show(confirming: boolean): void {
    this.confirming = confirming;
    this.problem = null;
    this.acts.clear();
  }

  private async cancelTeam(): Promise<void> {
    if (this.acts.busy) return;
    const ran = await this.acts.run('cancel', () => this.services.cancelTeam());
    if (!ran.ok) return;
    if (!ran.value.ok) { this.problem = ran.value.error; return; }
    this.show(false);
    this.cancelled = ran.value.value;
    this.dispatchEvent(locketEvent('locket-team-changed', undefined));
  }

  private async restoreTeam(): Promise<void> {
    if (this.acts.busy) return;
    const ran = await this.acts.run('restore', () => this.services.restoreTeam());
    if (!ran.ok) return;
    if (!ran.value.ok) { this.problem = ran.value.error; return; }
    this.show(false);
    this.cancelled = null;
    this.dispatchEvent(locketEvent('locket-team-changed', undefined));
  }

  private renderConfirm() {
    const busy = this.acts.busyWith('cancel');
    const until = formatDate(windowEnd(this.clock.now(), CANCELLATION_DAYS));
    return html`<div class="confirm" role="alertdialog" aria-label=${W.confirmName}>
      <p><strong>${W.question}</strong></p><p>${W.loseAccess}</p><p>${W.restoreUntil(until)}</p><p>${W.afterThat}</p>
      <div class="actions"><button class="danger" ?disabled=${busy} @click=${() => void this.cancelTeam()}>${busy ? W.cancelling : W.confirm}</button>
        <button class="keep" @click=${() => this.show(false)}>${W.keep}</button></div>
    </div>`;
  }

  private renderState() {
    const { cancelled } = this;
    if (cancelled) {
      const busy = this.acts.busyWith('restore');
      return html`<p>${W.cancelled(formatDate(cancelled.signedAt), formatDate(cancelled.restorableUntil))}</p>
        <div class="actions"><button class="primary" ?disabled=${busy} @click=${() => void this.restoreTeam()}>${busy ? W.restoring : W.restore}</button></div>`;
    }
    if (this.restoreOnly) return nothing;
    if (this.confirming) return this.renderConfirm();
    return html`<div class="actions"><button class="danger" @click=${() => this.show(true)}>${W.open}</button></div>`;
  }

  protected override render() {
    const error = this.acts.failure ? TEAM_NAMES.failed(failureText(this.acts.failure.cause)) : this.problem ? teamProblemText(this.problem) : '';
    return html`<section aria-label=${W.heading}>${this.renderState()}
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}</section>`;
  }
}
