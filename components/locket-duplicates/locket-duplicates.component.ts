import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { StoreChange } from '../../core/db/change-bus';
import { PARTY_KINDS, type PartyKind } from '../../core/merge/contract';
import type { DuplicatePairView, PairSide } from '../../worker/contracts/duplicates';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { LocaleController } from '../shared/i18n/locale';
import { MERGE_WORDS } from '../shared/messages/merge-words';
import { mergeEvent } from '../shared/merge-events';
import { titleText } from '../shared/record-title';
import { createSettledRunner, timerSchedule, type Schedule } from '../shared/settled-runner';
import { baseStyles } from '../shared/tokens.styles';
import { duplicatesStyles } from './locket-duplicates.styles';

type DuplicatesAct = 'read' | 'dismiss';

/** Pairs are read again this long after the last change, so typing in another page does not recompute every pair per keystroke. */
export const DUPLICATES_SETTLE_MS = 1000;

/** Only people and organisations make pairs (a person's organisation names them too). */
const touchesParties = (change: StoreChange): boolean => change.kinds.some((kind) => (PARTY_KINDS as readonly string[]).includes(kind));

const sideName = (side: PairSide, kind: PartyKind): string => titleText(side.title, kind);

/**
 * Likely duplicate pairs of one kind, found by the worker; each pair can be compared (the
 * workspace opens the compare view) or marked "Not duplicates". Nothing merges from here.
 */
export class LocketDuplicates extends LitElement {
  static override styles = [baseStyles, duplicatesStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property() kind: PartyKind = 'person';
  /** When a settled run happens; tests fire it by hand. */
  @property({ attribute: false }) schedule: Schedule = timerSchedule;

  @state() private pairs: readonly DuplicatePairView[] | null = null;
  private readonly acts = new ActionController<DuplicatesAct>(this);
  private readonly locale = new LocaleController(this);
  private unsubscribe?: () => void;
  // Every change in any page reaches this view: each would otherwise compare every pair again.
  private readonly reads = createSettledRunner(() => this.load(), (run, delayMs) => this.schedule(run, delayMs), DUPLICATES_SETTLE_MS);

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services.changes.subscribe((change) => { if (touchesParties(change)) this.reads.changed(); });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.reads.stop();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('kind')) {
      this.pairs = null;
      void this.reads.runNow();
    }
  }

  private async load(): Promise<void> {
    const ran = await this.acts.run('read', () => this.services.duplicates.duplicatePairs(this.kind), { keepFailure: true });
    if (ran.ok) this.pairs = ran.value;
  }

  private async dismiss(pair: DuplicatePairView): Promise<void> {
    const [a, b] = pair.sides;
    const ran = await this.acts.run('dismiss', () => this.services.store.markNotDuplicates(a.id, b.id));
    if (ran.ok) this.pairs = (this.pairs ?? []).filter((each) => each !== pair);
  }

  private renderPair(pair: DuplicatePairView) {
    const [a, b] = pair.sides.map((side) => sideName(side, this.kind)) as [string, string];
    return html`<li>
      <span class="names">${a} · ${b}</span>
      <span class="muted">${MERGE_WORDS.reasons[pair.reason]}</span>
      <div class="actions">
        <button aria-label=${MERGE_WORDS.compareNames(a, b)}
          @click=${() => this.dispatchEvent(mergeEvent('locket-compare', { ids: [pair.sides[0].id, pair.sides[1].id] }))}>${MERGE_WORDS.compare}</button>
        <button aria-label=${MERGE_WORDS.notDuplicatesNames(a, b)} ?disabled=${this.acts.busyWith('dismiss')}
          @click=${() => void this.dismiss(pair)}>${MERGE_WORDS.notDuplicates}</button>
      </div>
    </li>`;
  }

  protected override render() {
    const failure = this.acts.failure;
    const kinds = MERGE_WORDS.kinds[this.kind];
    const pairs = this.pairs;
    return html`<h2 tabindex="-1">${MERGE_WORDS.duplicatesOf(kinds)}</h2>
      <p class="muted">${MERGE_WORDS.intro}</p>
      ${failure ? html`<p class="error" role="alert">${(failure.act === 'read' ? MERGE_WORDS.readFailed : MERGE_WORDS.changeFailed)(failureText(failure.cause))}</p>` : nothing}
      ${pairs === null ? html`<p class="muted" role="status">${MERGE_WORDS.looking}</p>`
        : pairs.length === 0 ? html`<p role="status">${MERGE_WORDS.none(kinds)}</p>`
          : html`<ul aria-label=${MERGE_WORDS.pairs}>${pairs.map((pair) => this.renderPair(pair))}</ul>`}`;
  }
}
