import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ImportBatchSummary, UndoImportReport } from '../../core/imports/import-batch-types';
import type { LocketServices } from '../../platform/page-services/services';
import { failureText } from '../shared/failure-text';
import { baseStyles } from '../shared/tokens.styles';
import { importHistoryStyles } from './locket-import-history.styles';
import { ActionController } from '../shared/action-controller';
import { undoSkipText } from '../shared/messages/import-messages';
import { formatDateTime } from '../shared/i18n/format';

/** Formats in the page's language at the moment it is called. */
const when = { format: (at: number): string => formatDateTime(at, 'short') };
const records = (n: number): string => `${n} ${n === 1 ? 'record' : 'records'}`;
/** What undoing `batch` would do, in words: the confirmation must say how many records it touches. */
const undoEffect = (batch: ImportBatchSummary): string => [
  batch.created > 0 ? `removes the ${records(batch.created)} it created` : '',
  batch.updated > 0 ? `restores the earlier values of the ${records(batch.updated)} it updated` : '',
].filter(Boolean).join(' and ') || 'changes nothing';

/**
 * The imports Locket holds, read from the change log, so an import can be undone after the
 * page that ran it was closed. Sends `locket-import-undone` (detail: batchId and report).
 * Reloads when `revision` changes.
 */
export class LocketImportHistory extends LitElement {
  static override styles = [baseStyles, importHistoryStyles];

  @property({ attribute: false }) services!: LocketServices;
  /** Bumped by the owner element after an import or undo, so the list is read again. */
  @property({ type: Number }) revision = 0;

  @state() private imports: readonly ImportBatchSummary[] | null = null;
  @state() private confirming: ImportBatchSummary | null = null;
  @state() private undone: UndoImportReport | null = null;
  private readonly acts = new ActionController<'load' | 'undo'>(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('services') || changed.has('revision')) && this.services) void this.load();
  }

  /** A newer read supersedes an older one, so a late list never replaces a fresher one. */
  private async load(): Promise<void> {
    const ran = await this.acts.run('load', () => this.services.imports.listImports(), { keepFailure: true });
    if (ran.ok) this.imports = ran.value;
  }

  private async undo(batch: ImportBatchSummary): Promise<void> {
    const ran = await this.acts.run('undo', () => this.services.imports.undoImport(batch.batchId));
    if (!ran.ok) return;
    const report = ran.value;
    this.undone = report;
    this.confirming = null;
    this.dispatchEvent(new CustomEvent('locket-import-undone', { detail: { batchId: batch.batchId, report }, bubbles: true, composed: true }));
    await this.load();
  }

  private confirmation(batch: ImportBatchSummary) {
    const busy = this.acts.busyWith('undo');
    return html`<div class="confirm" role="alertdialog" aria-labelledby="undo-import-title">
      <p id="undo-import-title"><strong>Undo the import of ${when.format(batch.importedAt)}?</strong>
        This ${undoEffect(batch)}. Records changed since the import are kept as they are.</p>
      <div class="actions">
        <button class="danger" type="button" ?disabled=${busy} @click=${() => void this.undo(batch)}>Undo import</button>
        <button type="button" ?disabled=${busy} @click=${() => { this.confirming = null; }}>Keep it</button>
      </div>
    </div>`;
  }

  private row(batch: ImportBatchSummary) {
    return html`<tr>
      <td>${when.format(batch.importedAt)}</td><td>${batch.created}</td><td>${batch.updated}</td>
      <td>${batch.undone ? 'Undone' : html`<button type="button" ?disabled=${this.acts.busyWith('undo')}
        aria-label=${`Undo the import of ${when.format(batch.importedAt)}`}
        @click=${() => { this.undone = null; this.confirming = batch; }}>Undo</button>`}</td>
    </tr>`;
  }

  protected override render() {
    const report = this.undone;
    return html`<h3 id="recent-imports">Recent imports</h3>
      ${this.imports === null ? html`<p class="muted">Loading…</p>`
        : this.imports.length === 0 ? html`<p class="muted">No imports yet.</p>`
          : html`<table aria-labelledby="recent-imports">
            <thead><tr><th scope="col">Imported</th><th scope="col">Created</th><th scope="col">Updated</th><th scope="col">State</th></tr></thead>
            <tbody>${this.imports.map((batch) => this.row(batch))}</tbody>
          </table>`}
      ${this.confirming ? this.confirmation(this.confirming) : nothing}
      ${report ? html`<p class="status" role="status">Import undone: ${report.removed} removed, ${report.restored} restored.</p>
        ${report.skipped.length > 0 ? html`<ul class="rows" aria-label="Kept by the undo">${report.skipped.map((skip) => html`<li>${skip.kind} ${skip.id}: ${undoSkipText(skip.reason)}</li>`)}</ul>` : nothing}` : nothing}
      ${this.acts.failure ? html`<p class="error" role="alert">${failureText(this.acts.failure.cause)}</p>` : nothing}`;
  }
}
