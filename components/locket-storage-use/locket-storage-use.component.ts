import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RetentionServices } from '../../platform/page-services/services';
import type { StorageStatus } from '../../platform/retention/storage-status';
import { sizeText } from '../locket-retention-settings/retention-text';
import { failureText } from '../shared/failure-text';
import { baseStyles } from '../shared/tokens.styles';
import { storageUseStyles } from './locket-storage-use.styles';

const usageText = (usage: number | null): string =>
  (usage === null ? 'The browser does not say how much space Locket uses.' : `Locket uses ${sizeText(usage)} on this device.`);

/**
 * Under Retention: how much Locket stores on this device, and whether the browser keeps it when
 * the disk runs low. This device holds the only copy, so when it is not kept, the owner can ask
 * again and is told to keep a backup.
 */
export class LocketStorageUse extends LitElement {
  static override styles = [baseStyles, storageUseStyles];

  @property({ attribute: false }) retention!: RetentionServices;
  /** Bumped by the owner element when a sweep has run, since a sweep frees space. */
  @property({ type: Number }) revision = 0;

  @state() private status: StorageStatus | null = null;
  @state() private asking = false;
  @state() private refused = false;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('revision') && this.hasUpdated) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.status = await this.retention.storageStatus();
    } catch (error) {
      this.error = `The storage use could not be read: ${failureText(error)}`;
    }
  }

  private async askToKeep(): Promise<void> {
    this.asking = true;
    this.error = '';
    try {
      this.refused = !(await this.retention.keepData());
      await this.load();
    } catch (error) {
      this.error = `The browser could not be asked: ${failureText(error)}`;
    } finally {
      this.asking = false;
    }
  }

  private renderKept(kept: boolean) {
    if (kept) return html`<p>The browser keeps Locket’s data even when the disk runs low.</p>`;
    return html`<p>The browser may delete Locket’s data when the disk runs low, and this device holds the only copy.
        Keep a recent backup (Settings → Backup).</p>
      <div class="actions">
        <button type="button" ?disabled=${this.asking} @click=${() => void this.askToKeep()}>Ask the browser to keep Locket’s data</button>
        ${this.refused ? html`<span role="status">The browser did not agree this time.</span>` : nothing}
      </div>`;
  }

  protected override render() {
    const status = this.status;
    return html`
      <h3>Storage</h3>
      ${status === null ? (this.error ? nothing : html`<p class="muted" role="status">Loading…</p>`)
        : html`<p>${usageText(status.usage)}</p>${this.renderKept(status.kept)}`}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`;
  }
}
