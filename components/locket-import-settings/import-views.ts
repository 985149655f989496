/** What the import section shows: a file's preview with its mapping, and the dry run's summary. Cells are text, never HTML. */
import { html, nothing } from 'lit';
import { CSV_FILES, type CsvFile, type ImportMapping } from '../../core/csv/fields';
import type { ImportFilePreview, ImportSummary, SummaryRow } from '../../worker/import-types';
import { FIELD_LABELS, FILE_LABELS, fieldsOf, targetValue } from './field-labels';
import { IMPORT_PREVIEW_MESSAGES, importFileRefusalText, rowNoteText } from '../shared/messages/import-messages';
import { formatNumber } from '../shared/i18n/format';
import { IMPORT_WORDS as WORDS } from './import-words';

export interface PreviewHandlers {
  readonly kindChanged: (index: number, file: CsvFile) => void;
  readonly columnChanged: (index: number, column: number, value: string) => void;
}

const columnSelect = (preview: ImportFilePreview, mapping: ImportMapping<CsvFile>, index: number, column: number, handlers: PreviewHandlers) => {
  const header = preview.headers[column] ?? '';
  const current = targetValue(mapping.columns[column] ?? null);
  return html`<select aria-label=${WORDS.fieldFor(header)}
      @change=${(e: Event) => handlers.columnChanged(index, column, (e.target as HTMLSelectElement).value)}>
    <option value="" ?selected=${current === ''}>${WORDS.ignore}</option>
    ${mapping.file !== 'notes' && header !== ''
      ? html`<option value=${`custom:${header}`} ?selected=${current.startsWith('custom:')}>${WORDS.customField(header)}</option>` : nothing}
    ${fieldsOf(mapping.file).map((field) => html`<option value=${field} ?selected=${current === field}>${FIELD_LABELS[field]}</option>`)}
  </select>`;
};

export const previewView = (preview: ImportFilePreview, mapping: ImportMapping<CsvFile> | null, index: number, handlers: PreviewHandlers) => {
  if (preview.refusal !== null || !mapping) {
    return html`<div class="file"><strong>${preview.name}</strong><p class="error" role="alert">${preview.refusal ? importFileRefusalText(preview.refusal) : nothing}</p></div>`;
  }
  return html`<div class="file" role="group" aria-label=${WORDS.previewOf(preview.name)}>
    <strong>${preview.name}</strong>
    <span class="muted">${WORDS.fileFacts(preview.rowCount, mapping.format === 'locket', preview.format === 'vcard' ? IMPORT_PREVIEW_MESSAGES.vcardFile : null)}</span>
    ${preview.photosSkipped > 0 ? html`<p class="muted" role="status">${IMPORT_PREVIEW_MESSAGES.photosSkipped(preview.photosSkipped)}</p>` : nothing}
    <label>${WORDS.fileHolds}
      <select @change=${(e: Event) => {
        const chosen = CSV_FILES.find((file) => file === (e.target as HTMLSelectElement).value);
        if (chosen) handlers.kindChanged(index, chosen);
      }}>
        ${CSV_FILES.map((file) => html`<option value=${file} ?selected=${file === mapping.file}>${FILE_LABELS[file]}</option>`)}
      </select>
    </label>
    <div class="scroll" tabindex="0" role="region" aria-labelledby=${`preview-${index}`}><table id=${`preview-${index}`} class="preview" aria-label=${WORDS.firstRowsOf(preview.name)}>
      <thead><tr>${preview.headers.map((header) => html`<th scope="col">${header}</th>`)}</tr></thead>
      <tbody>${preview.sampleRows.map((row) => html`<tr>${row.map((cell) => html`<td title=${cell}>${cell}</td>`)}</tr>`)}</tbody>
    </table></div>
    <table class="mapping" aria-label=${WORDS.mappingOf(preview.name)}>
      <thead><tr><th scope="col">${WORDS.column}</th><th scope="col">${WORDS.importedAs}</th><th scope="col">${WORDS.example}</th></tr></thead>
      <tbody>${preview.headers.map((header, column) => html`<tr>
        <th scope="row">${header}</th>
        <td>${columnSelect(preview, mapping, index, column, handlers)}</td>
        <td class="example">${preview.sampleRows.map((row) => row[column] ?? '').find((cell) => cell.trim() !== '') ?? ''}</td>
      </tr>`)}</tbody>
    </table>
  </div>`;
};

const rowLine = (row: SummaryRow) => html`<li>${WORDS.rowLine(FILE_LABELS[row.file], row.rowNumber, WORDS.actions[row.action])}${
  [...row.reasons, ...row.warnings].length > 0 ? ` — ${[...row.reasons, ...row.warnings].map(rowNoteText).join(' ')}` : ''}</li>`;

export const summaryView = (summary: ImportSummary) => html`<div role="region" aria-label=${WORDS.importCheck}>
  ${summary.refusals.map((refusal) => html`<p class="error" role="alert">${refusal.name}: ${importFileRefusalText(refusal.refusal)}</p>`)}
  ${summary.refusals.length > 0 ? nothing : html`
    <table aria-label=${WORDS.wouldDo}>
      <thead><tr><th scope="col">${WORDS.file}</th><th scope="col">${WORDS.newCount}</th><th scope="col">${WORDS.updated}</th><th scope="col">${WORDS.skipped}</th><th scope="col">${WORDS.invalid}</th></tr></thead>
      <tbody>
        ${CSV_FILES.filter((file) => Object.values(summary.counts[file]).some((n) => n > 0)).map((file) => html`<tr>
          <th scope="row">${FILE_LABELS[file]}</th><td>${formatNumber(summary.counts[file].new)}</td><td>${formatNumber(summary.counts[file].updated)}</td>
          <td>${formatNumber(summary.counts[file].skipped)}</td><td>${formatNumber(summary.counts[file].invalid)}</td></tr>`)}
        <tr><th scope="row">${WORDS.total}</th><td>${formatNumber(summary.total.new)}</td><td>${formatNumber(summary.total.updated)}</td><td>${formatNumber(summary.total.skipped)}</td><td>${formatNumber(summary.total.invalid)}</td></tr>
      </tbody>
    </table>
    ${summary.rows.length > 0 ? html`<ul class="rows" aria-label=${WORDS.rowsToLookAt}>${summary.rows.map(rowLine)}</ul>` : nothing}
    ${summary.rowsLeftOut > 0 ? html`<p class="muted">${WORDS.moreRows(summary.rowsLeftOut)}</p>` : nothing}
    ${summary.planRef === null ? html`<p class="muted" role="status">${WORDS.nothingToImport}</p>` : nothing}`}
</div>`;
