import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BulkChangeSummary, TagCount } from '../../core/bulk/bulk-types';
import type { LocketServices } from '../../platform/page-services/services';
import { LocaleController } from '../shared/i18n/locale';
import { formatDateTime, formatNumber } from '../shared/i18n/format';
import { BULK_WORDS } from '../shared/messages/bulk-words';
import { failureText } from '../shared/failure-text';
import { baseStyles } from '../shared/tokens.styles';
import { tagsSettingsStyles } from './locket-tags-settings.styles';

/**
 * Options → Tags: every tag with how many records carry it, renamed (or merged into another by
 * renaming it to that one's name) as one bulk change; and the recent bulk changes, each undoable.
 */
export class LocketTagsSettings extends LitElement {
  static override styles = [baseStyles, tagsSettingsStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private tags: readonly TagCount[] | null = null;
  @state() private history: readonly BulkChangeSummary[] = [];
  @state() private message = '';
  @state() private busy = false;
  private unsubscribe?: () => void;
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
    this.unsubscribe = this.services.changes.subscribe(() => void this.reload());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private async reload(): Promise<void> {
    const [tags, history] = await Promise.all([this.services.store.tagCounts(), this.services.store.listBulkChanges()]);
    this.tags = tags;
    this.history = history;
  }

  private async act(run: () => Promise<string>): Promise<void> {
    this.busy = true;
    try {
      this.message = await run();
    } catch (error) {
      this.message = failureText(error);
    }
    this.busy = false;
    await this.reload();
  }

  private rename(event: SubmitEvent, from: string): void {
    event.preventDefault();
    const to = String(new FormData(event.target as HTMLFormElement).get('to') ?? '').trim();
    if (to === '' || to === from) return;
    void this.act(async () => {
      const report = await this.services.store.renameTag(from, to);
      return report.failure ? BULK_WORDS.failed : BULK_WORDS.done(BULK_WORDS.did(report.changed, { type: 'rename-tag', from, to }));
    });
  }

  private undo(change: BulkChangeSummary): void {
    void this.act(async () => {
      const report = await this.services.store.undoBulk(change.batchId);
      return `${BULK_WORDS.undone(report.restored)}${report.skipped.length > 0 ? ` ${BULK_WORDS.keptByUndo(report.skipped.length)}` : ''}`;
    });
  }

  private renderTags(tags: readonly TagCount[]) {
    if (tags.length === 0) return html`<p class="muted">${BULK_WORDS.noTags}</p>`;
    return html`<table aria-label=${BULK_WORDS.tags}>
      <thead><tr><th scope="col">${BULK_WORDS.tag}</th><th scope="col">${BULK_WORDS.count}</th><th scope="col">${BULK_WORDS.rename}</th></tr></thead>
      <tbody>${tags.map(({ tag, count }) => html`<tr>
        <th scope="row">${tag}</th><td>${formatNumber(count)}</td>
        <td><form @submit=${(event: SubmitEvent) => this.rename(event, tag)}>
          <input name="to" required maxlength="50" autocomplete="off" aria-label=${BULK_WORDS.renameTo(tag)} list="locket-tag-names">
          <button type="submit" ?disabled=${this.busy}>${BULK_WORDS.rename}</button></form></td>
      </tr>`)}</tbody></table>
      <datalist id="locket-tag-names">${tags.map(({ tag }) => html`<option value=${tag}></option>`)}</datalist>`;
  }

  private renderHistory() {
    if (this.history.length === 0) return html`<p class="muted">${BULK_WORDS.none}</p>`;
    return html`<table aria-label=${BULK_WORDS.history}>
      <thead><tr><th scope="col">${BULK_WORDS.when}</th><th scope="col">${BULK_WORDS.what}</th><th scope="col">${BULK_WORDS.state}</th></tr></thead>
      <tbody>${this.history.map((change) => html`<tr>
        <td>${formatDateTime(change.at)}</td><td>${BULK_WORDS.did(change.count, change.action)}</td>
        <td>${change.undone ? BULK_WORDS.undoneState : html`<button ?disabled=${this.busy} @click=${() => this.undo(change)}>${BULK_WORDS.undo(BULK_WORDS.did(change.count, change.action))}</button>`}</td>
      </tr>`)}</tbody></table>`;
  }

  protected override render() {
    if (!this.tags) return html`<p class="muted" role="status">${BULK_WORDS.loading}</p>`;
    return html`<p class="muted">${BULK_WORDS.tagsLead}</p>
      ${this.renderTags(this.tags)}
      ${this.message ? html`<p role="status">${this.message}</p>` : nothing}
      <h3>${BULK_WORDS.history}</h3>
      ${this.renderHistory()}`;
  }
}
