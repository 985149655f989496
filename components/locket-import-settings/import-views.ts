/** What the import section shows: a file's preview with its mapping, and the dry run's summary. Cells are text, never HTML. */
import { html, nothing } from 'lit';
import { CSV_FILES, type CsvFile, type ImportMapping } from '../../core/csv/fields';
import type { ImportFilePreview, ImportSummary, SummaryRow } from '../../worker/import-types';
import { FIELD_LABELS, FILE_LABELS, fieldsOf, targetValue } from './field-labels';
import { IMPORT_PREVIEW_MESSAGES, importFileRefusalText, rowNoteText } from '../shared/messages/import-messages';

export interface PreviewHandlers {
  readonly kindChanged: (index: number, file: CsvFile) => void;
  readonly columnChanged: (index: number, column: number, value: string) => void;
}

const columnSelect = (preview: ImportFilePreview, mapping: ImportMapping<CsvFile>, index: number, column: number, handlers: PreviewHandlers) => {
  const header = preview.headers[column] ?? '';
  const current = targetValue(mapping.columns[column] ?? null);
  return html`<select aria-label=${`Field for column “${header}”`}
      @change=${(e: Event) => handlers.columnChanged(index, column, (e.target as HTMLSelectElement).value)}>
    <option value="" ?selected=${current === ''}>Ignore</option>
    ${mapping.file === 'contacts' && header !== ''
      ? html`<option value=${`custom:${header}`} ?selected=${current.startsWith('custom:')}>Custom field “${header}”</option>` : nothing}
    ${fieldsOf(mapping.file).map((field) => html`<option value=${field} ?selected=${current === field}>${FIELD_LABELS[field]}</option>`)}
  </select>`;
};

export const previewView = (preview: ImportFilePreview, mapping: ImportMapping<CsvFile> | null, index: number, handlers: PreviewHandlers) => {
  if (preview.refusal !== null || !mapping) {
    return html`<div class="file"><strong>${preview.name}</strong><p class="error" role="alert">${preview.refusal ? importFileRefusalText(preview.refusal) : nothing}</p></div>`;
  }
  return html`<div class="file" role="group" aria-label=${`Preview of ${preview.name}`}>
    <strong>${preview.name}</strong>
    <span class="muted">${preview.rowCount} ${preview.rowCount === 1 ? 'row' : 'rows'}${mapping.format === 'locket' ? ', a Locket export' : ''}${
      preview.format === 'vcard' ? `, ${IMPORT_PREVIEW_MESSAGES.vcardFile}` : ''}.</span>
    ${preview.photosSkipped > 0 ? html`<p class="muted" role="status">${IMPORT_PREVIEW_MESSAGES.photosSkipped(preview.photosSkipped)}</p>` : nothing}
    <label>This file holds
      <select @change=${(e: Event) => {
        const chosen = CSV_FILES.find((file) => file === (e.target as HTMLSelectElement).value);
        if (chosen) handlers.kindChanged(index, chosen);
      }}>
        ${CSV_FILES.map((file) => html`<option value=${file} ?selected=${file === mapping.file}>${FILE_LABELS[file]}</option>`)}
      </select>
    </label>
    <div class="scroll" tabindex="0" role="region" aria-labelledby=${`preview-${index}`}><table id=${`preview-${index}`} class="preview" aria-label=${`First rows of ${preview.name}`}>
      <thead><tr>${preview.headers.map((header) => html`<th scope="col">${header}</th>`)}</tr></thead>
      <tbody>${preview.sampleRows.map((row) => html`<tr>${row.map((cell) => html`<td title=${cell}>${cell}</td>`)}</tr>`)}</tbody>
    </table></div>
    <table class="mapping" aria-label=${`Column mapping of ${preview.name}`}>
      <thead><tr><th scope="col">Column</th><th scope="col">Imported as</th><th scope="col">Example</th></tr></thead>
      <tbody>${preview.headers.map((header, column) => html`<tr>
        <th scope="row">${header}</th>
        <td>${columnSelect(preview, mapping, index, column, handlers)}</td>
        <td class="example">${preview.sampleRows.map((row) => row[column] ?? '').find((cell) => cell.trim() !== '') ?? ''}</td>
      </tr>`)}</tbody>
    </table>
  </div>`;
};

const ACTION_WORDS: Readonly<Record<SummaryRow['action'], string>> = { new: 'New', update: 'Update', skip: 'Skipped', invalid: 'Invalid' };

const rowLine = (row: SummaryRow) => html`<li>${FILE_LABELS[row.file]}, row ${row.rowNumber}: ${ACTION_WORDS[row.action]}${
  [...row.reasons, ...row.warnings].length > 0 ? ` — ${[...row.reasons, ...row.warnings].map(rowNoteText).join(' ')}` : ''}</li>`;

export const summaryView = (summary: ImportSummary) => html`<div role="region" aria-label="Import check">
  ${summary.refusals.map((refusal) => html`<p class="error" role="alert">${refusal.name}: ${importFileRefusalText(refusal.refusal)}</p>`)}
  ${summary.refusals.length > 0 ? nothing : html`
    <table aria-label="What the import would do">
      <thead><tr><th scope="col">File</th><th scope="col">New</th><th scope="col">Updated</th><th scope="col">Skipped</th><th scope="col">Invalid</th></tr></thead>
      <tbody>
        ${CSV_FILES.filter((file) => Object.values(summary.counts[file]).some((n) => n > 0)).map((file) => html`<tr>
          <th scope="row">${FILE_LABELS[file]}</th><td>${summary.counts[file].new}</td><td>${summary.counts[file].updated}</td>
          <td>${summary.counts[file].skipped}</td><td>${summary.counts[file].invalid}</td></tr>`)}
        <tr><th scope="row">Total</th><td>${summary.total.new}</td><td>${summary.total.updated}</td><td>${summary.total.skipped}</td><td>${summary.total.invalid}</td></tr>
      </tbody>
    </table>
    ${summary.rows.length > 0 ? html`<ul class="rows" aria-label="Rows to look at">${summary.rows.map(rowLine)}</ul>` : nothing}
    ${summary.rowsLeftOut > 0 ? html`<p class="muted">…and ${summary.rowsLeftOut} more rows like these.</p>` : nothing}
    ${summary.planRef === null ? html`<p class="muted" role="status">Nothing in these files would be imported.</p>` : nothing}`}
</div>`;
