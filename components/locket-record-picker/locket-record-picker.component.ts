import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { RecordId, RecordKind } from '../../core/records/types';
import { recordTitle } from '../shared/record-title';
import type { SearchHit } from '../../worker/contract';
import type { LocketServices } from '../../platform/page-services/services';
import { baseStyles } from '../shared/tokens.styles';
import { recordPickerStyles } from './locket-record-picker.styles';
import { RECORD_WORDS } from '../shared/messages/record-words';
import { LocaleController } from '../shared/i18n/locale';

let pickerCount = 0;

/**
 * A combobox that links a record: type to search the given kinds, pick one, or clear it.
 * `value` is the chosen id ('' for none); a `change` event fires when it changes.
 */
export class LocketRecordPicker extends LitElement {
  static override styles = [baseStyles, recordPickerStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property({ attribute: false }) kinds: readonly RecordKind[] = [];
  @property() label = '';
  @property() value: RecordId = '';
  @property({ attribute: false }) describedBy = '';

  @state() private chosenTitle = '';
  @state() private hits: readonly SearchHit[] = [];
  @state() private active = -1;
  @query('input') private input?: HTMLInputElement;
  @query('.chosen button') private removeButton?: HTMLButtonElement;
  private readonly listId = `picker-list-${++pickerCount}`;
  private query = '';
  private readonly locale = new LocaleController(this);

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('value')) void this.loadChosenTitle();
  }

  private async loadChosenTitle(): Promise<void> {
    if (!this.value) { this.chosenTitle = ''; return; }
    const record = await this.services.store.get(this.value);
    this.chosenTitle = record ? recordTitle(record) : RECORD_WORDS.goneRecord;
  }

  private async onInput(event: InputEvent): Promise<void> {
    const query = (event.target as HTMLInputElement).value;
    this.query = query;
    const hits = query.trim() ? await this.services.search(query, { kinds: this.kinds, limit: 8 }) : [];
    if (query === this.query) { this.hits = hits; this.active = hits.length ? 0 : -1; }
  }

  // Choosing and removing swap the input for the chosen record and back; focus follows,
  // so a keyboard user is not dropped to the top of the page.
  private async choose(hit: SearchHit): Promise<void> {
    this.value = hit.id;
    this.chosenTitle = hit.title;
    this.hits = [];
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await this.updateComplete;
    this.removeButton?.focus();
  }

  private async clear(): Promise<void> {
    this.value = '';
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await this.updateComplete;
    this.input?.focus();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.hits.length) return;
    if (event.key === 'ArrowDown') { this.active = (this.active + 1) % this.hits.length; event.preventDefault(); }
    if (event.key === 'ArrowUp') { this.active = (this.active - 1 + this.hits.length) % this.hits.length; event.preventDefault(); }
    if (event.key === 'Escape') this.hits = [];
    const hit = this.hits[this.active];
    if (event.key === 'Enter' && hit) { void this.choose(hit); event.preventDefault(); }
  }

  protected override render() {
    if (this.value) {
      return html`<div class="chosen">
        <span>${this.chosenTitle}</span>
        <button type="button" aria-label=${RECORD_WORDS.removeLink(this.label)} @click=${() => void this.clear()}>${RECORD_WORDS.remove}</button>
      </div>`;
    }
    const open = this.hits.length > 0;
    return html`
      <input role="combobox" aria-label=${this.label} aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${this.listId} aria-autocomplete="list" aria-describedby=${this.describedBy || nothing}
        aria-activedescendant=${open && this.active >= 0 ? `${this.listId}-${this.active}` : nothing}
        placeholder=${RECORD_WORDS.typeToSearch} autocomplete="off"
        @input=${(e: InputEvent) => void this.onInput(e)} @keydown=${(e: KeyboardEvent) => this.onKeyDown(e)} />
      ${open ? html`<ul role="listbox" id=${this.listId} aria-label=${RECORD_WORDS.suggestions(this.label)}>
        ${this.hits.map((hit, index) => html`<li role="option" id=${`${this.listId}-${index}`}
          aria-selected=${index === this.active ? 'true' : 'false'} @click=${() => void this.choose(hit)}>
          ${hit.title} <span class="muted">${hit.subtitle}</span></li>`)}
      </ul>` : nothing}`;
  }
}
