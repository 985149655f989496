import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SyncDeviceView, SyncPageServices, SyncProblem, SyncState, SyncStatusView } from '../../../core/sync/ports';
import { ActionController } from '../../shared/action-controller';
import { failureText } from '../../shared/failure-text';
import { syncProblemText } from '../../shared/messages/sync-messages';
import { baseStyles } from '../../shared/tokens.styles';
import { exactTime, relativeTime } from '../sync-text';
import { syncStyles } from '../sync.styles';
import { formatNumber } from '../../shared/i18n/format';

const STATE_TEXT: { readonly [S in SyncState]: string } = {
  off: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline: changes wait on this device until the relay answers',
  removed: 'Removed from the account: this device no longer syncs',
};

type StatusAct = 'sync' | 'remove' | 'disconnect';

/**
 * What sync is doing on a connected device: its state, the relay, when it last synced, what
 * waits to be sent, and the account's devices. "Sync now", removing another device and
 * disconnecting this one; the last two ask first. Each refusal shows beside its button. A device
 * removed from the account removes no other: the relay would refuse it.
 */
export class LocketSyncStatus extends LitElement {
  static override styles = [baseStyles, syncStyles, css`
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
    dt { font-weight: 600; }
    dd { margin: 0; overflow-wrap: anywhere; }
    li { border: 1px solid var(--locket-border); border-radius: var(--locket-radius); padding: 8px 12px; display: grid; gap: 4px; }
    .device { display: flex; gap: var(--locket-gap); align-items: baseline; flex-wrap: wrap; }
    .device .name { font-weight: 600; flex: 1; }
    .tag { font-size: 12px; border-radius: 10px; padding: 1px 8px; background: var(--locket-surface-alt); border: 1px solid var(--locket-border); }
    .actions { display: flex; gap: var(--locket-gap); flex-wrap: wrap; align-items: center; }
  `];

  @property({ attribute: false }) services!: SyncPageServices;
  @property({ attribute: false }) status!: SyncStatusView;
  /** The time relative times are told from; the section moves it on while the page stays open. */
  @property({ attribute: false }) now = 0;

  /** The device whose removal is being confirmed, or 'disconnect' while disconnecting is. */
  @state() private confirming: string | null = null;
  @state() private refused: { readonly act: StatusAct; readonly deviceId?: string; readonly problem: SyncProblem } | null = null;
  @state() private synced = false;
  private readonly acts = new ActionController<StatusAct>(this);

  private errorFor(act: StatusAct, deviceId?: string): string {
    const failure = this.acts.failure;
    if (failure?.act === act && (act !== 'remove' || this.confirming === deviceId)) return `That did not work: ${failureText(failure.cause)}`;
    const refused = this.refused;
    return refused?.act === act && refused.deviceId === deviceId ? syncProblemText(refused.problem) : '';
  }

  private async syncNow(): Promise<void> {
    this.refused = null;
    this.synced = false;
    const ran = await this.acts.run('sync', () => this.services.syncNow());
    if (!ran.ok) return;
    if (ran.value.ok) this.synced = true;
    else this.refused = { act: 'sync', problem: ran.value.error };
  }

  private async removeDevice(device: SyncDeviceView): Promise<void> {
    this.refused = null;
    const ran = await this.acts.run('remove', () => this.services.removeDevice(device.id));
    if (!ran.ok) return;
    if (ran.value.ok) this.confirming = null;
    else this.refused = { act: 'remove', deviceId: device.id, problem: ran.value.error };
  }

  private ask(what: string | null): void {
    this.confirming = what;
    this.refused = null;
    this.acts.clear();
  }

  /** When something already happened; a time ahead of this device's clock (another device's skew) reads as now. */
  private when(at: number) {
    return html`<time datetime=${new Date(at).toISOString()} title=${exactTime(at)}>${relativeTime(Math.min(at, this.now), this.now)}</time>`;
  }

  private renderDevice(device: SyncDeviceView) {
    const confirming = this.confirming === device.id;
    const error = this.errorFor('remove', device.id);
    return html`<li aria-label=${device.name}>
      <div class="device">
        <span class="name">${device.name}</span>
        ${device.thisDevice ? html`<span class="tag">This device</span>` : nothing}
        ${device.removed ? html`<span class="tag">Removed</span>` : nothing}
        ${device.thisDevice || device.removed || this.status.state === 'removed' ? nothing : html`<button type="button" aria-label=${`Remove ${device.name}`}
          aria-expanded=${confirming ? 'true' : 'false'} @click=${() => this.ask(confirming ? null : device.id)}>Remove device</button>`}
      </div>
      <span class="muted">${device.thisDevice ? 'Seen now' : device.lastSeenAt === null ? 'Not seen yet' : html`Last seen ${this.when(device.lastSeenAt)}`}</span>
      ${confirming ? html`<div class="confirm" role="group" aria-label=${`Remove ${device.name}?`}>
        <p>Remove “${device.name}”? It stops receiving and sending changes at once. What it already holds stays on it;
          to sync it again, add it as a new device.</p>
        <div class="actions">
          <button type="button" class="danger" ?disabled=${this.acts.busy} @click=${() => void this.removeDevice(device)}>Remove it</button>
          <button type="button" @click=${() => this.ask(null)}>Keep it</button>
        </div>
      </div>` : nothing}
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  private renderDisconnect() {
    const error = this.errorFor('disconnect');
    if (this.confirming !== 'disconnect') {
      return html`<button type="button" class="danger" @click=${() => this.ask('disconnect')}>Disconnect</button>`;
    }
    return html`<div class="confirm" role="group" aria-label="Disconnect this device?">
      <p>Disconnect this device? Every record stays on this device; it stops syncing with your other devices.</p>
      <div class="actions">
        <button type="button" class="danger" ?disabled=${this.acts.busy}
          @click=${() => void this.acts.run('disconnect', () => this.services.disconnect())}>Disconnect this device</button>
        <button type="button" @click=${() => this.ask(null)}>Stay connected</button>
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const { status } = this;
    const syncError = this.errorFor('sync');
    const waiting = status.waiting === 0 ? 'Nothing'
      : `${formatNumber(status.waiting)} ${status.waiting === 1 ? 'change' : 'changes'}`;
    return html`
      <dl aria-label="Sync status">
        <dt>Status</dt>
        <dd>${STATE_TEXT[status.state]}</dd>
        <dt>Relay</dt>
        <dd>${status.relayUrl ?? '—'}</dd>
        <dt>Last synced</dt>
        <dd>${status.lastSyncedAt === null ? 'Not yet' : this.when(status.lastSyncedAt)}</dd>
        <dt>Waiting to send</dt>
        <dd>${waiting}</dd>
      </dl>
      ${status.problem ? html`<p class="error" role="alert">${syncProblemText(status.problem)}</p>` : nothing}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.acts.busyWith('sync') || status.state === 'removed'}
          @click=${() => void this.syncNow()}>${this.acts.busyWith('sync') ? 'Syncing…' : 'Sync now'}</button>
        ${this.synced ? html`<span class="status" role="status">Synced.</span>` : nothing}
        ${syncError ? html`<span class="error" role="alert">${syncError}</span>` : nothing}
      </div>
      <h3>Devices</h3>
      <ul aria-label="Devices">${status.devices.map((device) => this.renderDevice(device))}</ul>
      <div class="actions">${this.renderDisconnect()}</div>`;
  }
}
