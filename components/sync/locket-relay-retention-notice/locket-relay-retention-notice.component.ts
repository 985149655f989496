import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RelayRetentionView } from '../../../worker/contracts/relay-retention';
import type { RelayRetentionWorkerApi } from '../../../worker/contract';
import { heldBackText, relayKeyChangedText, teamCancellationText } from '../../shared/messages/relay-retention-words';
import { LocaleController } from '../../shared/i18n/locale';
import { baseStyles } from '../../shared/tokens.styles';
import { syncStyles } from '../sync.styles';

/** How often the notice reads the state again while the page stays open. */
const REFRESH_MS = 60_000;

/**
 * What the Sync section says about the relay's retention as this device acts on it: a relay key
 * that changed (its erasure receipts are refused), a cancelled team (restorable until …) or one
 * whose data left this device, and records the relay's trash rule ended that stay here unsynced.
 * Nothing when all is well. A failed read shows nothing rather than a guess.
 */
export class LocketRelayRetentionNotice extends LitElement {
  static override styles = [baseStyles, syncStyles];

  @property({ attribute: false }) services!: RelayRetentionWorkerApi;
  @state() private view: RelayRetentionView | null = null;
  private readonly locale = new LocaleController(this);
  private refresh?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.refresh = setInterval(() => { void this.load(); }, REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.refresh);
  }

  private async load(): Promise<void> {
    this.view = await this.services.relayRetention().catch(() => this.view);
  }

  protected override render() {
    const { view } = this;
    if (!view) return nothing;
    const team = teamCancellationText(view.team);
    return html`
      ${view.relayKeyChangedSince === null ? nothing : html`<p class="error" role="alert">${relayKeyChangedText(view.relayKeyChangedSince)}</p>`}
      ${team ? html`<p class=${view.team.type === 'wiped' ? 'muted' : 'error'} role="status">${team}</p>` : nothing}
      ${view.heldBack > 0 ? html`<p class="error" role="status">${heldBackText(view.heldBack)}</p>` : nothing}`;
  }
}
