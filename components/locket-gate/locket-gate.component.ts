import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { systemClock } from '../../core/clock';
import { createActivityMarker, idleExpired } from '../../core/security/auto-lock';
import type { CancellationStatus } from '../../core/account/account-cancellation';
import { createPageServices, type PageServices } from '../../platform/page-services/create-page-services';
import { createKeyFollower } from '../../platform/page-services/key-follower';
import { startPageSweep } from '../../platform/retention/retention-services';
import type { LocketServices } from '../../platform/page-services/services';
import { lockSession, onSessionChange, readLastActivity, readLockPolicy, readSessionKeys, touchActivity } from '../../platform/session/session';
import { baseStyles } from '../shared/tokens.styles';
import { openGateConnection, securityServicesFor, type GateConnection } from '../../platform/page-services/gate-connection';
import { failureText } from '../shared/failure-text';
import { LocaleController } from '../shared/i18n/locale';
import { ACCESS_WORDS } from '../shared/messages/access-words';
import '../locket-setup/locket-setup';
import '../locket-unlock/locket-unlock';
import '../locket-cancelled/locket-cancelled';
import type { Result } from '../../core/result';
import type { RelayRestoreProblem } from '../../core/sync-account/relay-restore';
import { hostPermissions } from '../../platform/permissions/host-permission';
import type { RelayRestorePort } from '../sync/locket-relay-restore/locket-relay-restore.component';
import { RELAY_COPY_WORDS } from '../shared/messages/relay-copy-words';

export type SurfaceTag = 'locket-workspace' | 'locket-popup' | 'locket-options';
type Phase = 'loading' | 'setup' | 'locked' | 'cancelled' | 'unlocked' | 'failed';

/**
 * What every surface mounts: shows account setup on first run, the lock screen while locked
 * (nothing of the data), only "restore account" while the account is cancelled, and the
 * surface itself once unlocked. Follows the session, so a lock or unlock anywhere reaches every
 * open page; a cancellation locks the session, so it reaches them the same way.
 */
export class LocketGate extends LitElement {
  static override styles = [baseStyles, css`:host { display: block; }`];

  @property() surface: SurfaceTag = 'locket-workspace';
  /** Attributes the surface is created with (the side panel's `start-view`, from its address). */
  @property({ attribute: false }) surfaceAttributes: Readonly<Record<string, string>> = {};

  /** Reflected, read-only from outside: the side panel's early paint gives way once it is past loading (entrypoints/sidepanel). */
  @property({ reflect: true }) phase: Phase = 'loading';
  @state() private secondFactor = false;
  @state() private failure = '';
  @state() private cancelled: CancellationStatus | null = null;
  private connection?: GateConnection;
  private surfaceElement?: HTMLElement & { services: LocketServices };
  /** Services on the session's account key; a new key (a key removed, codes replaced) gets new ones. */
  private readonly services = createKeyFollower<PageServices>(
    async (keys) => createPageServices(keys, securityServicesFor(await this.connect(), () => this.followSession())),
    (services, previous) => {
      if (previous && this.surfaceElement) {
        this.surfaceElement.services = services;
        return;
      }
      const element = document.createElement(this.surface) as HTMLElement & { services: LocketServices };
      for (const [name, value] of Object.entries(this.surfaceAttributes)) element.setAttribute(name, value);
      element.services = services;
      this.surfaceElement = element;
    },
  );
  private pendingOwner: { readonly name: string; readonly email: string } | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly activity = createActivityMarker(systemClock, touchActivity);
  private stopListening?: () => void;
  private stopExpiredSweep?: () => void;
  private readonly locale = new LocaleController(this);
  /** First run shows "Create account", or the screen that restores from the owner's relay (loaded when asked for). */
  @state() private relayRestore: RelayRestorePort | null = null;
  /** True from the moment the restore screen makes the vault until its restore ends: the surface waits behind it. */
  private restoring = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('pointerdown', this.onActivity);
    this.addEventListener('keydown', this.onActivity);
    this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopExpiredSweep?.();
    this.stopListening?.();
    this.closeServices();
  }

  private start(): void {
    this.stopListening = onSessionChange(() => this.evaluate());
    this.evaluate();
  }

  /**
   * The open connection, or a new one once the browser closed the last: after a sweep deleted
   * the database, opening it again creates an empty one, and the gate shows first-run setup.
   */
  private async connect(): Promise<GateConnection> {
    if (this.connection?.isOpen()) return this.connection;
    this.connection = await openGateConnection(() => this.evaluate());
    return this.connection;
  }

  /** Re-reads vault and session; runs one at a time so a burst of session changes settles in order. */
  private evaluate(): void {
    this.queue = this.queue.then(() => this.settle()).catch((error: unknown) => this.fail(error));
  }

  /** Settles on the session as it is now (a new account key included), and resolves once done. */
  private followSession(): Promise<void> {
    this.evaluate();
    return this.queue;
  }

  private async settle(): Promise<void> {
    const connection = await this.connect();
    performance.mark('locket:gate-open');
    const vault = await connection.ports.vaults.load();
    if (!vault) { this.closeServices(); this.phase = 'setup'; return; }
    this.secondFactor = vault.secondFactor !== null;
    const [keys, policy, lastActivity, cancelled] = await Promise.all([
      readSessionKeys(), readLockPolicy(), readLastActivity(), connection.cancellation.status(),
    ]);
    this.cancelled = cancelled;
    if (cancelled) {
      this.closeServices();
      this.phase = 'cancelled';
      // A cancelled account is never open anywhere, whatever a half-finished cancel left behind.
      if (keys) await lockSession();
      // Past its 14 days, the page does not wait for the background's alarm: a sweep deletes it now.
      if (cancelled.expired) this.stopExpiredSweep ??= startPageSweep(null, 0);
      return;
    }
    if (keys && lastActivity !== null && idleExpired(policy, lastActivity, Date.now())) {
      await lockSession();
      return;
    }
    if (!keys) { this.closeServices(); this.phase = 'locked'; return; }
    const services = await this.services.follow(keys);
    if (this.restoring) return;
    // Stages of opening a surface, read by the bench (test/bench/page-timing.ts) beside its figures.
    performance.mark('locket:services-ready');
    if (this.pendingOwner) {
      // Name and email are personal data: they wait for the encrypted store of a fresh account.
      await services.store.saveSettings({ ownerName: this.pendingOwner.name, ownerEmail: this.pendingOwner.email });
      this.pendingOwner = null;
      // This device holds the only copy: ask the browser not to evict it. Retention shows the answer.
      await services.retention.keepData().catch(() => false);
    }
    this.phase = 'unlocked';
  }

  private async openRelayRestore(): Promise<void> {
    const [{ previewThroughRelay }] = await Promise.all([
      import('../../platform/page-services/relay-restore-port'), import('../sync/locket-relay-restore/locket-relay-restore'),
    ]);
    this.relayRestore = { preview: previewThroughRelay, finish: (...args) => this.finishRelayRestore(...args) };
  }

  /** On the services of the vault the restore screen just made: the worker enrols this device and pulls the records. */
  private async finishRelayRestore(relayUrl: string, words: readonly string[], deviceName: string): Promise<Result<void, RelayRestoreProblem>> {
    await this.followSession();
    const services = this.services.current();
    return services ? services.restoreFromRelay(relayUrl, [...words], deviceName) : { ok: false, error: { type: 'locked' } };
  }

  private renderSetup() {
    if (this.relayRestore) {
      return html`<main><locket-relay-restore .account=${this.connection?.account} .policy=${this.connection?.ports.passwordPolicy}
        .restore=${this.relayRestore} .permissions=${hostPermissions}
        @locket-relay-restore-started=${() => { this.restoring = true; }}
        @locket-relay-restore-stopped=${() => { this.restoring = false; }}
        @locket-relay-restore-closed=${() => { this.relayRestore = null; }}
        @locket-relay-restore-done=${(e: HTMLElementEventMap['locket-relay-restore-done']) => {
          this.restoring = false;
          this.pendingOwner = e.detail;
          this.relayRestore = null;
          this.evaluate();
        }}></locket-relay-restore></main>`;
    }
    return html`<main><locket-setup .account=${this.connection?.account} .policy=${this.connection?.ports.passwordPolicy}
        @locket-account-created=${(e: HTMLElementEventMap['locket-account-created']) => { this.pendingOwner = e.detail; this.evaluate(); }}></locket-setup>
      <p><button type="button" @click=${() => void this.openRelayRestore()}>${RELAY_COPY_WORDS.open}</button></p></main>`;
  }

  private closeServices(): void {
    this.surfaceElement?.remove();
    this.surfaceElement = undefined;
    this.services.close();
  }

  private fail(error: unknown): void {
    this.failure = failureText(error);
    this.phase = 'failed';
  }

  private readonly onActivity = (): void => {
    if (this.phase === 'unlocked') this.activity.mark();
  };

  protected override render() {
    switch (this.phase) {
      case 'loading': return html`<p class="muted" role="status">${ACCESS_WORDS.opening}</p>`;
      case 'failed': return html`<p role="alert">${ACCESS_WORDS.openFailed(this.failure)}</p>`;
      // The screens before the surface are the page's main content: a screen reader can jump to them.
      case 'setup': return this.renderSetup();
      case 'locked':
        return html`<main><locket-unlock .access=${this.connection?.access} ?second-factor=${this.secondFactor}></locket-unlock></main>`;
      case 'cancelled':
        return html`<main><locket-cancelled .status=${this.cancelled} .cancellation=${this.connection?.cancellation}
          ?second-factor=${this.secondFactor} @locket-account-restored=${() => this.evaluate()}></locket-cancelled></main>`;
      case 'unlocked':
        return html`${this.surfaceElement}`;
    }
  }
}
