import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createSavedLists } from '../../core/filters/saved-lists';
import { DEFAULT_SORT, EMPTY_FILTER, type Filter } from '../../core/filters/filter-schema';
import type { Board, BoardCard } from '../../core/pipeline/board';
import { FIRST_READ, firstCards, type FirstCards } from '../../core/pipeline/first-cards';
import { pipelineOf, type PipelineSettings } from '../../core/pipeline/pipeline-settings';
import type { PipelineOutcome } from '../../worker/contracts/pipeline';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController } from '../shared/action-controller';
import { locketEvent } from '../shared/events';
import { failureText } from '../shared/failure-text';
import { LocaleController } from '../shared/i18n/locale';
import { milestoneName, PIPELINE_WORDS, pipelineProblemText } from '../shared/messages/pipeline-words';
import { baseStyles } from '../shared/tokens.styles';
import { cardValueText, renderColumns, renderForecast, type ColumnsHost } from './board-columns';
import { pipelineBoardStyles } from './locket-pipeline-board.styles';
import { LIST_WORDS } from '../shared/messages/list-words';
import '../locket-filter-bar/locket-filter-bar';
import { FIRST_BOARD_CARDS, FIRST_BOARD_COLUMNS } from '../../core/first-page/first-board';
import { BOARD_FIRST_PAINT_MARK, LIVE_SCREEN_MARKS, markOnce } from '../shared/first-row-mark';

type BoardAct = 'read' | 'change';

/**
 * The pipeline board: open opportunities in columns by the owner's milestones, each with its
 * count and totals per currency, stale cards marked, and the forecast above. A card moves by
 * dragging it to another column or through its "Move to…" menu (the keyboard's way); "Lost…"
 * asks for one of the owner's reasons. Above it, a list's filter bar: the cards, counts, totals,
 * stale marks and forecast are those of the matching opportunities, and the filter is remembered
 * (settings' list views) for the next time; "Save list" keeps it as a board list, which opens
 * this element with `list-id` and its filter (then nothing is remembered as the board's own).
 * The board is read in the worker and read again on every change. The columns are drawn by board-columns.ts.
 * Until the worker's first board arrives, and only while no filter is set, the page's own store reads the
 * newest opportunities and draws each column's first cards (first-cards.ts), counts and totals shown as
 * still counting.
 */
export class LocketPipelineBoard extends LitElement {
  static override styles = [baseStyles, pipelineBoardStyles];

  @property({ attribute: false }) services!: LocketServices;
  /** A saved board list open now ('' for the board itself): its filter is shown, and changes to it are not remembered as the board's. */
  @property({ attribute: 'list-id' }) listId = '';
  /** The saved board list's filter; read once, when connected. */
  @property({ attribute: false }) listFilter: Filter = EMPTY_FILTER;

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
    const opening = this.listId === '' ? this.views().boardFilter().catch(() => EMPTY_FILTER) : Promise.resolve(this.listFilter);
    void opening.then((filter) => {
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
    // A saved list keeps its filter as saved ("Save list" keeps the changed one under a name); the board remembers its own.
    if (this.listId !== '') return;
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

  /**
   * The board's first cards as drawn under its own remembered filter, kept for the next side panel
   * opened on it (core/first-page/first-board), which opens under that filter too. A saved list's
   * board is not the board's: it is never kept. A change of the board's filter is a settings
   * change, which forgets the kept screen until this draws again.
   */
  private rememberFirstCards(): void {
    const { board, listId, services: { firstScreens: keeper } } = this;
    if (!keeper || board === null || listId !== '') return;
    keeper.remember('board', () => ({
      columns: board.columns.slice(0, FIRST_BOARD_COLUMNS).map((column) => ({
        name: milestoneName(column.milestone),
        cards: column.cards.slice(0, FIRST_BOARD_CARDS).map((card) => ({ title: card.name, value: cardValueText(card) })),
      })),
    }));
  }

  private async change(write: () => Promise<PipelineOutcome>): Promise<void> {
    this.refusal = null;
    const ran = await this.acts.run('change', write);
    if (!ran.ok) return;
    if (!ran.value.ok) this.refusal = pipelineProblemText(ran.value.error);
    this.losing = null;
    await this.load();
  }

  /** What the drawn columns ask of the element: its state, and the writes their menus and drops make. */
  private columnsHost(): ColumnsHost {
    return {
      busy: this.acts.busyWith('change'), dropTarget: this.dropTarget, losing: this.losing, lostReasons: this.pipeline?.lostReasons ?? [],
      setDropTarget: (milestoneId) => { this.dropTarget = milestoneId; },
      setLosing: (card) => { this.losing = card; },
      open: (id) => this.dispatchEvent(locketEvent('locket-open', { id })),
      move: (id, milestoneId) => void this.change(() => this.api.moveOpportunity(id, milestoneId)),
      close: (card, outcome) => void this.change(() => this.api.closeOpportunity(card.id, outcome)),
    };
  }

  protected override render() {
    const { board, first } = this;
    const failure = this.acts.failure;
    const filter = this.filter ?? EMPTY_FILTER;
    return html`<h2>${LIST_WORDS.pipeline}</h2>
      <locket-filter-bar .services=${this.services} kind="opportunity" no-sort board .filter=${filter} .sort=${DEFAULT_SORT}
        @locket-filter-change=${(e: HTMLElementEventMap['locket-filter-change']) => void this.applyFilter(e.detail.filter)}></locket-filter-bar>
      ${this.filterUnsaved ? html`<p class="muted" role="status">${PIPELINE_WORDS.filterUnsaved}</p>` : nothing}
      ${failure ? html`<p class="error" role="alert">${(failure.act === 'read' ? PIPELINE_WORDS.readFailed : PIPELINE_WORDS.changeFailed)(failureText(failure.cause))}</p>` : nothing}
      ${this.refusal ? html`<p class="error" role="alert">${this.refusal}</p>` : nothing}
      ${board !== null ? html`
        ${renderForecast(board)}
        ${board.columns.every((column) => column.count === 0)
          ? html`<p class="muted">${filter.conditions.length > 0 ? PIPELINE_WORDS.noneMatch : PIPELINE_WORDS.empty}</p>` : nothing}
        ${renderColumns(this.columnsHost(), board.columns)}`
        : first !== null ? html`${renderForecast(null)}${renderColumns(this.columnsHost(), first.columns)}`
        : html`<p class="muted" role="status">${LIST_WORDS.pipelineLoading}</p>`}`;
  }
}
