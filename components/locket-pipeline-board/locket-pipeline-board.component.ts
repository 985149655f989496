import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { createSavedLists } from '../../core/filters/saved-lists';
import { DEFAULT_SORT, EMPTY_FILTER, type Filter } from '../../core/filters/filter-schema';
import type { Board, BoardCard, BoardColumn } from '../../core/pipeline/board';
import { FIRST_READ, firstCards, type FirstCards, type FirstColumn } from '../../core/pipeline/first-cards';
import { pipelineOf, type PipelineSettings } from '../../core/pipeline/pipeline-settings';
import type { RecordId } from '../../core/records/types';
import type { PipelineOutcome } from '../../worker/contracts/pipeline';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController } from '../shared/action-controller';
import { locketEvent } from '../shared/events';
import { failureText } from '../shared/failure-text';
import { LocaleController } from '../shared/i18n/locale';
import { counted } from '../shared/i18n/format';
import { milestoneName, PIPELINE_WORDS, pipelineProblemText } from '../shared/messages/pipeline-words';
import { baseStyles } from '../shared/tokens.styles';
import { formatAmount, formatMonth, formatTotals } from './board-format';
import { renderLostForm } from './lost-form';
import { pipelineBoardStyles } from './locket-pipeline-board.styles';
import { LIST_WORDS } from '../shared/messages/list-words';
import '../locket-filter-bar/locket-filter-bar';
import { FIRST_BOARD_CARDS, FIRST_BOARD_COLUMNS } from '../../core/first-page/first-board';
import { BOARD_FIRST_PAINT_MARK, LIVE_SCREEN_MARKS, markOnce } from '../shared/first-row-mark';

type BoardAct = 'read' | 'change';

/** A column as drawn: the worker's, or the first read's (no count or totals yet). */
type ShownColumn = FirstColumn & Partial<Pick<BoardColumn, 'count' | 'totals'>>;

/** The drag's payload type: a card's record id, nothing a page outside Locket would send. */
const CARD_TYPE = 'application/x-locket-opportunity';
const WON = '#won';
const LOST = '#lost';

/**
 * The pipeline board: open opportunities in columns by the owner's milestones, each with its
 * count and totals per currency, stale cards marked, and the forecast above. A card moves by
 * dragging it to another column or through its "Move to…" menu (the keyboard's way); "Lost…"
 * asks for one of the owner's reasons. Above it, a list's filter bar: the cards, counts, totals,
 * stale marks and forecast are those of the matching opportunities, and the filter is remembered
 * (settings' list views) for the next time. The board is read in the worker and read again on every change.
 * Until the worker's first board arrives, and only while no filter is set, the page's own store reads the
 * newest opportunities and draws each column's first cards (first-cards.ts), counts and totals shown as
 * still counting.
 */
export class LocketPipelineBoard extends LitElement {
  static override styles = [baseStyles, pipelineBoardStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private board: Board | null = null;
  /** The first read's cards, shown only while `board` is null. */
  @state() private first: FirstCards | null = null;
  private firstPaintMarked = false;
  private completeMarked = false;
  @state() private pipeline: PipelineSettings | null = null;
  /** The card asking why it was lost. */
  @state() private losing: BoardCard | null = null;
  @state() private refusal: string | null = null;
  @state() private dropTarget: string | null = null;
  /** Null until the remembered filter is read: the board is not read unfiltered first. */
  @state() private filter: Filter | null = null;
  @state() private filterUnsaved = false;
  /** The newest read asked for: an older board arriving late is not shown over it. */
  private asked = 0;
  private readonly acts = new ActionController<BoardAct>(this);
  private readonly locale = new LocaleController(this);
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services.changes.subscribe((change) => {
      if (change.settings || change.kinds.includes('opportunity')) void this.load();
    });
    void this.views().boardFilter().catch(() => EMPTY_FILTER).then((filter) => {
      this.filter = filter;
      void this.load();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private get api() {
    const { pipeline } = this.services;
    if (!pipeline) throw new Error('The pipeline needs the worker behind this page');
    return pipeline;
  }

  private views() {
    return createSavedLists({ settings: this.services.store, newId: () => crypto.randomUUID() });
  }

  private async applyFilter(filter: Filter): Promise<void> {
    this.filter = filter;
    this.filterUnsaved = false;
    void this.load();
    this.filterUnsaved = !(await this.views().rememberBoardFilter(filter).catch(() => false));
  }

  private async load(): Promise<void> {
    const { filter } = this;
    if (filter === null) return;
    const asked = ++this.asked;
    // The board paints as soon as it arrives; the lost reasons are only needed for "Lost…".
    void this.api.readPipeline().then((pipeline) => { this.pipeline = pipeline; }, () => undefined);
    // The first cards are the newest opportunities unfiltered: a filtered board waits for the worker.
    if (this.board === null && filter.conditions.length === 0) void this.readFirstCards();
    const ran = await this.acts.run('read', () => this.api.pipelineBoard(filter), { keepFailure: true });
    if (ran.ok && asked === this.asked) this.board = ran.value;
  }

  /** The newest opportunities through the page's store, so the first cards need neither the worker nor a pass over every opportunity. */
  private async readFirstCards(): Promise<void> {
    try {
      const { store, clock } = this.services;
      const [newest, settings] = await Promise.all([store.page('opportunity', 0, FIRST_READ), store.getSettings()]);
      const opportunities = newest.filter((record) => record.kind === 'opportunity');
      if (this.board === null && (this.filter?.conditions.length ?? 0) === 0) this.first = firstCards(opportunities, FIRST_READ, pipelineOf(settings), clock.now());
    } catch {
      // Only a head start: the worker's board says what went wrong, if anything did.
    }
  }

  /** The frames after the first cards (or the whole board, when it came first) and the worker's board are drawn: the bench's figures. */
  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('board')) this.rememberFirstCards();
    if (!this.firstPaintMarked && (this.board !== null || this.first !== null)) {
      this.firstPaintMarked = true;
      // The first paint may be the early paint's, of cards remembered from before (entrypoints/sidepanel).
      requestAnimationFrame(() => { performance.mark(LIVE_SCREEN_MARKS.board); markOnce(BOARD_FIRST_PAINT_MARK); });
    }
    if (!this.completeMarked && this.board !== null) {
      this.completeMarked = true;
      requestAnimationFrame(() => performance.mark('locket:board-complete'));
    }
  }

  /** The unfiltered board's first cards as drawn, kept for the next side panel opened on it (core/first-page/first-board). */
  private rememberFirstCards(): void {
    const { board, filter, services: { firstScreens: keeper } } = this;
    if (!keeper || board === null || (filter?.conditions.length ?? 0) > 0) return;
    keeper.remember('board', () => ({
      columns: board.columns.slice(0, FIRST_BOARD_COLUMNS).map((column) => ({
        name: milestoneName(column.milestone),
        cards: column.cards.slice(0, FIRST_BOARD_CARDS).map((card) => ({ title: card.name, value: this.cardValue(card) })),
      })),
    }));
  }

  private cardValue(card: BoardCard): string {
    return `${card.value === null ? PIPELINE_WORDS.noValue : formatAmount({ currency: card.currency, amount: card.value })} · ${card.probability}%`;
  }

  private async change(write: () => Promise<PipelineOutcome>): Promise<void> {
    this.refusal = null;
    const ran = await this.acts.run('change', write);
    if (!ran.ok) return;
    if (!ran.value.ok) this.refusal = pipelineProblemText(ran.value.error);
    this.losing = null;
    await this.load();
  }

  private move(id: RecordId, milestoneId: string): void {
    void this.change(() => this.api.moveOpportunity(id, milestoneId));
  }

  private chose(card: BoardCard, select: HTMLSelectElement): void {
    const choice = select.value;
    select.value = '';
    if (choice === '') return;
    if (choice === LOST) { this.losing = card; return; }
    if (choice === WON) { void this.change(() => this.api.closeOpportunity(card.id, { status: 'won' })); return; }
    this.move(card.id, choice);
  }

  private drop(event: DragEvent, column: ShownColumn): void {
    event.preventDefault();
    this.dropTarget = null;
    const id = event.dataTransfer?.getData(CARD_TYPE);
    if (!id || !column.listed) return;
    const from = this.shownColumns().find((candidate) => candidate.cards.some((card) => card.id === id));
    if (from?.milestone.id !== column.milestone.id) this.move(id, column.milestone.id);
  }

  private renderCard(card: BoardCard, column: ShownColumn, columns: readonly ShownColumn[]) {
    const others = columns.filter((other) => other.listed && other.milestone.id !== column.milestone.id);
    return html`<li class="card ${card.stale ? 'stale' : ''}" draggable="true"
      @dragstart=${(e: DragEvent) => { e.dataTransfer?.setData(CARD_TYPE, card.id); if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move'; }}>
      <button class="name" @click=${() => this.dispatchEvent(locketEvent('locket-open', { id: card.id }))}
        aria-label=${PIPELINE_WORDS.open(card.name)}>${card.name}</button>
      <span>${this.cardValue(card)}</span>
      ${card.stale ? html`<span class="badge" title=${PIPELINE_WORDS.staleHint(column.milestone.daysUntilStale)}>${PIPELINE_WORDS.stale}</span>` : nothing}
      <select aria-label=${PIPELINE_WORDS.moveCard(card.name)} ?disabled=${this.acts.busyWith('change')}
        @change=${(e: Event) => this.chose(card, e.target as HTMLSelectElement)}>
        <option value="">${PIPELINE_WORDS.moveTo}</option>
        ${others.map((other) => html`<option value=${other.milestone.id}>${milestoneName(other.milestone)}</option>`)}
        <option value=${WON}>${PIPELINE_WORDS.won}</option>
        <option value=${LOST}>${PIPELINE_WORDS.lost}</option>
      </select>
      ${this.losing?.id === card.id ? renderLostForm({
        card, reasons: this.pipeline?.lostReasons ?? [], onCancel: () => { this.losing = null; },
        onLost: (reason) => void this.change(() => this.api.closeOpportunity(card.id, { status: 'lost', reason })),
      }) : nothing}
    </li>`;
  }

  private summary(column: ShownColumn): string {
    if (column.count === undefined) return `${PIPELINE_WORDS.counting}${column.listed ? '' : ` · ${PIPELINE_WORDS.notListed}`}`;
    const totals = column.totals && column.totals.length > 0 ? ` · ${formatTotals(column.totals)}` : '';
    return `${counted(column.count, PIPELINE_WORDS.opportunities)}${totals}${column.listed ? '' : ` · ${PIPELINE_WORDS.notListed}`}`;
  }

  private renderColumn(column: ShownColumn, columns: readonly ShownColumn[]) {
    const name = milestoneName(column.milestone);
    const id = `column-${column.milestone.id}`;
    return html`<section class="column ${this.dropTarget === column.milestone.id ? 'target' : ''}" aria-labelledby=${id}
      @dragover=${(e: DragEvent) => { if (column.listed) { e.preventDefault(); this.dropTarget = column.milestone.id; } }}
      @dragleave=${() => { if (this.dropTarget === column.milestone.id) this.dropTarget = null; }}
      @drop=${(e: DragEvent) => this.drop(e, column)}>
      <h3 id=${id}>${name}</h3>
      <p class="summary muted">${this.summary(column)}</p>
      <ul aria-label=${PIPELINE_WORDS.opportunitiesIn(name)}>
        ${repeat(column.cards, (card) => card.id, (card) => this.renderCard(card, column, columns))}
      </ul>
      ${column.count !== undefined && column.count > column.cards.length ? html`<p class="muted">${PIPELINE_WORDS.moreCards(column.count - column.cards.length)}</p>` : nothing}
    </section>`;
  }

  private renderForecast(board: Board) {
    return html`<section class="forecast" aria-labelledby="forecast-heading"><h3 id="forecast-heading">${PIPELINE_WORDS.forecast}</h3>
      ${board.forecast.length === 0 ? html`<p class="muted">${PIPELINE_WORDS.noForecast}</p>`
        : html`<ul>${board.forecast.map((line) => html`<li>${formatMonth(line.month)}: ${formatAmount({ currency: line.currency, amount: line.weighted })}</li>`)}</ul>`}
    </section>`;
  }

  private shownColumns(): readonly ShownColumn[] {
    return this.board?.columns ?? this.first?.columns ?? [];
  }

  private renderColumns(columns: readonly ShownColumn[]) {
    return html`<div class="board" role="group" aria-label=${PIPELINE_WORDS.milestones}>
      ${repeat(columns, (column) => column.milestone.id, (column) => this.renderColumn(column, columns))}
    </div>`;
  }

  protected override render() {
    const { board, first } = this;
    const failure = this.acts.failure;
    const filter = this.filter ?? EMPTY_FILTER;
    return html`<h2>${LIST_WORDS.pipeline}</h2>
      <locket-filter-bar .services=${this.services} kind="opportunity" no-sort .filter=${filter} .sort=${DEFAULT_SORT}
        @locket-filter-change=${(e: HTMLElementEventMap['locket-filter-change']) => void this.applyFilter(e.detail.filter)}></locket-filter-bar>
      ${this.filterUnsaved ? html`<p class="muted" role="status">${PIPELINE_WORDS.filterUnsaved}</p>` : nothing}
      ${failure ? html`<p class="error" role="alert">${(failure.act === 'read' ? PIPELINE_WORDS.readFailed : PIPELINE_WORDS.changeFailed)(failureText(failure.cause))}</p>` : nothing}
      ${this.refusal ? html`<p class="error" role="alert">${this.refusal}</p>` : nothing}
      ${board !== null ? html`
        ${this.renderForecast(board)}
        ${board.columns.every((column) => column.count === 0)
          ? html`<p class="muted">${filter.conditions.length > 0 ? PIPELINE_WORDS.noneMatch : PIPELINE_WORDS.empty}</p>` : nothing}
        ${this.renderColumns(board.columns)}`
        : first !== null ? html`
        <section class="forecast" aria-labelledby="forecast-heading"><h3 id="forecast-heading">${PIPELINE_WORDS.forecast}</h3>
          <p class="muted" role="status">${PIPELINE_WORDS.counting}</p></section>
        ${this.renderColumns(first.columns)}`
        : html`<p class="muted" role="status">${LIST_WORDS.pipelineLoading}</p>`}`;
  }
}
