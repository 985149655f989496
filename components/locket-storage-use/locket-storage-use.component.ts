import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RetentionServices } from '../../platform/page-services/services';
import type { StorageStatus } from '../../platform/retention/storage-status';
import { sizeText } from '../locket-retention-settings/retention-text';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { baseStyles } from '../shared/tokens.styles';
import { storageUseStyles } from './locket-storage-use.styles';
import { STORAGE_WORDS as W } from '../shared/messages/settings-section-words';
import { LocaleController } from '../shared/i18n/locale';

type StorageAct = 'read' | 'ask';

/** What the owner reads when an act failed; `cause` is the failure in words. */
const FAILED: { readonly [A in StorageAct]: (cause: string) => string } = {
  read: (cause) => W.readFailed(cause),
  ask: (cause) => W.askFailed(cause),
};

const usageText = (usage: number | null): string =>
  (usage === null ? W.unknownUse : W.uses(sizeText(usage)));

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
  @state() private refused = false;
  private readonly acts = new ActionController<StorageAct>(this);
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('revision') && this.hasUpdated) void this.load();
  }

  /** A reload leaves a failure shown in place: the owner did not start it. */
  private async load(): Promise<void> {
    await this.acts.run('read', async () => {
      this.status = await this.retention.storageStatus();
    }, { keepFailure: true });
  }

  private async askToKeep(): Promise<void> {
    await this.acts.run('ask', async () => {
      this.refused = !(await this.retention.keepData());
      await this.load();
    });
  }

  private errorText(): string {
    const failure = this.acts.failure;
    return failure ? FAILED[failure.act](failureText(failure.cause)) : '';
  }

  private renderKept(kept: boolean) {
    if (kept) return html`<p>${W.kept}</p>`;
    return html`<p>${W.notKept}</p>
      <div class="actions">
        <button type="button" ?disabled=${this.acts.busyWith('ask')} @click=${() => void this.askToKeep()}>${W.ask}</button>
        ${this.refused ? html`<span role="status">${W.refused}</span>` : nothing}
      </div>`;
  }

  protected override render() {
    const status = this.status;
    const error = this.errorText();
    return html`
      <h3>${W.storage}</h3>
      ${status === null ? (error ? nothing : html`<p class="muted" role="status">${W.loading}</p>`)
        : html`<p>${usageText(status.usage)}</p>${this.renderKept(status.kept)}`}
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}`;
  }
}
