import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { SnapshotInfo } from '../../core/snapshots/types';
import type { RestoreOutcome } from '../../worker/contract';
import type { LocketServices } from '../../platform/page-services/services';
import { REASON_TEXT, countTotal, dateTime, kindCounts, sizeText } from '../locket-retention-settings/retention-text';
import { SNAPSHOT_WORDS as WORDS } from './snapshot-words';
import { LocaleController } from '../shared/i18n/locale';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { policyProblemText } from '../shared/messages/retention-messages';
import { restoreProblemText } from '../shared/messages/archive-messages';
import { baseStyles } from '../shared/tokens.styles';
import { snapshotsStyles } from './locket-snapshots.styles';
import { formatNumber } from '../shared/i18n/format';

type SnapshotAct = 'read-choice' | 'list' | 'save-choice' | 'take' | 'restore';

/** What the owner reads when an act failed; `cause` is the failure in words. */
const FAILED = (act: SnapshotAct, cause: string): string => WORDS.failed[act](cause);

const restoreLabel = (snapshot: SnapshotInfo): string => WORDS.restoreOf(dateTime.format(snapshot.takenAt));

/**
 * Archival snapshots: the daily switch, the snapshots kept, one taken on demand, and a restore
 * behind a confirmation (the worker takes a snapshot of the current data first).
 */
export class LocketSnapshots extends LitElement {
  static override styles = [baseStyles, snapshotsStyles];

  @property({ attribute: false }) services!: LocketServices;
  /** Bumped by the owner element when a sweep has run, since a sweep takes and expires snapshots. */
  @property({ type: Number }) revision = 0;

  @state() private enabled: boolean | null = null;
  @state() private snapshots: readonly SnapshotInfo[] | null = null;
  @state() private confirming: SnapshotInfo | null = null;
  private readonly acts = new ActionController<SnapshotAct>(this);
  private readonly locale = new LocaleController(this);
  @state() private outcome: RestoreOutcome | null = null;
  @state() private notice = '';
  /** A choice the policy refused, in the words of the retention table. */
  @state() private refused = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.acts.run('read-choice', async () => {
      this.enabled = (await this.services.retention.readPolicy()).snapshotsEnabled;
    }, { keepFailure: true });
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('revision') && this.hasUpdated) void this.load();
  }

  /** An open confirmation takes the focus on its safe choice, so Enter never restores by accident. */
  protected override updated(changed: PropertyValues): void {
    if (changed.has('confirming') && this.confirming) this.renderRoot.querySelector<HTMLButtonElement>('.confirm .keep')?.focus();
  }

  private async load(): Promise<void> {
    await this.acts.run('list', async () => {
      this.snapshots = await this.services.archives.listSnapshots();
    }, { keepFailure: true });
  }

  private async switchDaily(on: boolean): Promise<void> {
    this.notice = '';
    this.refused = '';
    // The switch shows the owner's choice while it is saved (a render during the save must not
    // flip it back), and what is stored once the save is refused or fails.
    const stored = this.enabled;
    this.enabled = on;
    await this.acts.run('save-choice', async () => {
      const result = await this.services.retention.writePolicy({ snapshotsEnabled: on }).catch((error: unknown) => {
        this.enabled = stored;
        throw error;
      });
      if (!result.ok) { this.refused = policyProblemText(result.error); this.enabled = stored; return; }
      this.enabled = result.value.snapshotsEnabled;
      this.notice = on ? WORDS.dailyOn : WORDS.dailyOff;
    });
  }

  private async takeNow(): Promise<void> {
    this.notice = '';
    this.refused = '';
    const ran = await this.acts.run('take', () => this.services.archives.takeSnapshot());
    if (!ran.ok) return;
    this.notice = WORDS.taken(ran.value.records, sizeText(ran.value.bytes));
    await this.load();
  }

  private async restore(snapshot: SnapshotInfo): Promise<void> {
    if (this.acts.busyWith('restore')) return;
    this.notice = '';
    this.refused = '';
    this.outcome = null;
    const ran = await this.acts.run('restore', (onProgress) => this.services.archives.restoreSnapshot(snapshot.id, onProgress), { total: 0 });
    if (!ran.ok) return;
    this.outcome = ran.value;
    this.confirming = null;
    await this.load();
  }

  private renderConfirmation(snapshot: SnapshotInfo) {
    const busy = this.acts.busyWith('restore');
    return html`<div class="confirm" role="alertdialog" aria-labelledby="restore-title" aria-describedby="restore-effect">
      <p id="restore-title"><strong>${WORDS.restoreQuestion(dateTime.format(snapshot.takenAt))}</strong></p>
      <p id="restore-effect">${WORDS.restoreEffect}</p>
      <div class="actions">
        <button class="danger" type="button" ?disabled=${busy} @click=${() => void this.restore(snapshot)}>${WORDS.restoreThis}</button>
        <button class="keep" type="button" ?disabled=${busy} @click=${() => { this.confirming = null; }}>${WORDS.cancel}</button>
      </div>
      ${this.acts.progress ? html`<progress aria-label=${WORDS.progress} max=${Math.max(this.acts.progress.total, 1)}
        .value=${this.acts.progress.done}></progress>` : nothing}
    </div>`;
  }

  private renderOutcome(outcome: RestoreOutcome) {
    if (!outcome.ok) return html`<p class="error" role="alert">${WORDS.notRestored(restoreProblemText(outcome.error))}</p>`;
    const report = outcome.value;
    const counts = kindCounts(report.records);
    return html`<p class="status" role="status">${WORDS.restored(countTotal(report.records), counts)}
      ${report.skippedErased > 0 ? WORDS.erasedLeftOut(report.skippedErased) : ''}
      ${WORDS.keptAsSnapshot}</p>`;
  }

  private renderRow(snapshot: SnapshotInfo) {
    return html`<tr>
      <td><time datetime=${new Date(snapshot.takenAt).toISOString()}>${dateTime.format(snapshot.takenAt)}</time></td>
      <td>${REASON_TEXT[snapshot.reason]}</td>
      <td class="number">${formatNumber(snapshot.records)}</td>
      <td class="number">${sizeText(snapshot.bytes)}</td>
      <td><button type="button" aria-label=${restoreLabel(snapshot)} ?disabled=${this.acts.busyWith('restore')}
        @click=${() => { this.outcome = null; this.confirming = snapshot; }}>${WORDS.restore}</button></td>
    </tr>`;
  }

  private renderList(snapshots: readonly SnapshotInfo[]) {
    if (snapshots.length === 0) return html`<p class="muted">${WORDS.none}</p>`;
    return html`<table>
      <caption>${WORDS.caption}</caption>
      <thead><tr><th scope="col">${WORDS.takenColumn}</th><th scope="col">${WORDS.why}</th><th scope="col">${WORDS.records}</th>
        <th scope="col">${WORDS.size}</th><th scope="col"><span class="visually-hidden">${WORDS.action}</span></th></tr></thead>
      <tbody>${snapshots.map((snapshot) => this.renderRow(snapshot))}</tbody>
    </table>`;
  }

  protected override render() {
    return html`
      <h3>${WORDS.snapshots}</h3>
      <p class="muted">${WORDS.intro}</p>
      <label class="switch"><input type="checkbox" role="switch" .checked=${live(this.enabled === true)}
        ?disabled=${this.enabled === null} @change=${(e: Event) => void this.switchDaily((e.target as HTMLInputElement).checked)} />
        ${WORDS.keepDaily}</label>
      <div class="actions">
        <button type="button" ?disabled=${this.acts.busyWith('take') || this.acts.busyWith('restore')} @click=${() => void this.takeNow()}>${WORDS.takeNow}</button>
        ${this.acts.busyWith('take') ? html`<span class="muted" role="status">${WORDS.taking}</span>` : nothing}
      </div>
      ${this.notice ? html`<p class="status" role="status">${this.notice}</p>` : nothing}
      ${this.snapshots === null ? html`<p class="muted" role="status">${WORDS.loading}</p>` : this.renderList(this.snapshots)}
      ${this.confirming ? this.renderConfirmation(this.confirming) : nothing}
      ${this.outcome ? this.renderOutcome(this.outcome) : nothing}
      ${this.errorText() ? html`<p class="error" role="alert">${this.errorText()}</p>` : nothing}`;
  }

  private errorText(): string {
    const failure = this.acts.failure;
    return failure ? FAILED(failure.act, failureText(failure.cause)) : this.refused;
  }
}
