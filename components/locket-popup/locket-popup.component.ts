import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LocketRecord, RecordId } from '../../core/records/types';
import { recordSubtitle, recordTitle } from '../shared/record-title';
import { SURFACE_WORDS } from '../shared/messages/surface-words';
import { LocaleController } from '../shared/i18n/locale';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { KIND_LABELS } from '../shared/kind-labels';
import { captureFailureText } from '../shared/messages/capture-failure-messages';
import { baseStyles } from '../shared/tokens.styles';
import { rowButtonStyles } from '../shared/row-button.styles';
import '../locket-search/locket-search';
import '../locket-record-form/locket-record-form';
import { popupStyles } from './locket-popup.styles';
import type { PageRecord } from './page-lookup';
import { ACTIVITY_TYPES, type ActivityType } from '../../core/records/types';
import { TIMELINE_WORDS } from '../shared/messages/timeline-words';
import { LazyElement } from '../shared/lazy-element';
import { RECORD_WORDS } from '../shared/messages/record-words';

const QUICK_KINDS = ['person', 'organisation'] as const;

/**
 * The toolbar popup: the saved person or organisation of the page under it (with "Log a call",
 * "Log a meeting", "Log an email" and "Open"), quick search, quick add, the five records touched
 * last, and the way to the side panel.
 */
export class LocketPopup extends LitElement {
  static override styles = [baseStyles, rowButtonStyles, popupStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private quickKind: (typeof QUICK_KINDS)[number] = 'person';
  @state() private recent: readonly LocketRecord[] = [];
  @state() private lastSaved = '';
  /** Opening the side panel, which Chromium may refuse (no user gesture left, no side panel in this browser). */
  private readonly opening = new ActionController<'open'>(this);
  private readonly locale = new LocaleController(this);
  @state() private captureFailure = '';
  /** The saved person or organisation the tab under the popup is about; null when none matched. */
  @state() private onPage: PageRecord | null = null;
  @state() private logging: ActivityType | null = null;
  @state() private logged = '';
  /** The log form loads on the first "Log a …" click, so the popup opens without it. */
  private readonly logForm = new LazyElement(this, 'locket-log-activity', () => import('../locket-log-activity/locket-log-activity'));
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services.changes.subscribe(() => void this.loadRecent());
    void this.loadRecent();
    void this.findPageRecord();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private async loadRecent(): Promise<void> {
    this.recent = await this.services.store.recent(5);
  }

  /** Matched after the first paint; a page that matches nothing (or a failed search) adds nothing. */
  private async findPageRecord(): Promise<void> {
    try {
      const url = await this.services.captures.activeTabAddress();
      if (url === '') return;
      const { lookUpPage } = await import('./page-lookup');
      this.onPage = await lookUpPage(this.services, url);
    } catch (error) {
      console.warn('Locket popup: the page was not matched to a record', error);
    }
  }

  private renderOnPage(found: PageRecord) {
    const title = recordTitle(found.record);
    return html`<section class="on-page" aria-labelledby="page-heading">
      <h2 id="page-heading" class="visually-hidden">${SURFACE_WORDS.onThisPageHeading}</h2>
      <p class="page-record">${SURFACE_WORDS.onThisPage(title, found.organisationName)}</p>
      <div class="actions">
        ${ACTIVITY_TYPES.map((type) => html`<button ?disabled=${this.logging === type}
          @click=${() => { this.logged = ''; this.logging = type; }}>${TIMELINE_WORDS.log[type]}</button>`)}
        <button @click=${() => void this.open(found.record.id)}>${TIMELINE_WORDS.open}</button>
      </div>
      ${this.logging ? this.logForm.render(() => html`<locket-log-activity .services=${this.services} .recordId=${found.record.id} .type=${this.logging ?? 'call'}
        @locket-saved=${() => { this.logging = null; this.logged = SURFACE_WORDS.logged(title); }}
        @locket-cancel=${() => { this.logging = null; }}></locket-log-activity>`, RECORD_WORDS.loading) : nothing}
      ${this.logged ? html`<p class="saved" role="status">${this.logged}</p>` : nothing}
    </section>`;
  }

  /** A refusal is said with the way round it; the popup stays usable. */
  private async open(id?: RecordId): Promise<void> {
    await this.opening.run('open', () => this.services.openSidePanel(id));
  }

  private openFailureText(): string {
    const failure = this.opening.failure;
    return failure ? SURFACE_WORDS.panelFailed(failureText(failure.cause)) : '';
  }

  /**
   * Asks for the capture and opens the side panel it lands in, both within this click: the
   * panel needs the gesture, and the popup closes once the panel takes the focus.
   */
  private capturePage(): void {
    this.captureFailure = '';
    const capturing = this.services.captures.captureActiveTab();
    void this.open();
    void capturing.then((outcome) => {
      if (!outcome.ok) this.captureFailure = captureFailureText(outcome.reason);
    });
  }

  protected override render() {
    return html`
      <header>
        <h1>Locket</h1>
        <button @click=${() => void this.open()}>${SURFACE_WORDS.openPanel}</button>
        <button @click=${() => void this.services.security.lockNow()}>${SURFACE_WORDS.lock}</button>
      </header>
      <main>
      ${this.onPage ? this.renderOnPage(this.onPage) : nothing}
      ${this.openFailureText() ? html`<p class="error" role="alert">${this.openFailureText()}</p>` : nothing}
      <div><button class="primary" @click=${() => this.capturePage()}>${SURFACE_WORDS.capture}</button></div>
      ${this.captureFailure ? html`<p class="error" role="alert">${this.captureFailure}</p>` : nothing}
      <locket-search focus-on-start .services=${this.services}
        @locket-open=${(e: HTMLElementEventMap['locket-open']) => void this.open(e.detail.id)}></locket-search>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">${SURFACE_WORDS.recent}</h2>
        ${this.recent.length ? html`<ul aria-labelledby="recent-heading">${this.recent.map((r) => html`<li class="row-item">
          <button class="row-open" aria-label=${SURFACE_WORDS.open(recordTitle(r))} @click=${() => void this.open(r.id)}>${recordTitle(r)}</button>
          <span class="muted">${[KIND_LABELS[r.kind].one, recordSubtitle(r)].filter(Boolean).join(' · ')}</span></li>`)}</ul>`
          : html`<p class="muted">${SURFACE_WORDS.nothingYet}</p>`}
      </section>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">${SURFACE_WORDS.quickAdd}</h2>
        <div role="radiogroup" aria-label=${SURFACE_WORDS.kindToAdd}>
          ${QUICK_KINDS.map((kind) => html`<label><input type="radio" name="quick-kind" .checked=${kind === this.quickKind}
            @change=${() => { this.quickKind = kind; this.lastSaved = ''; }} /> ${KIND_LABELS[kind].one}</label>`)}
        </div>
        <locket-record-form quick .services=${this.services} kind=${this.quickKind}
          @locket-saved=${(e: HTMLElementEventMap['locket-saved']) => { this.lastSaved = recordTitle(e.detail.record); }}></locket-record-form>
        ${this.lastSaved ? html`<p class="saved" role="status">${SURFACE_WORDS.saved(this.lastSaved)}</p>` : nothing}
      </section>
      </main>`;
  }
}
