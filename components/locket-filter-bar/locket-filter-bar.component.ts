import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EMPTY_FILTER, SORT_COLUMNS, type Condition, type Filter, type Sort, type SortColumn } from '../../core/filters/filter-schema';
import { createSavedLists } from '../../core/filters/saved-lists';
import { DEFAULT_PIPELINE, pipelineOf, type MilestoneDef } from '../../core/pipeline/pipeline-settings';
import type { ListedKind } from '../../core/records/types';
import type { LocketServices } from '../../platform/page-services/services';
import { LocaleController } from '../shared/i18n/locale';
import { milestoneName } from '../shared/messages/list-words';
import { FILTER_WORDS, type FilterOp } from '../shared/messages/filter-words';
import { baseStyles } from '../shared/tokens.styles';
import { choicesOf, conditionFrom, FIELDS_OF_KIND, inputOf, OPS_OF_FIELD, type FormField } from './condition-form';
import { conditionText } from './condition-text';
import { filterEvent } from './filter-events';
import { filterBarStyles } from './locket-filter-bar.styles';

const COLUMNS_OF_KIND: Readonly<Record<ListedKind, readonly SortColumn[]>> = {
  person: ['updated', 'created', 'name', 'organisation', 'owner'],
  organisation: ['updated', 'created', 'name', 'owner'],
  case: ['updated', 'created', 'name', 'organisation', 'status', 'owner'],
  opportunity: SORT_COLUMNS,
};

/**
 * A list's filters as chips (each removable), a form to add one, "Clear filters", the sort, and
 * "Save list". It holds no list of its own: every change goes up as `locket-filter-change`.
 *
 * @event locket-filter-change - the filter or sort the list should show now
 * @event locket-list-saved - the filter and sort were saved under a name
 */
export class LocketFilterBar extends LitElement {
  static override styles = [baseStyles, filterBarStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property() kind: ListedKind = 'person';
  @property({ attribute: false }) filter: Filter = EMPTY_FILTER;
  @property({ attribute: false }) sort: Sort = { column: 'updated', direction: 'desc' };
  /** For a view with an order of its own (the pipeline board): no sort controls. */
  @property({ type: Boolean, attribute: 'no-sort' }) noSort = false;
  /** The pipeline board's bar: a list saved here opens on the board. */
  @property({ type: Boolean }) board = false;

  @state() private adding = false;
  @state() private field: FormField = 'tag';
  @state() private op: FilterOp = 'has';
  @state() private naming = false;
  @state() private problem = '';
  /** The owner's milestones, for the milestone filter's choices and its chip's words. */
  @state() private milestones: readonly MilestoneDef[] = DEFAULT_PIPELINE.milestones;
  private readonly locale = new LocaleController(this);
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // Milestones are renamed, added and deleted in the options: the choices follow.
    this.unsubscribe = this.services.changes.subscribe((change) => { if (change.settings) void this.readMilestones(); });
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('kind')) void this.readMilestones();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private async readMilestones(): Promise<void> {
    if (this.kind !== 'opportunity') return;
    // Unread, the built-in milestones stay offered.
    this.milestones = pipelineOf(await this.services.store.getSettings().catch(() => ({}))).milestones;
  }

  /** A milestone id in words; a deleted milestone's as its id (or a built-in's word), so its chip can still be removed. */
  private readonly milestoneWords = (id: string): string =>
    milestoneName(this.milestones.find((milestone) => milestone.id === id) ?? { id, name: '' });

  private change(filter: Filter, sort: Sort = this.sort): void {
    this.dispatchEvent(filterEvent('locket-filter-change', { filter, sort }));
  }

  private removeCondition(index: number): void {
    this.change({ conditions: this.filter.conditions.filter((_, at) => at !== index) });
  }

  private openForm(): void {
    const [first = 'tag'] = FIELDS_OF_KIND[this.kind];
    this.chooseField(first);
    this.problem = '';
    this.adding = true;
  }

  private chooseField(field: FormField): void {
    this.field = field;
    this.op = OPS_OF_FIELD[field][0] ?? 'is';
  }

  private async findOrganisation(name: string): Promise<{ id: string; label: string } | undefined> {
    const hits = await this.services.search(name, { kinds: ['organisation'], limit: 10 });
    const hit = hits.find((each) => each.title.trim().toLowerCase() === name.trim().toLowerCase()) ?? hits[0];
    return hit ? { id: hit.id, label: hit.title } : undefined;
  }

  private async addCondition(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = String(data.get('value') ?? '');
    const organisation = this.field === 'organisation' && value.trim() !== '' ? await this.findOrganisation(value) : undefined;
    if (this.field === 'organisation' && value.trim() !== '' && !organisation) {
      this.problem = FILTER_WORDS.noOrganisation(value.trim());
      return;
    }
    const condition: Condition | null = conditionFrom({ field: this.field, op: this.op, value, name: String(data.get('name') ?? ''), organisation });
    if (!condition) {
      this.problem = FILTER_WORDS.incomplete;
      return;
    }
    this.adding = false;
    this.problem = '';
    this.change({ conditions: [...this.filter.conditions, condition] });
  }

  private async saveList(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const name = String(new FormData(event.target as HTMLFormElement).get('name') ?? '');
    const lists = createSavedLists({ settings: this.services.store, newId: () => crypto.randomUUID() });
    const saved = await lists.save(name, this.kind, this.filter, this.sort, this.board ? 'board' : undefined);
    if (!saved.ok) {
      this.problem = FILTER_WORDS.problems[saved.error.type];
      return;
    }
    this.naming = false;
    this.problem = '';
    this.dispatchEvent(filterEvent('locket-list-saved', { list: saved.value }));
  }

  private renderValue() {
    const input = inputOf(this.field, this.op);
    if (input === 'none') return nothing;
    if (input === 'choice') {
      return html`<label>${FILTER_WORDS.value}<select name="value">
        ${choicesOf(this.field, this.kind, this.milestones).map((choice) => html`<option value=${choice.value}>${choice.label}</option>`)}
      </select></label>`;
    }
    const type = input === 'date' ? 'date' : input === 'number' ? 'number' : 'text';
    return html`<label>${FILTER_WORDS.value}<input name="value" type=${type} step="any" required></label>`;
  }

  private renderForm() {
    return html`<form @submit=${(event: SubmitEvent) => void this.addCondition(event)}>
      <label>${FILTER_WORDS.field}<select name="field" @change=${(event: Event) => this.chooseField((event.target as HTMLSelectElement).value as FormField)}>
        ${FIELDS_OF_KIND[this.kind].map((field) => html`<option value=${field} ?selected=${field === this.field}>${FILTER_WORDS.fields[field]}</option>`)}
      </select></label>
      ${this.field === 'custom' ? html`<label>${FILTER_WORDS.fieldName}<input name="name" required></label>` : nothing}
      <label>${FILTER_WORDS.condition}<select name="op" @change=${(event: Event) => { this.op = (event.target as HTMLSelectElement).value as FilterOp; }}>
        ${OPS_OF_FIELD[this.field].map((op) => html`<option value=${op} ?selected=${op === this.op}>${FILTER_WORDS.ops[op]}</option>`)}
      </select></label>
      ${this.renderValue()}
      <button type="submit" class="primary">${FILTER_WORDS.add}</button>
      <button type="button" @click=${() => { this.adding = false; this.problem = ''; }}>${FILTER_WORDS.cancel}</button>
    </form>`;
  }

  private renderSort() {
    const columns = COLUMNS_OF_KIND[this.kind];
    return html`<label>${FILTER_WORDS.sortBy}<select @change=${(event: Event) => this.change(this.filter, { ...this.sort, column: (event.target as HTMLSelectElement).value as SortColumn })}>
        ${columns.map((column) => html`<option value=${column} ?selected=${column === this.sort.column}>${FILTER_WORDS.columns[column]}</option>`)}
      </select></label>
      <select aria-label=${FILTER_WORDS.sortDirection} @change=${(event: Event) => this.change(this.filter, { ...this.sort, direction: (event.target as HTMLSelectElement).value as Sort['direction'] })}>
        <option value="asc" ?selected=${this.sort.direction === 'asc'}>${FILTER_WORDS.ascending}</option>
        <option value="desc" ?selected=${this.sort.direction === 'desc'}>${FILTER_WORDS.descending}</option>
      </select>`;
  }

  protected override render() {
    const { conditions } = this.filter;
    return html`<div class="bar" role="group" aria-label=${FILTER_WORDS.filters}>
        <ul aria-label=${FILTER_WORDS.filters}>${conditions.map((condition, index) => {
          const text = conditionText(condition, this.milestoneWords);
          return html`<li>${text}<button aria-label=${FILTER_WORDS.remove(text)} @click=${() => this.removeCondition(index)}>×</button></li>`;
        })}</ul>
        ${this.adding ? nothing : html`<button @click=${() => this.openForm()}>${FILTER_WORDS.addFilter}</button>`}
        ${conditions.length > 0 ? html`<button @click=${() => this.change(EMPTY_FILTER)}>${FILTER_WORDS.clear}</button>` : nothing}
        <span class="spacer"></span>
        ${this.noSort ? nothing : this.renderSort()}
        ${this.naming ? nothing : html`<button @click=${() => { this.naming = true; this.problem = ''; }}>${FILTER_WORDS.saveList}</button>`}
      </div>
      ${this.adding ? this.renderForm() : nothing}
      ${this.naming ? html`<form @submit=${(event: SubmitEvent) => void this.saveList(event)}>
        <label>${FILTER_WORDS.listName}<input name="name" required></label>
        <button type="submit" class="primary">${FILTER_WORDS.save}</button>
        <button type="button" @click=${() => { this.naming = false; this.problem = ''; }}>${FILTER_WORDS.cancel}</button>
      </form>` : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}`;
  }
}
