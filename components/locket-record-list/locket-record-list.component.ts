import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import '@lit-labs/virtualizer';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { ListedKind, LocketRecord } from '../../core/records/types';
import type { LocketServices } from '../../platform/page-services/services';
import { KIND_LABELS } from '../shared/kind-labels';
import { countedRecords, kindPhrases, RECORD_WORDS } from '../shared/messages/record-words';
import { LocaleController } from '../shared/i18n/locale';
import { recordSubtitle, recordTitle } from '../shared/record-title';
import { runExport } from '../locket-export-settings/export-run';
import type { CsvFile } from '../../core/csv/fields';

const FILE_OF_KIND: Readonly<Record<ListedKind, CsvFile>> = {
  person: 'contacts', organisation: 'contacts', case: 'cases', opportunity: 'opportunities',
};
import { locketEvent } from '../shared/events';
import { baseStyles } from '../shared/tokens.styles';
import { rowButtonStyles } from '../shared/row-button.styles';
import { createPageCache } from './page-cache';
import { createFilteredRows } from './filtered-rows';
import '../locket-filter-bar/locket-filter-bar';
import { columnText } from '../locket-filter-bar/column-text';
import { MilestoneNamesController } from '../shared/milestone-names-controller';
import { DEFAULT_SORT, EMPTY_FILTER, type Filter, type Sort } from '../../core/filters/filter-schema';
import { FILTER_WORDS } from '../shared/messages/filter-words';
import { SelectionController } from '../shared/selection-controller';
import { LIST_WORDS } from '../shared/messages/list-words';
import { matchingIds } from '../locket-bulk-bar/matching-ids';
import { LazyElement } from '../shared/lazy-element';
import { recordListStyles } from './locket-record-list.styles';
import { nextFrame } from '../shared/next-frame';
import { FIRST_PAGE_ROWS } from '../../core/first-page/first-page';
import { FIRST_ROW_MARK, LIVE_SCREEN_MARKS, markOnce } from '../shared/first-row-mark';
import { createLastContactedRows } from './last-contacted-rows';

/** The longest the count waits for the first rows to be painted. */
const FIRST_ROWS_WAIT_MS = 1000;

/**
 * One kind's live records, most recently updated first, virtualised: only the rows in
 * view are in the DOM and only their pages are read from the store.
 */
export class LocketRecordList extends LitElement {
  static override styles = [baseStyles, rowButtonStyles, recordListStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property() kind: ListedKind = 'person';
  /** What the list shows; its filter bar changes them, and a saved list opens with its own. */
  @property({ attribute: false }) filter: Filter = EMPTY_FILTER;
  @property({ attribute: false }) sort: Sort = DEFAULT_SORT;
  /** The saved list shown, if any: a plain list remembers its sort per kind, a saved one keeps its own. */
  @property({ attribute: 'list-id' }) listId = '';

  @state() private total: number | null = null;
  @state() private revision = 0;
  /** False while `total` is only the rows read so far. */
  @state() private counted = false;
  @state() private exporting = false;
  @state() private selectingAll = false;
  private readonly selection = new SelectionController(this);
  /** The bulk bar loads with the first selection, then stays (its notice of a change done and its undo outlive the selection). */
  private readonly bulkBar = new LazyElement(this, 'locket-bulk-bar', () => import('../locket-bulk-bar/locket-bulk-bar'));

  private readonly filtered = createFilteredRows(this, async (total, counted) => {
    if (!await this.cache.refresh(this.shownRange)) return;
    await nextFrame();
    this.total = total;
    this.counted = counted;
    this.revision++;
    void this.firstRowsShown().then(() => this.fillContacted());
  });
  /** The list's rows in order: the filter's matches while one is set, else the kind's records. */
  private readonly rowsAt = (offset: number, limit: number) => (this.filtered.active
    ? this.filtered.page(offset, limit) : this.services.store.page(this.kind, offset, limit));
  private cache = createPageCache(this.rowsAt);
  private visible = { first: 0, last: 0 };
  /** The rows in view, or the first screen's worth before the virtualizer has said. */
  private readonly shownRange = () => [this.visible.first, Math.max(this.visible.last, 20)] as const;
  private readonly contacted = createLastContactedRows(() => { this.revision++; });
  private unsubscribe?: () => void;
  /** The virtualizer's items, 0 … total − 1: kept while the list's length holds. */
  private items: readonly number[] = [];
  private firstRowMarked = false;
  private readonly locale = new LocaleController(this);
  private readonly milestones = new MilestoneNamesController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services.changes.subscribe((change) => {
      if (change.kinds.includes(this.kind)) void this.reload();
      // A conversation logged or a task done (here or on another page) moves "last contacted".
      if (change.kinds.some((kind) => kind === 'activity' || kind === 'task')) {
        this.contacted.clear();
        this.fillContacted();
      }
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('kind') || changed.has('services') || changed.has('filter') || changed.has('sort')) {
      // The previous kind's count must not show under the new kind's name while it loads.
      this.total = null;
      this.counted = false;
      this.selection.clear();
      void this.reload();
    }
    if ((changed.has('kind') || changed.has('listId')) && this.listId === '') void this.filtered.rememberedSort();
  }

  /** The filter and sort shown now, for actions on every matching record ("select all N matching"). */
  currentFilter(): { readonly kind: ListedKind; readonly filter: Filter; readonly sort: Sort } {
    return { kind: this.kind, filter: this.filter, sort: this.sort };
  }

  /** Every matching record's id in the list's order, once counted; empty for a plain list. */
  matchingIds(): readonly string[] {
    return this.filtered.active && this.counted ? this.filtered.matchingIds() : [];
  }

  private async reload(): Promise<void> {
    if (this.filtered.wanted()) {
      await this.filtered.reload();
      return;
    }
    this.filtered.stop();
    const kind = this.kind;
    if (!await this.cache.refresh(this.shownRange)) return;
    if (!this.firstRowMarked) performance.mark('locket:first-page');
    // The rows are drawn in the next frame, not in the task that read and decrypted them.
    await nextFrame();
    // A newer kind was chosen while this one loaded: its own reload paints.
    if (kind !== this.kind) return;
    // Counting a long list walks its whole index; the first screen paints without waiting for it.
    if (this.total === null) this.total = this.cache.knownFromTop();
    this.revision++;
    this.rememberFirstRows();
    void this.firstRowsShown().then(() => this.fillContacted());
    // Asked only once the first rows are on screen: IndexedDB would serve a count over the whole
    // index ahead of the first page, and the count redraws the list at its full length.
    await this.firstRowsShown();
    const total = await this.services.store.count(kind);
    // The list's full length is laid out in a frame of its own, apart from the count's reply.
    await nextFrame();
    if (kind !== this.kind) return;
    this.total = total;
    this.counted = true;
    this.revision++;
  }

  private async onRangeChanged(event: RangeChangedEvent): Promise<void> {
    this.visible = { first: event.first, last: event.last };
    if (await this.cache.ensure(event.first, event.last)) {
      await nextFrame();
      this.revision++;
    }
    this.fillContacted();
  }

  /** Last contacted for the rows in view, once they are painted: one worker call per page of rows. */
  private fillContacted(): void {
    const contacts = this.services.contacts;
    this.contacted.fill(this.kind, contacts && ((ids) => contacts.lastContactedOf(ids)), (index) => this.cache.row(index),
      this.visible.first, Math.max(this.visible.last, this.visible.first));
  }

  /** The people list's first rows, as drawn, kept for the next side panel to show before its database is open. */
  private rememberFirstRows(): void {
    if (this.kind !== 'person' || this.listId !== '' || !this.services.firstScreens) return;
    const rows: { title: string; subtitle: string }[] = [];
    for (let index = 0; index < FIRST_PAGE_ROWS; index++) {
      const record = this.cache.row(index);
      if (!record) break;
      rows.push({ title: recordTitle(record), subtitle: this.subtitleText(record) });
    }
    this.services.firstScreens.remember('people', () => ({ rows }));
  }

  /**
   * The virtualizer draws rows after this element updates: mark the frame after the first real
   * row (`locket:first-row` too, unless rows remembered from before were drawn first).
   */
  private markFirstRow(): void {
    if (this.firstRowMarked) return;
    this.firstRowMarked = true;
    requestAnimationFrame(() => {
      performance.mark(LIVE_SCREEN_MARKS.people);
      markOnce(FIRST_ROW_MARK);
      this.firstRowShown();
    });
  }

  /** The remembered first rows leave out last contacted: it is filled in later, and changes. */
  private subtitleText(record: LocketRecord, contacted = ''): string {
    return [recordSubtitle(record), columnText(record, this.sort.column, this.milestones.nameOf), contacted].filter((part) => part !== '').join(' · ') || '\u00a0';
  }

  private firstRowShown: () => void = () => undefined;
  private readonly firstRowPainted = new Promise<void>((resolve) => { this.firstRowShown = resolve; });

  /**
   * Resolves once the first rows were painted, or at once when there are none to paint (an
   * empty list, or they were painted before). A page in the background paints no frames: the
   * wait ends after FIRST_ROWS_WAIT_MS whatever happened.
   */
  private firstRowsShown(): Promise<void> {
    if (this.cache.knownFromTop() === 0) return Promise.resolve();
    return Promise.race([this.firstRowPainted, new Promise<void>((resolve) => { setTimeout(resolve, FIRST_ROWS_WAIT_MS); })]);
  }

  private renderRow(index: number) {
    const record: LocketRecord | undefined = this.cache.row(index);
    if (!record) return html`<div class="placeholder" role="listitem" aria-busy="true"></div>`;
    this.markFirstRow();
    const title = recordTitle(record);
    const contacted = this.contacted.text(record.id, this.services.clock.now());
    return html`<div role="listitem"><div class="row row-item">
      <input type="checkbox" class="pick" aria-label=${LIST_WORDS.select(title)} .checked=${this.selection.has(record.id)}
        @click=${(event: MouseEvent) => void this.selection.click(index, record.id, event.shiftKey, async (first, last) => (await this.rowsAt(first, last - first + 1)).map((row) => row.id))}>
      <button class="title row-open" aria-label=${RECORD_WORDS.open(title)}
        @click=${() => this.dispatchEvent(locketEvent('locket-open', { id: record.id }))}>${title}</button>
      <span class="subtitle muted">${this.subtitleText(record, contacted)}</span>
    </div></div>`;
  }

  /** The CSV file this list belongs to (people and organisations share the contacts file), offered as a download. */
  private async exportList(): Promise<void> {
    this.exporting = true;
    const outcome = await runExport(this.services, [FILE_OF_KIND[this.kind]], false, () => undefined);
    this.exporting = false;
    if (outcome.state === 'failed') console.error('List export failed:', outcome.message);
  }

  private async selectAll(): Promise<void> {
    this.selectingAll = true;
    // "Select all N matching": the filter's counted matches, or every record of the kind.
    this.selection.selectAll(this.filtered.active ? [...this.filtered.matchingIds()] : await matchingIds(this.services.store, this.kind, null));
    this.selectingAll = false;
  }

  protected override render() {
    return html`${this.services.filters ? html`<locket-filter-bar .services=${this.services} kind=${this.kind}
      .filter=${this.filter} .sort=${this.sort} @locket-filter-change=${(event: HTMLElementEventMap['locket-filter-change']) => this.filtered.apply(event.detail)}
      ></locket-filter-bar>` : nothing}${this.renderList()}`;
  }

  private countText(): string {
    const phrases = kindPhrases(this.kind);
    if (this.filtered.active) return this.counted ? FILTER_WORDS.matching(this.total ?? 0) : FILTER_WORDS.finding(this.total ?? 0);
    return this.counted ? countedRecords(this.kind, this.total ?? 0) : phrases.counting;
  }

  private renderList() {
    const label = KIND_LABELS[this.kind].many;
    const phrases = kindPhrases(this.kind);
    if (this.total === null) return html`<p class="muted count" role="status">${phrases.loading}</p>`;
    if (this.total === 0 && this.counted) {
      return html`<p class="empty muted" role="status">${this.filtered.active ? FILTER_WORDS.noMatches : phrases.none}</p>`;
    }
    // The same array while the length holds: a new one makes the virtualizer measure and lay out
    // every row again (81 ms in a traced side panel answering a restore). Rows whose page just
    // arrived are drawn again all the same: each render hands it a new renderItem.
    if (this.items.length !== this.total) this.items = Array.from({ length: this.total }, (_, index) => index);
    const items = this.items;
    return html`
      <p class="count muted" role="status">${this.countText()}</p>
      <div class="count"><button ?disabled=${this.exporting} @click=${() => void this.exportList()}>${this.exporting ? RECORD_WORDS.exporting : RECORD_WORDS.exportFile(FILE_OF_KIND[this.kind])}</button>
        <button ?disabled=${this.selectingAll || (this.filtered.active && !this.counted)} @click=${() => void this.selectAll()}>${this.selectingAll ? LIST_WORDS.selecting : LIST_WORDS.selectAll(this.total)}</button></div>
      ${this.selection.selected.length === 0 && !customElements.get('locket-bulk-bar') ? nothing : this.bulkBar.render(() => html`<locket-bulk-bar .services=${this.services} kind=${this.kind} .selected=${this.selection.selected}
        @locket-bulk-clear=${() => this.selection.clear()}></locket-bulk-bar>`, RECORD_WORDS.loading)}
      <lit-virtualizer role="list" aria-label=${label} scroller
        data-revision=${this.revision}
        .items=${items}
        .renderItem=${(index: number) => this.renderRow(index)}
        @rangeChanged=${(event: RangeChangedEvent) => void this.onRangeChanged(event)}
      ></lit-virtualizer>
      ${nothing}`;
  }
}
