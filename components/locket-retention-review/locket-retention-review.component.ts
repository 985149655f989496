import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RecordId } from '../../core/records/types';
import type { RetentionRule } from '../../core/retention/policy';
import { TRASH_DAYS } from '../../core/retention/windows';
import type { RetentionCandidate } from '../../worker/contract';
import type { LocketServices } from '../../platform/page-services/services';
import { SINCE_TEXT, calendarDate, dateOnly, ruleText } from '../locket-retention-settings/retention-text';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { baseStyles } from '../shared/tokens.styles';
import { LocaleController } from '../shared/i18n/locale';
import { retentionReviewStyles } from './locket-retention-review.styles';
import { REVIEW_WORDS as WORDS } from '../locket-retention-settings/retention-words';
import { titleText } from '../shared/record-title';

type ReviewAct = 'propose' | 'move' | 'audit';

/** What the owner reads when an act failed; `cause` is the failure in words. */
const FAILED: { readonly [A in ReviewAct]: (cause: string) => string } = {
  propose: (cause) => WORDS.proposeFailed(cause),
  move: (cause) => WORDS.moveFailed(cause),
  audit: (cause) => WORDS.auditFailed(cause),
};

/**
 * What one retention rule proposes now. Nothing moves until the owner keeps the records
 * they mean (all are checked at first) and confirms; then they go to the trash, restorable
 * for 30 days, and the audit log notes the rule and how many moved.
 */
export class LocketRetentionReview extends LitElement {
  static override styles = [baseStyles, retentionReviewStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property({ attribute: false }) rule!: RetentionRule;

  @state() private candidates: readonly RetentionCandidate[] | null = null;
  @state() private selected: ReadonlySet<RecordId> = new Set();
  @state() private confirming = false;
  @state() private moved: number | null = null;
  private readonly acts = new ActionController<ReviewAct>(this);
  private readonly locale = new LocaleController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rule') && this.services) {
      this.moved = null;
      this.acts.clear();
      void this.propose();
    }
  }

  /** An open confirmation takes the focus on its safe choice, so Enter never moves records by accident. */
  protected override updated(changed: PropertyValues): void {
    if (changed.has('confirming') && this.confirming) this.renderRoot.querySelector<HTMLButtonElement>('.confirm .keep')?.focus();
  }

  /**
   * Reads what the rule proposes; the owner may choose another rule meanwhile, whose run then wins.
   * A failure of the move shown before stays: checking again after a move is not the owner's act.
   */
  private async propose(): Promise<void> {
    const rule = this.rule;
    this.candidates = null;
    this.confirming = false;
    const ran = await this.acts.run('propose', () => this.services.retention.proposeRetention(rule), { keepFailure: true });
    if (!ran.ok) return;
    this.candidates = ran.value;
    this.selected = new Set(ran.value.map((candidate) => candidate.id));
  }

  private toggle(id: RecordId, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id); else next.delete(id);
    this.selected = next;
    if (next.size === 0) this.confirming = false;
  }

  private async moveToTrash(): Promise<void> {
    const rule = this.rule;
    const ids = (this.candidates ?? []).map((candidate) => candidate.id).filter((id) => this.selected.has(id));
    await this.acts.run('move', async () => {
      const moved = await this.services.store.removeMany(ids);
      this.moved = moved;
      await this.acts.run('audit', () => this.services.store.audit.append({
        type: 'retention-rule-applied', by: 'owner', subjects: [], detail: { rule: rule.kind, months: rule.months, moved },
      }));
    });
    this.confirming = false;
    if (this.moved !== null) await this.propose();
  }

  private get moving(): boolean {
    return this.acts.busyWith('move');
  }

  private errorText(): string {
    const failure = this.acts.failure;
    return failure ? FAILED[failure.act](failureText(failure.cause)) : '';
  }

  private renderCandidate(candidate: RetentionCandidate) {
    return html`<li><label>
      <input type="checkbox" .checked=${this.selected.has(candidate.id)} ?disabled=${this.moving}
        @change=${(e: Event) => this.toggle(candidate.id, (e.target as HTMLInputElement).checked)} />
      <span class="title">${titleText(candidate.title, candidate.kind)}</span>
      ${candidate.subtitle ? html`<span class="muted">${candidate.subtitle}</span>` : nothing}
      <span class="since">${SINCE_TEXT[this.rule.kind]}
        ${(this.rule.kind === 'lost-opportunities' ? calendarDate : dateOnly).format(candidate.since)}</span>
    </label></li>`;
  }

  private renderConfirmation(count: number) {
    return html`<div class="confirm" role="alertdialog" aria-labelledby="move-title">
      <p id="move-title"><strong>${WORDS.moveQuestion(count)}</strong>
        ${WORDS.restorableFor(TRASH_DAYS)}</p>
      <div class="actions">
        <button class="danger" type="button" ?disabled=${this.moving} @click=${() => void this.moveToTrash()}>${WORDS.moveToTrash}</button>
        <button class="keep" type="button" ?disabled=${this.moving} @click=${() => { this.confirming = false; }}>${WORDS.cancel}</button>
      </div>
    </div>`;
  }

  private renderCandidates(candidates: readonly RetentionCandidate[]) {
    if (candidates.length === 0) return html`<p class="muted">${WORDS.nothingMatches}</p>`;
    const count = this.selected.size;
    return html`
      <p class="muted">${WORDS.matching(candidates.length)}</p>
      <ul class="candidates" aria-label=${WORDS.proposed}>${candidates.map((candidate) => this.renderCandidate(candidate))}</ul>
      <div class="actions">
        <button class="danger" type="button" ?disabled=${count === 0 || this.moving || this.confirming}
          @click=${() => { this.moved = null; this.confirming = true; }}>${WORDS.moveCount(count)}</button>
      </div>
      ${this.confirming ? this.renderConfirmation(count) : nothing}`;
  }

  /** One status at a time: after a move, its count stays the status while the rule is checked again. */
  protected override render() {
    const moved = this.moved;
    const error = this.errorText();
    return html`<section aria-labelledby="review-heading">
      <h4 id="review-heading">${WORDS.review(ruleText(this.rule))}</h4>
      ${moved !== null ? html`<p class="status" role="status">${WORDS.moved(moved, TRASH_DAYS)}</p>` : nothing}
      ${this.candidates === null ? (error || moved !== null ? nothing : html`<p class="muted" role="status">${WORDS.checking}</p>`)
        : this.renderCandidates(this.candidates)}
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    </section>`;
  }
}
