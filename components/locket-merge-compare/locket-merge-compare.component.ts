import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LocketRecord, RecordId } from '../../core/records/types';
import { PARTY_KINDS, type FieldChoices, type PartyKind } from '../../core/merge/contract';
import { CHOSEN_FIELDS, defaultSide, UNITED_FIELDS, uniteList } from '../../core/merge/merge-fields';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { LocaleController } from '../shared/i18n/locale';
import { MERGE_WORDS, mergeRefusalText } from '../shared/messages/merge-words';
import { mergeEvent } from '../shared/merge-events';
import { locketEvent } from '../shared/events';
import { recordTitle } from '../shared/record-title';
import { baseStyles } from '../shared/tokens.styles';
import { deepEqual } from '../../core/db/deep-equal';
import { fieldLabel, fieldsOf, valueText } from './merge-values';
import { mergeCompareStyles } from './locket-merge-compare.styles';

type Pair = readonly [LocketRecord, LocketRecord];
const isParty = (record: LocketRecord | undefined): record is LocketRecord<PartyKind> =>
  record !== undefined && record.deletedAt === null && (PARTY_KINDS as readonly string[]).includes(record.kind);

/**
 * Two records side by side: which one is kept, and per field whose value it keeps (list fields
 * are combined). Merge writes it all at once through the store; the workspace then shows the
 * outcome with Undo.
 */
export class LocketMergeCompare extends LitElement {
  static override styles = [baseStyles, mergeCompareStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property({ attribute: false }) ids: readonly [RecordId, RecordId] = ['', ''];

  @state() private pair: Pair | null = null;
  @state() private keptIndex: 0 | 1 = 0;
  /** Per field, the id of the record whose value the user picked; a field not here takes the default. */
  @state() private picked: Readonly<Record<string, RecordId>> = {};
  @state() private refusal = '';
  /** Organisations the two people belong to, by id, to show their names. */
  private names = new Map<RecordId, LocketRecord>();
  private readonly acts = new ActionController<'load' | 'merge'>(this);
  private readonly locale = new LocaleController(this);

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('ids')) void this.load();
  }

  private async load(): Promise<void> {
    const ran = await this.acts.run('load', async () => {
      const records = await this.services.store.getMany([...this.ids]);
      const [a, b] = this.ids.map((id) => records.find((record) => record.id === id));
      if (!isParty(a) || !isParty(b)) return null;
      const organisations = [a, b].flatMap((r) => (r.kind === 'person' && r.fields.organisationId ? [r.fields.organisationId] : []));
      return { pair: [a, b] as const, names: await this.services.store.getMany(organisations) };
    });
    if (!ran.ok) return;
    this.pair = ran.value?.pair ?? null;
    this.names = new Map((ran.value?.names ?? []).map((record) => [record.id, record]));
    if (!ran.value) this.refusal = MERGE_WORDS.refusals['record-in-trash'];
  }

  private get kept(): LocketRecord | undefined { return this.pair?.[this.keptIndex]; }
  private get other(): LocketRecord | undefined { return this.pair?.[this.keptIndex === 0 ? 1 : 0]; }

  /** The side each chosen field takes, as the store reads it. */
  private choices(kept: LocketRecord): FieldChoices {
    return Object.fromEntries(Object.entries(this.picked).map(([field, id]) => [field, id === kept.id ? 'survivor' : 'other'] as const));
  }

  /** The record whose value a field takes now: the user's pick, else the default for the kept one. */
  private chosenId(field: string, kept: LocketRecord, other: LocketRecord): RecordId {
    return this.picked[field] ?? (defaultSide(fieldsOf(kept)[field], fieldsOf(other)[field]) === 'survivor' ? kept.id : other.id);
  }

  private async merge(kept: LocketRecord<PartyKind>, other: LocketRecord): Promise<void> {
    this.refusal = '';
    const keptName = recordTitle(kept);
    const otherName = recordTitle(other);
    const ran = await this.acts.run('merge', () => this.services.store.mergeRecords({
      survivorId: kept.id, otherId: other.id, choices: this.choices(kept), note: MERGE_WORDS.mergedNote(otherName, this.services.clock.now()),
    }));
    if (!ran.ok) return;
    if (!ran.value.ok) { this.refusal = mergeRefusalText(ran.value.error); return; }
    this.dispatchEvent(mergeEvent('locket-merged', { act: 'merge', outcome: ran.value.value, kind: kept.kind, keptName, otherName }));
  }

  private renderChoice(field: string, pair: Pair, kept: LocketRecord, other: LocketRecord) {
    const values = pair.map((record) => fieldsOf(record)[field]);
    const texts = values.map((value) => valueText(field, value, this.names));
    if (texts.every((text) => text === '')) return nothing;
    const label = fieldLabel(field);
    if (deepEqual(values[0], values[1])) return html`<tr><th scope="row">${label}</th><td colspan="2">${texts[0]}</td></tr>`;
    const chosen = this.chosenId(field, kept, other);
    return html`<tr><th scope="row">${label}</th>${pair.map((record, index) => html`<td><label>
      <input type="radio" name=${`field-${field}`} .checked=${chosen === record.id}
        @change=${() => { this.picked = { ...this.picked, [field]: record.id }; }}>
      <span>${texts[index] || MERGE_WORDS.empty}</span></label></td>`)}</tr>`;
  }

  private renderUnited(field: (typeof UNITED_FIELDS)[number], kept: LocketRecord, other: LocketRecord) {
    const all = uniteList(field, fieldsOf(kept)[field] as readonly unknown[] ?? [], fieldsOf(other)[field] as readonly unknown[] ?? []);
    if (all.length === 0) return nothing;
    return html`<tr><th scope="row">${fieldLabel(field)}</th><td colspan="2"><span class="muted">${MERGE_WORDS.united}:</span>
      ${valueText(field, all, this.names)}</td></tr>`;
  }

  protected override render() {
    const failure = this.acts.failure;
    const error = failure ? html`<p class="error" role="alert">${MERGE_WORDS.changeFailed(failureText(failure.cause))}</p>`
      : this.refusal ? html`<p class="error" role="alert">${this.refusal}</p>` : nothing;
    const { pair, kept, other } = this;
    if (!pair || !kept || !other || !isParty(kept)) {
      return html`<h2>${MERGE_WORDS.compareHeading}</h2>${error}${this.refusal ? nothing : html`<p class="muted" role="status">${MERGE_WORDS.loading}</p>`}`;
    }
    const kind = kept.kind;
    return html`<h2 tabindex="-1">${MERGE_WORDS.compareHeading}</h2>
      <table>
        <thead><tr><th scope="col">${MERGE_WORDS.field}</th>${pair.map((record) => html`<th scope="col">${recordTitle(record)}
          <div class="muted">${MERGE_WORDS.added(record.createdAt)}</div></th>`)}</tr></thead>
        <tbody>
          <tr><th scope="row">${MERGE_WORDS.keeps}</th>${pair.map((record, index) => html`<td><label>
            <input type="radio" name="kept" .checked=${this.keptIndex === index} @change=${() => { this.keptIndex = index === 0 ? 0 : 1; }}>
            <span>${MERGE_WORDS.keepThis(recordTitle(record))}</span></label></td>`)}</tr>
          ${CHOSEN_FIELDS[kind].map((field) => this.renderChoice(field, pair, kept, other))}
          ${UNITED_FIELDS.map((field) => this.renderUnited(field, kept, other))}
        </tbody>
      </table>
      <p>${MERGE_WORDS.explain(recordTitle(other), recordTitle(kept))}</p>
      ${error}
      <div class="actions">
        <button class="primary" ?disabled=${this.acts.busyWith('merge')} @click=${() => void this.merge(kept, other)}>${MERGE_WORDS.merge}</button>
        <button @click=${() => this.dispatchEvent(locketEvent('locket-cancel', undefined))}>${MERGE_WORDS.cancel}</button>
      </div>`;
  }
}
