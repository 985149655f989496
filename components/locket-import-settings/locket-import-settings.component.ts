import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CsvFile, ImportMapping } from '../../core/csv/fields';
import { guessMapping } from '../../core/csv/mapping';
import { MAX_IMPORT_BYTES } from '../../core/csv/parse';
import type { DuplicatePolicy } from '../../core/csv/plan-types';
import type { UndoImportReport } from '../../core/imports/import-batch-types';
import type { ImportFileInput, ImportFilePreview, ImportResult, ImportSummary } from '../../worker/import-types';
import '../locket-import-history/locket-import-history';
import type { LocketServices } from '../../platform/page-services/services';
import { failureText, writeFailureText } from '../shared/failure-text';
import { ProgressRun } from '../shared/progress-run';
import { baseStyles } from '../shared/tokens.styles';
import { targetFromValue } from './field-labels';
import { previewView, summaryView, type PreviewHandlers } from './import-views';
import { importStyles } from './locket-import-settings.styles';

const POLICIES: readonly { readonly value: DuplicatePolicy; readonly label: string }[] = [
  { value: 'skip', label: 'Skip them' },
  { value: 'update', label: 'Update them with the file’s values' },
  { value: 'create', label: 'Import them anyway, as new records' },
];

/** Import from CSV: choose files, check the preview and mapping, dry run, import with progress, undo. */
export class LocketImportSettings extends LitElement {
  static override styles = [baseStyles, importStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private files: ImportFileInput[] = [];
  @state() private previews: ImportFilePreview[] = [];
  @state() private mappings: (ImportMapping<CsvFile> | null)[] = [];
  @state() private policy: DuplicatePolicy = 'skip';
  @state() private summary: ImportSummary | null = null;
  @state() private result: ImportResult | null = null;
  @state() private undone: UndoImportReport | null = null;
  @state() private busy = false;
  private readonly importing = new ProgressRun(this);
  @state() private error = '';
  /** Bumped after each import and undo, so the recent-imports list reads the change log again. */
  @state() private historyRevision = 0;

  private reset(): void {
    this.summary = null;
    this.result = null;
    this.undone = null;
    this.error = '';
  }

  private async choose(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const chosen = [...(input.files ?? [])];
    this.reset();
    this.files = [];
    this.previews = [];
    this.mappings = [];
    if (chosen.length === 0) return;
    const tooLarge = chosen.find((file) => file.size > MAX_IMPORT_BYTES);
    if (tooLarge) {
      this.error = `${tooLarge.name} is ${(tooLarge.size / 1024 / 1024).toFixed(1)} MB; Locket imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`;
      return;
    }
    await this.run(async () => {
      const files = await Promise.all(chosen.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
      const previews = await this.services.imports.previewImport(files);
      this.files = files;
      this.previews = previews;
      this.mappings = previews.map((preview) => preview.mapping);
    });
  }

  private readonly handlers: PreviewHandlers = {
    kindChanged: (index, file) => {
      const preview = this.previews[index];
      if (!preview) return;
      this.mappings = this.mappings.map((mapping, at) => (at === index ? guessMapping(file, preview.headers) : mapping));
      this.reset();
    },
    columnChanged: (index, column, value) => {
      const header = this.previews[index]?.headers[column] ?? '';
      this.mappings = this.mappings.map((mapping, at) => (at !== index || !mapping ? mapping : {
        ...mapping, columns: mapping.columns.map((target, c) => (c === column ? targetFromValue(mapping.file, header, value) : target)),
      }));
      this.reset();
    },
  };

  /** One step at a time; a failure is shown, and nothing else changes. */
  private async run(step: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await step();
    } catch (error) {
      this.error = failureText(error);
    } finally {
      this.busy = false;
    }
  }

  private readonly check = () => this.run(async () => {
    this.reset();
    const usable = this.files.flatMap((file, index) => {
      const mapping = this.mappings[index];
      return mapping ? [{ file, mapping }] : [];
    });
    if (usable.length === 0) return;
    this.summary = await this.services.imports.planImport(usable.map((u) => u.file), usable.map((u) => u.mapping), this.policy);
  });

  private readonly startImport = () => this.run(async () => {
    const ref = this.summary?.planRef;
    if (!ref) return;
    const total = (this.summary?.total.new ?? 0) + (this.summary?.total.updated ?? 0);
    try {
      this.result = await this.importing.run((onProgress) =>
        this.services.imports.runImport(ref, ({ done, total: all }) => onProgress(done, all)), total);
    } finally {
      this.historyRevision++;
    }
  });

  private readonly undo = () => this.run(async () => {
    if (!this.result) return;
    try {
      this.undone = await this.services.imports.undoImport(this.result.batchId);
    } finally {
      this.historyRevision++;
    }
  });

  /** The list undid the import just run: its button here must not offer the undo again. */
  private readonly undoneFromList = ({ detail }: HTMLElementEventMap['locket-import-undone']) => {
    if (this.result?.batchId === detail.batchId) this.undone = detail.report;
  };

  private resultView(result: ImportResult) {
    return html`
      <p class="status" role="status">Imported ${result.written} ${result.written === 1 ? 'record' : 'records'}.${
        result.failed > 0 ? ` ${result.failed} could not be written.` : ''}</p>
      ${result.failure ? html`<p class="error" role="alert">The import stopped: ${writeFailureText(result.failure)} What was written before that is kept.</p>` : nothing}
      ${this.undone ? html`<p class="status" role="status">Import undone: ${this.undone.removed} removed, ${this.undone.restored} restored.</p>
          ${this.undone.skipped.length > 0 ? html`<ul class="rows" aria-label="Kept by the undo">${this.undone.skipped.map((skip) => html`<li>${skip.kind} ${skip.id}: ${skip.reason}</li>`)}</ul>` : nothing}`
        : html`<div class="actions"><button type="button" ?disabled=${this.busy} @click=${this.undo}>Undo this import</button></div>`}`;
  }

  protected override render() {
    const readyToCheck = this.mappings.some((mapping) => mapping !== null);
    return html`
      <p class="muted">Import people, organisations, cases, opportunities and notes from CSV files: Locket’s own export, or another tool’s.</p>
      <label>CSV files to import
        <input type="file" accept=".csv,text/csv" multiple ?disabled=${this.busy} @change=${(e: Event) => void this.choose(e)} />
      </label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.previews.map((preview, index) => previewView(preview, this.mappings[index] ?? null, index, this.handlers))}
      ${readyToCheck ? html`
        <fieldset>
          <legend>Records Locket already has</legend>
          ${POLICIES.map((choice) => html`<label><input type="radio" name="policy" .checked=${this.policy === choice.value}
            @change=${() => { this.policy = choice.value; this.reset(); }} /> ${choice.label}</label>`)}
        </fieldset>
        <div class="actions"><button type="button" ?disabled=${this.busy || this.result !== null} @click=${this.check}>Check</button></div>` : nothing}
      ${this.summary ? summaryView(this.summary) : nothing}
      ${this.summary?.planRef && !this.result ? html`<div class="actions">
        <button class="primary" type="button" ?disabled=${this.busy} @click=${this.startImport}>Import</button></div>` : nothing}
      ${this.importing.progress ? html`<progress aria-label="Import progress" max=${Math.max(1, this.importing.progress.total)} value=${this.importing.progress.done}></progress>` : nothing}
      ${this.result ? this.resultView(this.result) : nothing}
      <locket-import-history .services=${this.services} .revision=${this.historyRevision}
        @locket-import-undone=${this.undoneFromList}></locket-import-history>`;
  }
}
