import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { LocaleController } from '../shared/i18n/locale';
import { MERGE_WORDS, mergeRefusalText } from '../shared/messages/merge-words';
import type { MergedDetail } from '../shared/merge-events';
import { locketEvent } from '../shared/events';
import { baseStyles } from '../shared/tokens.styles';

/** What a merge or convert did, with the way to the record kept and an Undo that undoes it all as one. */
export class LocketMergeDone extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; padding: 12px; }
    p { margin: 8px 0; }
    .actions { display: flex; gap: var(--locket-gap); flex-wrap: wrap; }
    .error { color: var(--locket-danger); }
  `];

  @property({ attribute: false }) services!: LocketServices;
  @property({ attribute: false }) detail!: MergedDetail;

  @state() private undone = false;
  @state() private refusal = '';
  private readonly acts = new ActionController<'undo'>(this);
  private readonly locale = new LocaleController(this);

  private async undo(): Promise<void> {
    this.refusal = '';
    const ran = await this.acts.run('undo', () => this.services.store.undoMerge(this.detail.outcome.undoId));
    if (!ran.ok) return;
    if (ran.value.ok) this.undone = true;
    else this.refusal = mergeRefusalText(ran.value.error);
  }

  private open(id: string): void {
    this.dispatchEvent(locketEvent('locket-open', { id }));
  }

  protected override render() {
    const { act, outcome, keptName, otherName, kind } = this.detail;
    const failure = this.acts.failure;
    if (this.undone) {
      return html`<p role="status">${MERGE_WORDS.undone(otherName)}</p>
        <div class="actions"><button @click=${() => this.open(outcome.trashedId)}>${MERGE_WORDS.open(otherName)}</button></div>`;
    }
    return html`<p role="status">${act === 'merge' ? MERGE_WORDS.merged(otherName, keptName) : MERGE_WORDS.converted(keptName, MERGE_WORDS.aKind[kind])}</p>
      ${failure ? html`<p class="error" role="alert">${MERGE_WORDS.changeFailed(failureText(failure.cause))}</p>` : nothing}
      ${this.refusal ? html`<p class="error" role="alert">${this.refusal}</p>` : nothing}
      <div class="actions">
        <button class="primary" @click=${() => this.open(outcome.survivorId)}>${MERGE_WORDS.open(keptName)}</button>
        <button ?disabled=${this.acts.busyWith('undo')} @click=${() => void this.undo()}>${MERGE_WORDS.undo}</button>
      </div>`;
  }
}
