import { html } from 'lit';
import type { BoardCard } from '../../core/pipeline/board';
import { PIPELINE_WORDS } from '../shared/messages/pipeline-words';

export interface LostFormOptions {
  readonly card: BoardCard;
  /** The owner's lost reasons: one is required when there are any, else a reason in words. */
  readonly reasons: readonly string[];
  readonly onLost: (reason: string) => void;
  readonly onCancel: () => void;
}

/** "Why was Renewal lost?", asked under a card marked lost from its "Move to…" menu. */
export const renderLostForm = ({ card, reasons, onLost, onCancel }: LostFormOptions) =>
  html`<form class="lost" aria-label=${PIPELINE_WORDS.lostReasonFor(card.name)} @submit=${(e: SubmitEvent) => {
    e.preventDefault();
    onLost(String(new FormData(e.target as HTMLFormElement).get('reason') ?? ''));
  }}>
    <label for="lost-reason">${PIPELINE_WORDS.lostReason}</label>
    ${reasons.length > 0
      ? html`<select id="lost-reason" name="reason" required>${reasons.map((reason) => html`<option value=${reason}>${reason}</option>`)}</select>`
      : html`<input id="lost-reason" name="reason" maxlength="200" aria-describedby="no-reasons" /><span class="muted" id="no-reasons">${PIPELINE_WORDS.noReasons}</span>`}
    <div class="row"><button class="primary" type="submit">${PIPELINE_WORDS.markLost}</button>
      <button type="button" @click=${onCancel}>${PIPELINE_WORDS.cancel}</button></div>
  </form>`;
