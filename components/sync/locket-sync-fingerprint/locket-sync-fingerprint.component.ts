import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PairingStep, SyncPageServices } from '../../../core/sync/ports';
import { ActionController } from '../../shared/action-controller';
import { failureText } from '../../shared/failure-text';
import { syncProblemText } from '../../shared/messages/sync-messages';
import { baseStyles } from '../../shared/tokens.styles';
import { syncStyles } from '../sync.styles';
import { LocaleController } from '../../shared/i18n/locale';
import { SYNC_WORDS as WORDS } from '../sync-words';

/**
 * A pairing's progress as both devices show it: waiting for the other side, then the
 * fingerprint words to compare (the owner says whether both screens show the same), then done
 * or why it stopped. The parent watches the pairing and hands each step in.
 */
export class LocketSyncFingerprint extends LitElement {
  static override styles = [baseStyles, syncStyles, css`
    ol { display: flex; flex-wrap: wrap; gap: 6px 14px; padding: 0; margin: 0; list-style: none; font-size: 18px; font-weight: 600; }
    .actions { display: flex; gap: var(--locket-gap); }
  `];

  @property({ attribute: false }) services!: SyncPageServices;
  @property({ attribute: false }) step: PairingStep | null = null;

  /** The owner's answer for the words on screen; cleared when other words arrive. */
  @state() private answered: { readonly words: readonly string[]; readonly same: boolean } | null = null;
  private readonly acts = new ActionController<'confirm'>(this);
  private readonly locale = new LocaleController(this);

  private async answer(words: readonly string[], same: boolean): Promise<void> {
    if (this.acts.busy) return;
    const ran = await this.acts.run('confirm', () => this.services.confirmPairing(same));
    if (ran.ok) this.answered = { words, same };
  }

  private renderConfirm(words: readonly string[]) {
    const answered = this.answered?.words === words ? this.answered : null;
    return html`<p>${WORDS.fingerprint.check}</p>
      <ol aria-label=${WORDS.fingerprint.words}>${words.map((word) => html`<li>${word}</li> `)}</ol>
      ${answered ? html`<p role="status">${answered.same ? WORDS.fingerprint.waitingConfirm : WORDS.fingerprint.stopping}</p>`
        : html`<div class="actions">
          <button type="button" class="primary" ?disabled=${this.acts.busy} @click=${() => void this.answer(words, true)}>${WORDS.fingerprint.match}</button>
          <button type="button" class="danger" ?disabled=${this.acts.busy} @click=${() => void this.answer(words, false)}>${WORDS.fingerprint.differ}</button>
        </div>`}
      ${this.acts.failure ? html`<p class="error" role="alert">${WORDS.didNotWork(failureText(this.acts.failure.cause))}</p>` : nothing}`;
  }

  protected override render() {
    const step = this.step;
    if (!step) return nothing;
    switch (step.phase) {
      case 'waiting': return html`<p role="status">${WORDS.fingerprint.waiting}</p>`;
      case 'confirm': return this.renderConfirm(step.fingerprint);
      case 'done': return html`<p class="status" role="status">${WORDS.fingerprint.paired}</p>`;
      case 'failed': return html`<p class="error" role="alert">${syncProblemText(step.problem)}</p>`;
    }
  }
}
