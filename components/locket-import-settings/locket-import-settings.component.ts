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
import { ActionController } from '../shared/action-controller';
import { failureText, writeFailureText } from '../shared/failure-text';
import { undoSkipText } from '../shared/messages/import-messages';
import { baseStyles } from '../shared/tokens.styles';
import { targetFromValue } from './field-labels';
import { previewView, summaryView, type PreviewHandlers } from './import-views';
import { importStyles } from './locket-import-settings.styles';
import { IMPORT_WORDS as WORDS } from './import-words';
import { IMPORT_HISTORY_WORDS as HISTORY_WORDS } from '../locket-import-history/import-history-words';
import { LocaleController } from '../shared/i18n/locale';
import { KIND_LABELS } from '../shared/kind-labels';

const POLICIES: readonly DuplicatePolicy[] = ['skip', 'update', 'create'];

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
  /** Each step (reading the files, the check, the import, the undo) runs here, one at a time. */
  private readonly step = new ActionController<'step'>(this);
  /** A chosen file over the size limit, refused before anything is read. */
  @state() private tooLarge: { readonly name: string; readonly size: number } | null = null;
  /** Bumped after each import and undo, so the recent-imports list reads the change log again. */
  @state() private historyRevision = 0;
  private readonly locale = new LocaleController(this);

  private reset(): void {
    this.summary = null;
    this.result = null;
    this.undone = null;
    this.tooLarge = null;
    this.step.clear();
  }

  private get busy(): boolean {
    return this.step.busy;
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
      this.tooLarge = { name: tooLarge.name, size: tooLarge.size };
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
  private async run(step: (onProgress: (done: number, total: number) => void) => Promise<void>, total?: number): Promise<void> {
    await this.step.run('step', step, { total });
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

  private readonly startImport = () => {
    const ref = this.summary?.planRef;
    if (!ref) return;
    const total = (this.summary?.total.new ?? 0) + (this.summary?.total.updated ?? 0);
    void this.run(async (onProgress) => {
      try {
        this.result = await this.services.imports.runImport(ref, ({ done, total: all }) => onProgress(done, all));
      } finally {
        this.historyRevision++;
      }
    }, total);
  };

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
      <p class="status" role="status">${WORDS.imported(result.written)}${result.failed > 0 ? WORDS.notWritten(result.failed) : ''}</p>
      ${result.failure ? html`<p class="error" role="alert">${WORDS.stopped(writeFailureText(result.failure))}</p>` : nothing}
      ${this.undone ? html`<p class="status" role="status">${HISTORY_WORDS.undoneReport(this.undone.removed, this.undone.restored)}</p>
          ${this.undone.skipped.length > 0 ? html`<ul class="rows" aria-label=${HISTORY_WORDS.keptByUndo}>${this.undone.skipped.map((skip) => html`<li>${KIND_LABELS[skip.kind].one} ${skip.id}: ${undoSkipText(skip.reason)}</li>`)}</ul>` : nothing}`
        : html`<div class="actions"><button type="button" ?disabled=${this.busy} @click=${this.undo}>${WORDS.undoThis}</button></div>`}`;
  }

  private errorText(): string {
    const file = this.tooLarge;
    if (file) return WORDS.tooLarge(file.name, file.size, MAX_IMPORT_BYTES);
    return this.step.failure ? failureText(this.step.failure.cause) : '';
  }

  protected override render() {
    const readyToCheck = this.mappings.some((mapping) => mapping !== null);
    return html`
      <p class="muted">${WORDS.intro}</p>
      <label>${WORDS.filesToImport}
        <input type="file" accept=".csv,text/csv,.vcf,text/vcard" multiple ?disabled=${this.busy} @change=${(e: Event) => void this.choose(e)} />
      </label>
      ${this.errorText() ? html`<p class="error" role="alert">${this.errorText()}</p>` : nothing}
      ${this.previews.map((preview, index) => previewView(preview, this.mappings[index] ?? null, index, this.handlers))}
      ${readyToCheck ? html`
        <fieldset>
          <legend>${WORDS.alreadyHas}</legend>
          ${POLICIES.map((choice) => html`<label><input type="radio" name="policy" .checked=${this.policy === choice}
            @change=${() => { this.policy = choice; this.reset(); }} /> ${WORDS.policies[choice]}</label>`)}
        </fieldset>
        <div class="actions"><button type="button" ?disabled=${this.busy || this.result !== null} @click=${this.check}>${WORDS.check}</button></div>` : nothing}
      ${this.summary ? summaryView(this.summary) : nothing}
      ${this.summary?.planRef && !this.result ? html`<div class="actions">
        <button class="primary" type="button" ?disabled=${this.busy} @click=${this.startImport}>${WORDS.import}</button></div>` : nothing}
      ${this.step.progress ? html`<progress aria-label=${WORDS.progress} max=${Math.max(1, this.step.progress.total)} value=${this.step.progress.done}></progress>` : nothing}
      ${this.result ? this.resultView(this.result) : nothing}
      <locket-import-history .services=${this.services} .revision=${this.historyRevision}
        @locket-import-undone=${this.undoneFromList}></locket-import-history>`;
  }
}
