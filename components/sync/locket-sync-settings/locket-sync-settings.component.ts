import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Clock } from '../../../core/clock';
import type { SyncPageServices, SyncStatusView } from '../../../core/sync/ports';
import type { HostPermissions } from '../../../platform/permissions/host-permission';
import { ActionController } from '../../shared/action-controller';
import { failureText } from '../../shared/failure-text';
import { baseStyles } from '../../shared/tokens.styles';
import '../locket-sync-connect/locket-sync-connect';
import '../locket-sync-join/locket-sync-join';
import '../locket-sync-pairing/locket-sync-pairing';
import '../locket-sync-status/locket-sync-status';
import '../sync-events';
import { syncStyles } from '../sync.styles';
import { LocaleController } from '../../shared/i18n/locale';
import { SYNC_WORDS as WORDS } from '../sync-words';

/** How often "5 minutes ago" is worked out again while the page stays open. */
const RELATIVE_TIME_REFRESH_MS = 30_000;

/**
 * The options page's Sync section: off until the owner connects this device to a relay (or
 * joins another device's account with a code); then its status, live, and "Add a device".
 */
export class LocketSyncSettings extends LitElement {
  static override styles = [baseStyles, syncStyles, css`
    :host { gap: 20px; }
    .choices { display: grid; gap: 24px; }
  `];

  @property({ attribute: false }) services!: SyncPageServices;
  @property({ attribute: false }) permissions!: HostPermissions;
  @property({ attribute: false }) clock!: Clock;

  @state() private status: SyncStatusView | null = null;
  @state() private now = 0;
  private readonly acts = new ActionController<'load'>(this);
  private readonly locale = new LocaleController(this);
  /** True while a connect or join runs: its form stays even if the status moves on meanwhile. */
  @state() private settingUp = false;
  private stopWatching?: () => void;
  private refresh?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    let watched = false;
    this.stopWatching = this.services.watch((status) => {
      watched = true;
      // Told from the moment it arrived: "synced just now" must not read as a time ahead.
      this.now = this.clock.now();
      this.status = status;
    });
    // The first answer only fills in until the watch speaks: a status it sent is newer.
    void this.acts.run('load', () => this.services.status()).then((ran) => {
      if (ran.ok && !watched) { this.now = this.clock.now(); this.status = ran.value; }
    });
    this.now = this.clock.now();
    this.refresh = setInterval(() => { this.now = this.clock.now(); }, RELATIVE_TIME_REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
    clearInterval(this.refresh);
  }

  protected override render() {
    const { status } = this;
    if (!status) {
      return this.acts.failure ? html`<p class="error" role="alert">${WORDS.settings.unreadable(failureText(this.acts.failure.cause))}</p>`
        : html`<p class="muted" role="status">${WORDS.settings.loading}</p>`;
    }
    if (status.state === 'off' || this.settingUp) {
      return html`<p class="muted">${WORDS.settings.off}</p>
        <div class="choices" @locket-sync-setting-up=${(event: CustomEvent<{ readonly busy: boolean }>) => { this.settingUp = event.detail.busy; }}>
          <locket-sync-connect .services=${this.services} .permissions=${this.permissions}></locket-sync-connect>
          <locket-sync-join .services=${this.services} .permissions=${this.permissions}></locket-sync-join>
        </div>`;
    }
    return html`<locket-sync-status .services=${this.services} .status=${status} .now=${this.now}></locket-sync-status>
      ${status.state === 'removed' ? '' : html`<locket-sync-pairing .services=${this.services} .now=${this.now}></locket-sync-pairing>`}`;
  }
}
