import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PairingStep, SyncPageServices } from '../../../core/sync/ports';
import { ActionController } from '../../shared/action-controller';
import { failureText } from '../../shared/failure-text';
import { syncProblemText } from '../../shared/messages/sync-messages';
import { baseStyles } from '../../shared/tokens.styles';
import { syncStyles } from '../sync.styles';

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

  private async answer(words: readonly string[], same: boolean): Promise<void> {
    if (this.acts.busy) return;
    const ran = await this.acts.run('confirm', () => this.services.confirmPairing(same));
    if (ran.ok) this.answered = { words, same };
  }

  private renderConfirm(words: readonly string[]) {
    const answered = this.answered?.words === words ? this.answered : null;
    return html`<p>Check that the other device shows these same words, in the same order:</p>
      <ol aria-label="Fingerprint words">${words.map((word) => html`<li>${word}</li> `)}</ol>
      ${answered ? html`<p role="status">${answered.same ? 'Waiting for the other device to confirm…' : 'Stopping the pairing…'}</p>`
        : html`<div class="actions">
          <button type="button" class="primary" ?disabled=${this.acts.busy} @click=${() => void this.answer(words, true)}>They match</button>
          <button type="button" class="danger" ?disabled=${this.acts.busy} @click=${() => void this.answer(words, false)}>They differ</button>
        </div>`}
      ${this.acts.failure ? html`<p class="error" role="alert">That did not work: ${failureText(this.acts.failure.cause)}</p>` : nothing}`;
  }

  protected override render() {
    const step = this.step;
    if (!step) return nothing;
    switch (step.phase) {
      case 'waiting': return html`<p role="status">Waiting for the other device…</p>`;
      case 'confirm': return this.renderConfirm(step.fingerprint);
      case 'done': return html`<p class="status" role="status">The devices are paired. The new device is receiving every record.</p>`;
      case 'failed': return html`<p class="error" role="alert">${syncProblemText(step.problem)}</p>`;
    }
  }
}
