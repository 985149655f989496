import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SweepReport } from '../../worker/sweep-contract';
import type { RetentionServices } from '../../platform/page-services/services';
import { TRIGGER_TEXT, dateTime, durationText, kindCounts } from '../locket-retention-settings/retention-text';
import { SWEEP_WORDS as WORDS } from './sweep-words';
import { LocaleController } from '../shared/i18n/locale';
import { ActionController } from '../shared/action-controller';
import { failureText, sweepErrorText } from '../shared/failure-text';
import { baseStyles } from '../shared/tokens.styles';
import { sweepStatusStyles } from './locket-sweep-status.styles';
import { clockHoldText, snapshotSkippedText } from './sweep-notice-text';

/** Sent (bubbling, composed) when a sweep newer than the one shown has finished; detail: its report. */
export const SWEEP_REPORTED = 'locket-sweep-reported';

/**
 * How often the report is read again while the page is visible: the page's own sweep, or the
 * background's, finishes after this element has shown the report before it.
 */
export const SWEEP_REPORT_REFRESH_MS = 30_000;

type SweepAct = 'read' | 'sweep';

/** What the owner reads when an act failed; `cause` is the failure in words. */
const FAILED: { readonly [A in SweepAct]: (cause: string) => string } = {
  read: (cause) => WORDS.readFailed(cause),
  sweep: (cause) => WORDS.sweepFailed(cause),
};

/**
 * The last sweep's report, when the next one is due, and the button that runs one now.
 * Sends `locket-sweep-reported` whenever it sees a newer report than the one it showed.
 */
export class LocketSweepStatus extends LitElement {
  static override styles = [baseStyles, sweepStatusStyles];

  @property({ attribute: false }) retention!: RetentionServices;

  /** Undefined while loading; null before the first sweep. */
  @state() private report: SweepReport | null | undefined = undefined;
  @state() private nextAt: number | null = null;
  @state() private notice = '';
  private readonly acts = new ActionController<SweepAct>(this);
  private readonly locale = new LocaleController(this);

  private refreshTimer: ReturnType<typeof setInterval> | undefined;

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') void this.load();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.refreshTimer = setInterval(() => {
      if (document.visibilityState === 'visible' && !this.acts.busyWith('sweep')) void this.load();
    }, SWEEP_REPORT_REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearInterval(this.refreshTimer);
  }

  /** A reload leaves a failure shown in place: the owner did not start it. */
  private async load(): Promise<void> {
    await this.acts.run('read', async () => {
      const [report, nextAt] = await Promise.all([this.retention.lastSweep(), this.retention.nextSweepAt()]);
      this.show(report);
      this.nextAt = nextAt;
    }, { keepFailure: true });
  }

  /**
   * Shows `report` unless the one shown is newer, and tells the page when it is a sweep it had not
   * seen. `ownSweep` shows it whatever its time: a clock set back makes the newest report look older.
   */
  private show(report: SweepReport | null, ownSweep = false): void {
    const shown = this.report;
    if (report === null) { if (shown === undefined) this.report = null; return; }
    if (shown && !ownSweep && shown.finishedAt >= report.finishedAt) return;
    const firstLoad = shown === undefined;
    this.report = report;
    if (!firstLoad) this.dispatchEvent(new CustomEvent(SWEEP_REPORTED, { detail: report, bubbles: true, composed: true }));
  }

  private async runNow(): Promise<void> {
    this.notice = '';
    await this.acts.run('sweep', async () => {
      const report = await this.retention.sweepNow();
      this.notice = report ? WORDS.finished : WORDS.alreadyRunning;
      if (report) this.show(report, true);
      await this.load();
    });
  }

  private errorText(): string {
    const failure = this.acts.failure;
    return failure ? FAILED[failure.act](failureText(failure.cause)) : '';
  }

  private renderReport(report: SweepReport) {
    const purged = kindCounts(report.purged);
    return html`<ul class="report" aria-label=${WORDS.lastSweep}>
      ${report.held ? html`<li class="held" role="alert">${clockHoldText(report.held)}</li>` : nothing}
      <li>${WORDS.finishedAt} <time datetime=${new Date(report.finishedAt).toISOString()}>${dateTime.format(report.finishedAt)}</time>${
        WORDS.howLong(TRIGGER_TEXT[report.trigger], durationText(report.durationMs))}</li>
      <li>${purged ? WORDS.purged(purged) : report.held ? WORDS.nothingPurged : WORDS.nothingDue}</li>
      <li>${WORDS.snapshots(report.snapshotsDeleted, report.snapshotTaken !== null)}</li>
      ${report.snapshotSkipped ? html`<li class="held" role="alert">${snapshotSkippedText(report.snapshotSkipped)}</li>` : nothing}
      <li>${WORDS.logins(report.loginsDeleted)}</li>
      ${report.changeSetsDeleted + report.changeSetsRewritten > 0
        ? html`<li>${WORDS.changeHistory(report.changeSetsDeleted, report.changeSetsRewritten)}</li>` : nothing}
      ${report.changeSetsAwaitingKey > 0 ? html`<li>${WORDS.awaitingKey(report.changeSetsAwaitingKey)}</li>` : nothing}
      ${report.error ? html`<li class="error" role="alert">${sweepErrorText(report.error)}
        ${WORDS.continues}</li>` : nothing}
    </ul>`;
  }

  protected override render() {
    const report = this.report;
    const running = this.acts.busyWith('sweep');
    const error = this.errorText();
    return html`
      <h3>${WORDS.sweeps}</h3>
      <p class="muted">${WORDS.intro}</p>
      ${report === undefined ? html`<p class="muted" role="status">${WORDS.loading}</p>`
        : report === null ? html`<p>${WORDS.noneYet}</p>` : this.renderReport(report)}
      <p>${WORDS.nextDue} ${this.nextAt === null ? WORDS.whenOpens
        : html`<time datetime=${new Date(this.nextAt).toISOString()}>${dateTime.format(this.nextAt)}</time>`}</p>
      <div class="actions">
        <button type="button" ?disabled=${running} @click=${() => void this.runNow()}>${WORDS.runNow}</button>
        ${running ? html`<span class="muted" role="status">${WORDS.sweeping}</span>` : nothing}
        ${this.notice ? html`<span class="status" role="status">${this.notice}</span>` : nothing}
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}`;
  }
}
