import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { idleExpired } from '../../core/security/auto-lock';
import { LOCKET_DB_NAME } from '../../core/store/db-name';
import { openLocketDb } from '../../core/store/schema';
import { createAccess, type Access } from '../../core/vault/access';
import type { AccessPorts } from '../../core/vault/access-ports';
import { createAccountManager, type AccountManager } from '../../core/vault/account';
import type { UnlockedKeys } from '../../core/vault/types';
import { createPageAccessPorts } from '../services/access-ports';
import { createPageServices, type PageServices } from '../services/create-page-services';
import type { LocketServices, SecurityServices } from '../services/services';
import {
  lockSession, onSessionChange, readLastActivity, readLockPolicy, readSessionKeys, touchActivity, writeLockPolicy,
} from '../services/session';
import { baseStyles } from '../shared/tokens.styles';
import '../locket-setup/locket-setup';
import '../locket-unlock/locket-unlock';

export type SurfaceTag = 'locket-workspace' | 'locket-popup' | 'locket-options';
type Phase = 'loading' | 'setup' | 'locked' | 'unlocked' | 'failed';

/** How often user activity is written to the session: often enough for a one-minute auto-lock. */
const ACTIVITY_WRITE_MS = 10_000;

/**
 * What every surface mounts: shows account setup on first run, the lock screen while locked
 * (nothing of the data), and the surface itself once unlocked. Follows the session, so a lock
 * or unlock anywhere reaches every open page.
 */
export class LocketGate extends LitElement {
  static override styles = [baseStyles, css`:host { display: block; }`];

  @property() surface: SurfaceTag = 'locket-workspace';

  @state() private phase: Phase = 'loading';
  @state() private secondFactor = false;
  @state() private failure = '';
  private ports?: AccessPorts;
  private access?: Access;
  private account?: AccountManager;
  private services?: PageServices;
  private surfaceElement?: HTMLElement & { services: LocketServices };
  private pendingOwner: { readonly name: string; readonly email: string } | null = null;
  private queue: Promise<void> = Promise.resolve();
  private lastActivityWrite = 0;
  private stopListening?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('pointerdown', this.onActivity);
    this.addEventListener('keydown', this.onActivity);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
    this.closeServices();
  }

  private async start(): Promise<void> {
    try {
      const ports = createPageAccessPorts(await openLocketDb(indexedDB, LOCKET_DB_NAME));
      this.ports = ports;
      this.access = createAccess(ports);
      this.account = createAccountManager(ports);
      this.stopListening = onSessionChange(() => this.evaluate());
      this.evaluate();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Re-reads vault and session; runs one at a time so a burst of session changes settles in order. */
  private evaluate(): void {
    this.queue = this.queue.then(() => this.settle()).catch((error: unknown) => this.fail(error));
  }

  private async settle(): Promise<void> {
    const vault = await this.ports?.vaults.load();
    if (!vault) { this.closeServices(); this.phase = 'setup'; return; }
    this.secondFactor = vault.secondFactor !== null;
    const [keys, policy, lastActivity] = await Promise.all([readSessionKeys(), readLockPolicy(), readLastActivity()]);
    if (keys && lastActivity !== null && idleExpired(policy, lastActivity, Date.now())) {
      await lockSession();
      return;
    }
    if (!keys) { this.closeServices(); this.phase = 'locked'; return; }
    const services = this.services ?? await this.openSurface(keys);
    if (this.pendingOwner) {
      // Name and email are personal data: they wait for the encrypted store of a fresh account.
      await services.store.saveSettings({ ownerName: this.pendingOwner.name, ownerEmail: this.pendingOwner.email });
      this.pendingOwner = null;
    }
    this.phase = 'unlocked';
  }

  private async openSurface(keys: UnlockedKeys): Promise<PageServices> {
    const services = await createPageServices(keys, this.securityServices());
    this.services = services;
    const element = document.createElement(this.surface) as HTMLElement & { services: LocketServices };
    element.services = services;
    this.surfaceElement = element;
    return services;
  }

  private securityServices(): SecurityServices {
    const { ports, account } = this;
    if (!ports || !account) throw new Error('Account access is not ready');
    return {
      vault: () => ports.vaults.load(),
      account,
      sessionKeys: readSessionKeys,
      lockNow: lockSession,
      lockPolicy: { read: readLockPolicy, write: writeLockPolicy },
      logins: ports.logins,
      passwordPolicy: ports.passwordPolicy,
    };
  }

  private closeServices(): void {
    this.surfaceElement?.remove();
    this.surfaceElement = undefined;
    this.services?.close();
    this.services = undefined;
  }

  private fail(error: unknown): void {
    this.failure = error instanceof Error ? error.message : String(error);
    this.phase = 'failed';
  }

  private readonly onActivity = (): void => {
    const now = Date.now();
    if (this.phase !== 'unlocked' || now - this.lastActivityWrite < ACTIVITY_WRITE_MS) return;
    this.lastActivityWrite = now;
    void touchActivity(now);
  };

  protected override render() {
    switch (this.phase) {
      case 'loading': return html`<p class="muted" role="status">Opening Locket…</p>`;
      case 'failed': return html`<p role="alert">Locket could not open its data: ${this.failure}</p>`;
      case 'setup':
        return html`<locket-setup .account=${this.account} .policy=${this.ports?.passwordPolicy}
          @locket-account-created=${(e: HTMLElementEventMap['locket-account-created']) => { this.pendingOwner = e.detail; this.evaluate(); }}></locket-setup>`;
      case 'locked':
        return html`<locket-unlock .access=${this.access} ?second-factor=${this.secondFactor}></locket-unlock>`;
      case 'unlocked':
        return html`${this.surfaceElement}`;
    }
  }
}
