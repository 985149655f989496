import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PairingOffer, PairingStep, SyncPageServices, SyncProblem } from '../../../core/sync/ports';
import { ActionController } from '../../shared/action-controller';
import { failureText } from '../../shared/failure-text';
import { syncProblemText } from '../../shared/messages/sync-messages';
import { baseStyles } from '../../shared/tokens.styles';
import '../locket-sync-fingerprint/locket-sync-fingerprint';
import '../locket-sync-qr/locket-sync-qr';
import { codeGroups, exactTime, relativeTime } from '../sync-text';
import { syncStyles } from '../sync.styles';
import { LocaleController } from '../../shared/i18n/locale';
import { SYNC_WORDS as WORDS } from '../sync-words';

/**
 * "Add a device", on a device already connected: a one-time code in groups and the same as a
 * QR image, when it expires, then the fingerprint words both devices show, then done.
 */
export class LocketSyncPairing extends LitElement {
  static override styles = [baseStyles, syncStyles, css`
    .code { display: flex; flex-wrap: wrap; gap: 4px 12px; font: 600 22px/1.2 ui-monospace, monospace; letter-spacing: 1px; }
    .offer { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; }
    .offer > div { display: grid; gap: 8px; }
    .actions { display: flex; gap: var(--locket-gap); }
  `];

  @property({ attribute: false }) services!: SyncPageServices;
  /** The time relative times are told from; the section moves it on while the page stays open. */
  @property({ attribute: false }) now = 0;

  @state() private offer: PairingOffer | null = null;
  @state() private step: PairingStep | null = null;
  @state() private problem: SyncProblem | null = null;
  private readonly acts = new ActionController<'offer'>(this);
  private readonly locale = new LocaleController(this);
  private stopWatching?: () => void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
  }

  private async start(): Promise<void> {
    if (this.acts.busy) return;
    this.close();
    // Watching starts before the offer, so no step of this pairing is missed.
    this.stopWatching = this.services.watchPairing((step) => { this.step = step; });
    const ran = await this.acts.run('offer', () => this.services.offerPairing());
    if (!ran.ok) { this.close(); return; }
    if (ran.value.ok) this.offer = ran.value.value;
    else { this.close(); this.problem = ran.value.error; }
  }

  /** Leaves the pairing screen; a pairing still waiting simply expires on the relay. */
  private close(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.offer = null;
    this.step = null;
    this.problem = null;
  }

  private renderOffer(offer: PairingOffer) {
    const finished = this.step?.phase === 'done' || this.step?.phase === 'failed';
    const comparing = this.step?.phase === 'confirm';
    return html`<div class="box" role="group" aria-labelledby="add-device-heading">
      <h3 id="add-device-heading">${WORDS.pairing.title}</h3>
      ${finished || comparing ? nothing : html`<p>${WORDS.pairing.howTo}</p>
      <div class="offer">
        <div>
          <p class="code" aria-label=${WORDS.pairing.code}>${codeGroups(offer.code).map((group) => html`<span>${group}</span> `)}</p>
          <p class="muted">${WORDS.pairing.expires[0]}<time datetime=${new Date(offer.expiresAt).toISOString()}
            title=${exactTime(offer.expiresAt)}>${relativeTime(offer.expiresAt, this.now)}</time>${WORDS.pairing.expires[1]}</p>
        </div>
        <locket-sync-qr .text=${offer.code} label=${WORDS.pairing.qr}></locket-sync-qr>
      </div>`}
      <locket-sync-fingerprint .services=${this.services} .step=${this.step}></locket-sync-fingerprint>
      <div class="actions"><button type="button" @click=${() => this.close()}>${finished ? WORDS.pairing.done : WORDS.pairing.cancel}</button></div>
    </div>`;
  }

  protected override render() {
    if (this.offer) return this.renderOffer(this.offer);
    const error = this.acts.failure ? WORDS.didNotWork(failureText(this.acts.failure.cause))
      : this.problem ? syncProblemText(this.problem) : '';
    return html`<div class="actions">
        <button type="button" ?disabled=${this.acts.busy} @click=${() => void this.start()}>
          ${this.acts.busy ? WORDS.pairing.preparing : WORDS.pairing.add}</button>
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}`;
  }
}
