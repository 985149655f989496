import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { LocketRecord } from '../../core/records/types';
import type { PartyKind } from '../../core/merge/contract';
import { otherPartyKind } from '../../core/merge/convert-fields';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { LocaleController } from '../shared/i18n/locale';
import { MERGE_WORDS, mergeRefusalText } from '../shared/messages/merge-words';
import { mergeEvent } from '../shared/merge-events';
import { recordTitle } from '../shared/record-title';
import { baseStyles } from '../shared/tokens.styles';

/** "Convert to an organisation" (or to a person) on a record's page: asks first, then converts as one undoable write. */
export class LocketConvert extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; margin: 6px 0; }
    .confirm { border: 1px solid var(--locket-border); border-radius: var(--locket-radius); padding: 8px; margin: 8px 0; }
    .confirm p { margin: 0 0 6px; }
    .error { color: var(--locket-danger); }
  `];

  @property({ attribute: false }) services!: LocketServices;
  @property({ attribute: false }) record!: LocketRecord<PartyKind>;

  @state() private asking = false;
  @state() private refusal = '';
  @query('button.keep') private keepButton?: HTMLElement;
  private readonly acts = new ActionController<'convert'>(this);
  private readonly locale = new LocaleController(this);

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('asking') && this.asking) this.keepButton?.focus();
  }

  private async convert(): Promise<void> {
    const record = this.record;
    const target = otherPartyKind(record.kind);
    this.refusal = '';
    const ran = await this.acts.run('convert', () => this.services.store.convertRecord({
      id: record.id, note: MERGE_WORDS.convertedNote(MERGE_WORDS.aKind[record.kind], this.services.clock.now()),
    }));
    if (!ran.ok) return;
    if (!ran.value.ok) { this.refusal = mergeRefusalText(ran.value.error); return; }
    this.asking = false;
    const name = recordTitle(record);
    this.dispatchEvent(mergeEvent('locket-merged', { act: 'convert', outcome: ran.value.value, kind: target, keptName: name, otherName: name }));
  }

  protected override render() {
    const target = MERGE_WORDS.aKind[otherPartyKind(this.record.kind)];
    const failure = this.acts.failure;
    return html`<button @click=${() => { this.asking = true; }}>${MERGE_WORDS.convertTo(target)}</button>
      ${this.asking ? html`<div class="confirm" role="alertdialog" aria-label=${MERGE_WORDS.convertTo(target)}>
        <p>${MERGE_WORDS.convertQuestion(recordTitle(this.record), target)}</p>
        <p class="muted">${MERGE_WORDS.convertDetail}</p>
        <button class="primary" ?disabled=${this.acts.busyWith('convert')} @click=${() => void this.convert()}>${MERGE_WORDS.convert}</button>
        <button class="keep" @click=${() => { this.asking = false; }}>${MERGE_WORDS.keep}</button>
        ${failure ? html`<p class="error" role="alert">${MERGE_WORDS.changeFailed(failureText(failure.cause))}</p>` : nothing}
        ${this.refusal ? html`<p class="error" role="alert">${this.refusal}</p>` : nothing}
      </div>` : nothing}`;
  }
}
