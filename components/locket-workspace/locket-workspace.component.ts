import { LitElement, html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { DEFAULT_SORT, EMPTY_FILTER, type SavedList } from '../../core/filters/filter-schema';
import { LISTED_KINDS, type ListedKind, type RecordId } from '../../core/records/types';
import type { CaptureInboxState } from '../../platform/capture/capture-inbox';
import type { LocketServices } from '../../platform/page-services/services';
import { KIND_LABELS } from '../shared/kind-labels';
import { kindPhrases, RECORD_WORDS } from '../shared/messages/record-words';
import { LocaleController } from '../shared/i18n/locale';
import { focusWasDropped } from '../shared/focus';
import { baseStyles } from '../shared/tokens.styles';
import '../locket-record-list/locket-record-list';
import '../locket-record-detail/locket-record-detail';
import '../locket-record-form/locket-record-form';
import '../locket-search/locket-search';
import { TASK_WORDS } from '../shared/messages/task-words';
import type { MergedDetail } from '../shared/merge-events';
import '../locket-saved-lists/locket-saved-lists';
import type { LocketSearch } from '../locket-search/locket-search.component';
import { TeamViewController } from '../team/team-view-controller';
import { workspaceStyles } from './locket-workspace.styles';
import { LazyElement } from '../shared/lazy-element';
import { LIST_WORDS } from '../shared/messages/list-words';

type View =
  | { readonly name: 'list' }
  | { readonly name: 'detail'; readonly id: RecordId }
  | { readonly name: 'new' }
  | { readonly name: 'capture' }
  | { readonly name: 'trash' }
  | { readonly name: 'tasks' }
  /** The board, or a list saved from it (its filter shown). */
  | { readonly name: 'pipeline'; readonly list?: SavedList }
  | { readonly name: 'duplicates' }
  | { readonly name: 'compare'; readonly ids: readonly [RecordId, RecordId] }
  | { readonly name: 'merged'; readonly detail: MergedDetail };

/** Views that write: none of them is offered to a read-only member. */
const WRITING_VIEWS: readonly View['name'][] = ['new', 'capture', 'trash', 'duplicates', 'compare', 'merged'];

/** Past the first screen's budget (and the worker's own warm-up), so the first paint never waits for the worker. */
const TEAM_ROLE_READ_AFTER_MS = 500;

/** The side panel's workspace: a list per kind, search, record detail, create and edit, and the trash. */
export class LocketWorkspace extends LitElement {
  static override styles = [baseStyles, workspaceStyles];

  @property({ attribute: false }) services!: LocketServices;
  /** A read-only team member's workspace: records to read, and no control to add, edit or trash them. */
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;
  /** `pipeline` opens on the board (where there is one) instead of the first kind's list; read once, when connected. */
  @property({ attribute: 'start-view' }) startView = '';
  private startViewTaken = false;
  /**
   * The member's role, read once the list has painted and again when sync's status changes (a
   * role changes through sync). The relay and every device refuse a read-only member's writes
   * anyway; this keeps the controls for them off the screen.
   */
  private readonly team = new TeamViewController(this, () => ({ team: this.services.team, sync: this.services.sync }), {
    refreshMs: null, firstReadAfterMs: TEAM_ROLE_READ_AFTER_MS,
  });

  @state() private kind: ListedKind = 'person';
  @state() private view: View = { name: 'list' };
  /** The saved list shown as the list view; null for a kind's plain list. */
  @state() private list: SavedList | null = null;
  @state() private captures: CaptureInboxState = { pending: null, failure: null };
  @query('locket-search') private search?: LocketSearch;
  @query('main') private main?: HTMLElement;
  private history: View[] = [];
  private readonly locale = new LocaleController(this);
  private unsubscribe?: () => void;
  private stopCaptures?: () => void;
  /** The board brings its own code when first opened, so the lists paint without it. */
  private readonly pipelineBoard = new LazyElement(this, 'locket-pipeline-board', () => import('../locket-pipeline-board/locket-pipeline-board'));
  // Views opened from the navigation or a list: each loads the first time it is shown.
  private readonly tasksView = new LazyElement(this, 'locket-tasks', () => import('../locket-tasks/locket-tasks'));
  private readonly trashView = new LazyElement(this, 'locket-trash', () => import('../locket-trash/locket-trash'));
  private readonly duplicatesView = new LazyElement(this, 'locket-duplicates', () => import('../locket-duplicates/locket-duplicates'));
  private readonly compareView = new LazyElement(this, 'locket-merge-compare', () => import('../locket-merge-compare/locket-merge-compare'));
  /** A capture from a page comes in while the panel is open, never before its first rows. */
  private readonly captureView = new LazyElement(this, 'locket-capture', () => import('../locket-capture/locket-capture'));
  private readonly mergedView = new LazyElement(this, 'locket-merge-done', () => import('../locket-merge-done/locket-merge-done'));

  /** Read-only by the page's word or by the member's role in the team. */
  private get readsOnly(): boolean {
    return this.readOnly || this.team.view?.myRole === 'read-only';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // `sidepanel.html#pipeline` and `#tasks` open on that view (a link to it, and the bench's way in).
    if (!this.startViewTaken && this.startView === 'pipeline' && this.services.pipeline) this.view = { name: 'pipeline' };
    if (!this.startViewTaken && this.startView === 'tasks' && this.services.tasks) this.view = { name: 'tasks' };
    this.startViewTaken = true;
    this.unsubscribe = this.services.onOpenRequest((id) => this.openRecord(id));
    this.stopCaptures = this.services.captures.watch((inbox) => this.followCaptures(inbox));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.stopCaptures?.();
  }

  /** A new capture (or a failed one) comes to the front; once it is saved or dismissed it leaves. */
  private followCaptures(inbox: CaptureInboxState): void {
    const arrived = (inbox.pending !== null && inbox.pending.id !== this.captures.pending?.id)
      || (inbox.failure !== null && inbox.failure.at !== this.captures.failure?.at);
    this.captures = inbox;
    if (inbox.pending === null && inbox.failure === null) {
      this.history = this.history.filter((view) => view.name !== 'capture');
      if (this.view.name === 'capture') this.back();
    } else if (arrived && this.view.name !== 'capture' && !this.readsOnly) {
      this.go({ name: 'capture' });
    }
  }

  /**
   * A view that replaces another takes the focused control with it, and the keyboard would
   * start again from the top of the page: focus moves to the new view's main area instead.
   * Where the user put focus elsewhere (the search box, a tab), it stays there.
   */
  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('view') && focusWasDropped(this.ownerDocument)) this.main?.focus();
  }

  private go(view: View): void {
    this.history.push(this.view);
    this.view = view;
  }

  private back(): void {
    this.view = this.history.pop() ?? { name: 'list' };
  }

  private openRecord(id: RecordId): void {
    this.search?.reset();
    this.go({ name: 'detail', id });
  }

  /** The compare view (or the record converted) is done with: Back leads to where the user came from before it. */
  private showMerged(detail: MergedDetail): void {
    if (this.view.name === 'compare' || this.view.name === 'detail') this.view = { name: 'merged', detail };
    else this.go({ name: 'merged', detail });
  }

  private openList(list: SavedList | null): void {
    if (list?.view === 'board') {
      this.history = [];
      this.view = { name: 'pipeline', list };
      return;
    }
    this.list = list;
    if (list) this.kind = list.kind;
    this.history = [];
    this.view = { name: 'list' };
  }

  /** The saved list shown now, on the board or as a list; '' for none. */
  private activeListId(): string {
    if (this.view.name === 'pipeline') return this.view.list?.id ?? '';
    return this.view.name === 'list' ? this.list?.id ?? '' : '';
  }

  /** A kind's list, or the saved list open now; a fresh element for each, so no filter carries over. */
  private renderList() {
    const list = this.list;
    return keyed(`${this.kind}:${list?.id ?? ''}`, html`<locket-record-list .services=${this.services} kind=${this.kind}
      .filter=${list?.filter ?? EMPTY_FILTER} .sort=${list?.sort ?? DEFAULT_SORT} list-id=${list?.id ?? ''}
      @locket-list-saved=${(e: HTMLElementEventMap['locket-list-saved']) => this.openList(e.detail.list)}></locket-record-list>`);
  }

  private showKind(kind: ListedKind): void {
    this.list = null;
    this.kind = kind;
    this.history = [];
    this.view = { name: 'list' };
  }

  private showTasks(): void {
    this.history = [];
    this.view = { name: 'tasks' };
  }

  private renderMain() {
    // A role that became read-only while a form or the trash was open leaves nothing to write with.
    if (this.readsOnly && WRITING_VIEWS.includes(this.view.name)) {
      return this.renderList();
    }
    switch (this.view.name) {
      case 'detail':
        return html`<locket-record-detail .services=${this.services} recordId=${this.view.id} ?read-only=${this.readsOnly}
          @locket-deleted=${() => this.back()}></locket-record-detail>`;
      case 'new':
        return html`<locket-record-form .services=${this.services} kind=${this.kind}
          @locket-saved=${(e: HTMLElementEventMap['locket-saved']) => { this.view = { name: 'detail', id: e.detail.record.id }; }}
          @locket-cancel=${() => this.back()}></locket-record-form>`;
      case 'capture':
        return this.captureView.render(() => html`<locket-capture .services=${this.services} .inbox=${this.captures}></locket-capture>`, RECORD_WORDS.loading);
      case 'trash':
        return this.trashView.render(() => html`<locket-trash .services=${this.services}></locket-trash>`, RECORD_WORDS.loading);
      case 'tasks':
        return this.tasksView.render(() => html`<locket-tasks .services=${this.services} ?read-only=${this.readsOnly}></locket-tasks>`, RECORD_WORDS.loading);
      case 'duplicates':
        return this.duplicatesView.render(() => html`<locket-duplicates .services=${this.services} kind=${this.kind === 'organisation' ? 'organisation' : 'person'}
          @locket-compare=${(e: HTMLElementEventMap['locket-compare']) => this.go({ name: 'compare', ids: e.detail.ids })}></locket-duplicates>`, RECORD_WORDS.loading);
      case 'compare':
      {
        const { ids } = this.view;
        return this.compareView.render(() => html`<locket-merge-compare .services=${this.services} .ids=${ids} @locket-cancel=${() => this.back()}></locket-merge-compare>`, RECORD_WORDS.loading);
      }
      case 'merged':
      {
        const { detail } = this.view;
        return this.mergedView.render(() => html`<locket-merge-done .services=${this.services} .detail=${detail}></locket-merge-done>`, RECORD_WORDS.loading);
      }
      case 'pipeline':
      {
        const { list } = this.view;
        // A fresh board for each saved list, so no filter carries over.
        return this.pipelineBoard.render(() => html`${keyed(list?.id ?? '', html`<locket-pipeline-board .services=${this.services}
          list-id=${list?.id ?? ''} .listFilter=${list?.filter ?? EMPTY_FILTER}
          @locket-list-saved=${(e: HTMLElementEventMap['locket-list-saved']) => this.openList(e.detail.list)}></locket-pipeline-board>`)}`, LIST_WORDS.pipelineLoading);
      }
      case 'list':
        return this.renderList();
    }
  }

  protected override render() {
    return html`
      <header>
        <div class="title"><h1>Locket</h1><span class="spacer"></span>
          ${this.services.pipeline ? html`<button aria-current=${this.view.name === 'pipeline' && !this.view.list ? 'page' : 'false'}
            @click=${() => { if (this.view.name !== 'pipeline' || this.view.list) this.go({ name: 'pipeline' }); }}>${LIST_WORDS.pipeline}</button>` : ''}
          ${this.readsOnly ? '' : html`<button aria-current=${this.view.name === 'trash' ? 'page' : 'false'}
            @click=${() => { if (this.view.name !== 'trash') this.go({ name: 'trash' }); }}>${RECORD_WORDS.trash}</button>`}
          <button @click=${() => void this.services.security.lockNow()}>${RECORD_WORDS.lock}</button></div>
        <locket-search .services=${this.services}
          @locket-open=${(e: HTMLElementEventMap['locket-open']) => this.openRecord(e.detail.id)}></locket-search>
        <div role="tablist" aria-label=${RECORD_WORDS.recordKinds}>
          ${LISTED_KINDS.map((kind) => html`<button role="tab" aria-selected=${kind === this.kind && this.view.name === 'list' && !this.list ? 'true' : 'false'}
            @click=${() => this.showKind(kind)}>${KIND_LABELS[kind].many}</button>`)}
          ${this.services.tasks ? html`<button role="tab" aria-selected=${this.view.name === 'tasks' ? 'true' : 'false'}
            @click=${() => this.showTasks()}>${TASK_WORDS.tasks}</button>` : ''}
        </div>
        ${this.services.filters ? html`<locket-saved-lists .services=${this.services} active-id=${this.activeListId()}
          @locket-open-list=${(e: HTMLElementEventMap['locket-open-list']) => this.openList(e.detail.list)}
          @locket-list-deleted=${() => { if (this.view.name === 'pipeline') this.view = { name: 'pipeline' }; else this.openList(null); }}></locket-saved-lists>` : ''}
      </header>
      <div class="toolbar">
        ${this.view.name === 'list' || this.view.name === 'tasks' ? html`<span class="spacer"></span>`
          : html`<button @click=${() => this.back()}>${RECORD_WORDS.back}</button><span class="spacer"></span>`}
        ${this.captures.pending && this.view.name !== 'capture' && !this.readsOnly
          ? html`<button @click=${() => this.go({ name: 'capture' })}>${RECORD_WORDS.backToCapture}</button>` : ''}
        ${this.view.name === 'list' && !this.readsOnly && (this.kind === 'person' || this.kind === 'organisation')
          ? html`<button @click=${() => this.go({ name: 'duplicates' })}>${LIST_WORDS.duplicates}</button>` : ''}
        ${this.readsOnly || WRITING_VIEWS.includes(this.view.name) || this.view.name === 'tasks' || this.view.name === 'pipeline' ? ''
          : html`<button class="primary" @click=${() => this.go({ name: 'new' })}>${kindPhrases(this.kind).newOne}</button>`}
      </div>
      <main tabindex="-1" @locket-open=${(e: HTMLElementEventMap['locket-open']) => this.openRecord(e.detail.id)}
        @locket-merged=${(e: HTMLElementEventMap['locket-merged']) => this.showMerged(e.detail)}>${this.renderMain()}</main>`;
  }
}
