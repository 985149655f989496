import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ImportBatchSummary, UndoImportReport } from '../../core/imports/import-batch-types';
import type { LocketServices } from '../../platform/page-services/services';
import { failureText } from '../shared/failure-text';
import { baseStyles } from '../shared/tokens.styles';
import { importHistoryStyles } from './locket-import-history.styles';
import { ActionController } from '../shared/action-controller';
import { undoSkipText } from '../shared/messages/import-messages';
import { formatDateTime, formatNumber } from '../shared/i18n/format';
import { LocaleController } from '../shared/i18n/locale';
import { KIND_LABELS } from '../shared/kind-labels';
import { IMPORT_HISTORY_WORDS as WORDS } from './import-history-words';

/** Formats in the page's language at the moment it is called. */
const when = { format: (at: number): string => formatDateTime(at, 'short') };

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
  private readonly locale = new LocaleController(this);

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
      <p id="undo-import-title"><strong>${WORDS.undoQuestion(when.format(batch.importedAt))}</strong>
        ${WORDS.undoEffect(batch.created, batch.updated)}</p>
      <div class="actions">
        <button class="danger" type="button" ?disabled=${busy} @click=${() => void this.undo(batch)}>${WORDS.undoImport}</button>
        <button type="button" ?disabled=${busy} @click=${() => { this.confirming = null; }}>${WORDS.keepIt}</button>
      </div>
    </div>`;
  }

  private row(batch: ImportBatchSummary) {
    return html`<tr>
      <td>${when.format(batch.importedAt)}</td><td>${formatNumber(batch.created)}</td><td>${formatNumber(batch.updated)}</td>
      <td>${batch.undone ? WORDS.undone : html`<button type="button" ?disabled=${this.acts.busyWith('undo')}
        aria-label=${WORDS.undoOf(when.format(batch.importedAt))}
        @click=${() => { this.undone = null; this.confirming = batch; }}>${WORDS.undo}</button>`}</td>
    </tr>`;
  }

  protected override render() {
    const report = this.undone;
    return html`<h3 id="recent-imports">${WORDS.recent}</h3>
      ${this.imports === null ? html`<p class="muted">${WORDS.loading}</p>`
        : this.imports.length === 0 ? html`<p class="muted">${WORDS.none}</p>`
          : html`<table aria-labelledby="recent-imports">
            <thead><tr><th scope="col">${WORDS.imported}</th><th scope="col">${WORDS.created}</th><th scope="col">${WORDS.updated}</th><th scope="col">${WORDS.state}</th></tr></thead>
            <tbody>${this.imports.map((batch) => this.row(batch))}</tbody>
          </table>`}
      ${this.confirming ? this.confirmation(this.confirming) : nothing}
      ${report ? html`<p class="status" role="status">${WORDS.undoneReport(report.removed, report.restored)}</p>
        ${report.skipped.length > 0 ? html`<ul class="rows" aria-label=${WORDS.keptByUndo}>${report.skipped.map((skip) => html`<li>${KIND_LABELS[skip.kind].one} ${skip.id}: ${undoSkipText(skip.reason)}</li>`)}</ul>` : nothing}` : nothing}
      ${this.acts.failure ? html`<p class="error" role="alert">${failureText(this.acts.failure.cause)}</p>` : nothing}`;
  }
}
