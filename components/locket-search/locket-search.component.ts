import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { SearchHit } from '../../worker/contract';
import type { LocketServices } from '../../platform/page-services/services';
import { KIND_LABELS } from '../shared/kind-labels';
import { RECORD_WORDS } from '../shared/messages/record-words';
import { LocaleController } from '../shared/i18n/locale';
import { locketEvent } from '../shared/events';
import { baseStyles } from '../shared/tokens.styles';
import { rowButtonStyles } from '../shared/row-button.styles';
import { searchStyles } from './locket-search.styles';

/** Search across every listed kind; the index lives in the worker. Sends `locket-open` for a chosen hit. */
export class LocketSearch extends LitElement {
  static override styles = [baseStyles, rowButtonStyles, searchStyles];

  @property({ attribute: false }) services!: LocketServices;
  /** Focus the box on first render and mark when it accepts input (the popup's first task). */
  @property({ type: Boolean, attribute: 'focus-on-start' }) focusOnStart = false;

  @state() private hits: readonly SearchHit[] = [];
  @state() private queried = '';
  @query('input') private input!: HTMLInputElement;
  private latest = '';
  private readonly locale = new LocaleController(this);

  protected override firstUpdated(): void {
    if (!this.focusOnStart) return;
    this.input.focus();
    performance.mark('locket:search-ready');
  }

  /** Clears the box and its results. */
  reset(): void {
    this.input.value = '';
    this.latest = '';
    this.queried = '';
    this.hits = [];
  }

  private async onInput(): Promise<void> {
    const text = this.input.value;
    this.latest = text;
    const hits = text.trim() ? await this.services.search(text, { limit: 20 }) : [];
    // Answers can come back out of order; only the newest query's may paint.
    if (text !== this.latest) return;
    this.hits = hits;
    this.queried = text.trim();
  }

  protected override render() {
    return html`
      <input type="search" aria-label=${RECORD_WORDS.searchRecords} placeholder=${RECORD_WORDS.searchPlaceholder}
        autocomplete="off" @input=${() => void this.onInput()} />
      ${this.queried ? html`
        <p class="status muted" role="status">${this.hits.length ? RECORD_WORDS.found(this.hits.length) : RECORD_WORDS.nothingMatches(this.queried)}</p>
        <ul aria-label=${RECORD_WORDS.searchResults}>
          ${this.hits.map((hit) => html`<li class="row-item"><span class="kind muted">${KIND_LABELS[hit.kind].one}</span>
            <button class="row-open" aria-label=${RECORD_WORDS.open(hit.title)}
              @click=${() => this.dispatchEvent(locketEvent('locket-open', { id: hit.id }))}>${hit.title}</button>
            <span class="muted">${hit.subtitle}</span></li>`)}
        </ul>` : nothing}`;
  }
}
