import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CSV_FILES, type CsvFile } from '../../core/csv/fields';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController } from '../shared/action-controller';
import { formStyles } from '../shared/form.styles';
import { baseStyles } from '../shared/tokens.styles';
import { runExport, runVcardExport, type ExportOutcome } from './export-run';
import { VCARD_EXPORT_MESSAGES } from '../shared/messages/import-messages';
import { exportSettingsStyles } from './locket-export-settings.styles';
import { EXPORT_WORDS as W } from '../shared/messages/settings-section-words';
import { LocaleController } from '../shared/i18n/locale';


/** The options page's Export section: choose files, export in the worker with progress, download. */
export class LocketExportSettings extends LitElement {
  static override styles = [baseStyles, formStyles, exportSettingsStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private chosen: ReadonlySet<CsvFile> = new Set(CSV_FILES);
  @state() private bom = false;
  @state() private outcome: ExportOutcome | null = null;
  private readonly exporting = new ActionController<'export'>(this, { exclusive: true });
  private readonly locale = new LocaleController(this);

  private toggle(file: CsvFile, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(file); else next.delete(file);
    this.chosen = next;
  }

  private async start(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.chosen.size === 0 || this.exporting.busy) return;
    this.outcome = null;
    const files = CSV_FILES.filter((file) => this.chosen.has(file));
    const ran = await this.exporting.run('export', (onProgress) => runExport(this.services, files, this.bom, onProgress), { total: 0 });
    if (ran.ok) this.outcome = ran.value;
  }

  private async startVcard(): Promise<void> {
    if (this.exporting.busy) return;
    this.outcome = null;
    const ran = await this.exporting.run('export', () => runVcardExport(this.services, null));
    if (ran.ok) this.outcome = ran.value;
  }

  private renderOutcome() {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    switch (outcome.state) {
      case 'done': return html`<p class="done" role="status">${W.exported(outcome.fileName)}</p>`;
      case 'cancelled': return html`<p role="status">${W.cancelled}</p>`;
      case 'failed': return html`<p class="error" role="alert">${W.failed(outcome.message)}</p>`;
    }
  }

  protected override render() {
    const progress = this.exporting.progress;
    return html`<form aria-label=${W.form} @submit=${(e: SubmitEvent) => void this.start(e)}>
      <p class="hint">${W.hint}</p>
      <fieldset>
        <legend>${W.filesLegend}</legend>
        ${CSV_FILES.map((file) => html`<label class="check"><input type="checkbox" name="files" .value=${file}
          .checked=${this.chosen.has(file)} ?disabled=${progress !== null}
          @change=${(e: Event) => this.toggle(file, (e.target as HTMLInputElement).checked)} />${W.files[file]}</label>`)}
      </fieldset>
      <label class="check"><input type="checkbox" name="bom" .checked=${this.bom} ?disabled=${progress !== null}
        @change=${(e: Event) => { this.bom = (e.target as HTMLInputElement).checked; }} />${W.bom}</label>
      ${this.chosen.size === 0 ? html`<p class="error" role="alert">${W.chooseOne}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.chosen.size === 0 || progress !== null}>${W.exportButton}</button>
        ${progress ? html`<button type="button" @click=${() => void this.services.exports.cancelExport()}>${W.cancel}</button>` : nothing}
      </div>
      ${progress ? html`<progress aria-label=${W.progress} max=${Math.max(progress.total, 1)} .value=${progress.done}></progress>
        <span class="hint">${W.progressOf(progress.done, progress.total)}</span>` : nothing}
      ${this.renderOutcome()}
    </form>
    <div class="actions">
      <p class="hint">${VCARD_EXPORT_MESSAGES.everyoneHint}</p>
      <button type="button" ?disabled=${progress !== null || this.exporting.busy} @click=${() => void this.startVcard()}>${VCARD_EXPORT_MESSAGES.everyone}</button>
    </div>`;
  }
}
