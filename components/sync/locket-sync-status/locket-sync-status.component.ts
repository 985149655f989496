import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SyncDeviceView, SyncPageServices, SyncProblem, SyncStatusView } from '../../../core/sync/ports';
import { ActionController } from '../../shared/action-controller';
import { failureText } from '../../shared/failure-text';
import { syncProblemText } from '../../shared/messages/sync-messages';
import { ceremonyFailureText } from '../../shared/messages/security-key-messages';
import type { CeremonyRefusal } from '../../../core/security/webauthn-failures';
import { baseStyles } from '../../shared/tokens.styles';
import { exactTime, relativeTime } from '../sync-text';
import { syncStyles } from '../sync.styles';
import { LocaleController } from '../../shared/i18n/locale';
import { SYNC_WORDS as WORDS } from '../sync-words';

type StatusAct = 'sync' | 'remove' | 'disconnect' | 'key';
type StatusRefusal = SyncProblem | { readonly type: 'security-key'; readonly prompt: CeremonyRefusal };

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
  @state() private refused: { readonly act: StatusAct; readonly deviceId?: string; readonly problem: StatusRefusal } | null = null;
  @state() private synced = false;
  private readonly acts = new ActionController<StatusAct>(this);
  private readonly locale = new LocaleController(this);

  private errorFor(act: StatusAct, deviceId?: string): string {
    const failure = this.acts.failure;
    if (failure?.act === act && (act !== 'remove' || this.confirming === deviceId)) return WORDS.didNotWork(failureText(failure.cause));
    const refused = this.refused;
    if (refused?.act !== act || refused.deviceId !== deviceId) return '';
    return refused.problem.type === 'security-key' ? ceremonyFailureText(refused.problem.prompt) : syncProblemText(refused.problem);
  }

  /** The relay's two-factor rule holds sync: the key prompt runs here, and success resumes sync. */
  private async confirmTwoFactor(): Promise<void> {
    this.refused = null;
    const ran = await this.acts.run('key', () => this.services.confirmTwoFactor());
    if (ran.ok && !ran.value.ok) this.refused = { act: 'key', problem: ran.value.error };
  }

  private renderTwoFactor() {
    const problem = this.status.problem?.type;
    if (problem !== 'two-factor-required' && problem !== 'two-factor-not-registered') return nothing;
    const error = this.errorFor('key');
    const label = problem === 'two-factor-not-registered' ? WORDS.status.addKey : WORDS.status.confirmKey;
    return html`<div class="actions">
      <button type="button" class="primary" ?disabled=${this.acts.busy}
        @click=${() => void this.confirmTwoFactor()}>${this.acts.busyWith('key') ? WORDS.status.waitingForKey : label}</button>
      ${error ? html`<span class="error" role="alert">${error}</span>` : nothing}
    </div>`;
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
        ${device.thisDevice ? html`<span class="tag">${WORDS.status.thisDevice}</span>` : nothing}
        ${device.removed ? html`<span class="tag">${WORDS.status.removed}</span>` : nothing}
        ${device.thisDevice || device.removed || this.status.state === 'removed' ? nothing : html`<button type="button" aria-label=${WORDS.status.removeName(device.name)}
          aria-expanded=${confirming ? 'true' : 'false'} @click=${() => this.ask(confirming ? null : device.id)}>${WORDS.status.removeDevice}</button>`}
      </div>
      <span class="muted">${device.thisDevice ? WORDS.status.seenNow : device.lastSeenAt === null ? WORDS.status.notSeen
        : html`${WORDS.status.lastSeen} ${this.when(device.lastSeenAt)}`}</span>
      ${confirming ? html`<div class="confirm" role="group" aria-label=${WORDS.status.removeQuestion(device.name)}>
        <p>${WORDS.status.removeEffect(device.name)}</p>
        <div class="actions">
          <button type="button" class="danger" ?disabled=${this.acts.busy} @click=${() => void this.removeDevice(device)}>${WORDS.status.removeIt}</button>
          <button type="button" @click=${() => this.ask(null)}>${WORDS.status.keepIt}</button>
        </div>
      </div>` : nothing}
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  private renderDisconnect() {
    const error = this.errorFor('disconnect');
    if (this.confirming !== 'disconnect') {
      return html`<button type="button" class="danger" @click=${() => this.ask('disconnect')}>${WORDS.status.disconnect}</button>`;
    }
    return html`<div class="confirm" role="group" aria-label=${WORDS.status.disconnectQuestion}>
      <p>${WORDS.status.disconnectEffect}</p>
      <div class="actions">
        <button type="button" class="danger" ?disabled=${this.acts.busy}
          @click=${() => void this.acts.run('disconnect', () => this.services.disconnect())}>${WORDS.status.disconnectThis}</button>
        <button type="button" @click=${() => this.ask(null)}>${WORDS.status.stayConnected}</button>
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const { status } = this;
    const syncError = this.errorFor('sync');
    const waiting = status.waiting === 0 ? WORDS.status.nothingWaiting : WORDS.status.changes(status.waiting);
    return html`
      <dl aria-label=${WORDS.status.syncStatus}>
        <dt>${WORDS.status.status}</dt>
        <dd>${WORDS.states[status.state]}</dd>
        <dt>${WORDS.status.relay}</dt>
        <dd>${status.relayUrl ?? '—'}</dd>
        <dt>${WORDS.status.lastSynced}</dt>
        <dd>${status.lastSyncedAt === null ? WORDS.status.notYet : this.when(status.lastSyncedAt)}</dd>
        <dt>${WORDS.status.waiting}</dt>
        <dd>${waiting}</dd>
      </dl>
      ${status.problem ? html`<p class="error" role="alert">${syncProblemText(status.problem)}</p>` : nothing}
      ${this.renderTwoFactor()}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.acts.busyWith('sync') || status.state === 'removed'}
          @click=${() => void this.syncNow()}>${this.acts.busyWith('sync') ? WORDS.status.syncing : WORDS.status.syncNow}</button>
        ${this.synced ? html`<span class="status" role="status">${WORDS.status.synced}</span>` : nothing}
        ${syncError ? html`<span class="error" role="alert">${syncError}</span>` : nothing}
      </div>
      <h3>${WORDS.status.devices}</h3>
      <ul aria-label=${WORDS.status.devices}>${status.devices.map((device) => this.renderDevice(device))}</ul>
      <div class="actions">${this.renderDisconnect()}</div>`;
  }
}
