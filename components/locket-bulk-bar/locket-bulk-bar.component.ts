import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BulkAction, BulkField, BulkReport } from '../../core/bulk/bulk-types';
import type { ListedKind, RecordId } from '../../core/records/types';
import type { LocketServices } from '../../platform/page-services/services';
import { offerDownload } from '../../platform/downloads/download-file';
import { LocaleController } from '../shared/i18n/locale';
import { BULK_WORDS } from '../shared/messages/bulk-words';
import { choiceLabel } from '../shared/messages/record-words';
import { failureText } from '../shared/failure-text';
import { runVcardExport } from '../locket-export-settings/export-run';
import { baseStyles } from '../shared/tokens.styles';
import { bulkBarStyles } from './locket-bulk-bar.styles';
import { choicesOf, FIELDS_OF_KIND } from './bulk-choices';
import { pipelineOf } from '../../core/pipeline/pipeline-settings';
import { PIPELINE_WORDS } from '../shared/messages/pipeline-words';

type Mode = 'idle' | 'add-tag' | 'remove-tag' | 'set-field' | 'trash';
type Notice =
  | { readonly type: 'done'; readonly text: string; readonly batchId: string }
  | { readonly type: 'said'; readonly text: string };

/**
 * Bulk actions on a list's selection: add or remove a tag, set a field, export (CSV; vCard for
 * people and organisations), move to the trash (asked first, naming the count). Each change is
 * one batch: the notice it leaves offers its undo. Sends `locket-bulk-clear` once a change applied.
 */
export class LocketBulkBar extends LitElement {
  static override styles = [baseStyles, bulkBarStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property() kind: ListedKind = 'person';
  @property({ attribute: false }) selected: readonly RecordId[] = [];

  @state() private mode: Mode = 'idle';
  @state() private field: BulkField = 'owner';
  @state() private progress: { readonly done: number; readonly total: number } | null = null;
  @state() private notice: Notice | null = null;
  /** The value chosen in "Set a field": status lost on opportunities asks why. */
  @state() private chosen = '';
  /** The owner's lost reasons (options → Pipeline), read when "Set a field" opens on opportunities. */
  @state() private lostReasons: readonly string[] = [];
  private readonly locale = new LocaleController(this);

  private async apply(action: BulkAction): Promise<void> {
    const ids = this.selected;
    this.mode = 'idle';
    this.progress = { done: 0, total: ids.length };
    let report: BulkReport;
    try {
      report = await this.services.store.applyBulk(ids, action, (done) => { this.progress = { done, total: ids.length }; });
    } catch (error) {
      this.progress = null;
      this.notice = { type: 'said', text: failureText(error) };
      return;
    }
    this.progress = null;
    if (report.failure) this.notice = { type: 'said', text: BULK_WORDS.failed };
    else if (!report.batchId) this.notice = { type: 'said', text: BULK_WORDS.nothingChanged };
    else this.notice = { type: 'done', text: BULK_WORDS.did(report.changed, action), batchId: report.batchId };
    if (report.batchId) this.dispatchEvent(new CustomEvent('locket-bulk-clear', { bubbles: true, composed: true }));
  }

  private async undo(batchId: string): Promise<void> {
    this.notice = null;
    try {
      const report = await this.services.store.undoBulk(batchId);
      const kept = report.skipped.length > 0 ? ` ${BULK_WORDS.keptByUndo(report.skipped.length)}` : '';
      this.notice = { type: 'said', text: `${BULK_WORDS.undone(report.restored)}${kept}` };
    } catch (error) {
      this.notice = { type: 'said', text: failureText(error) };
    }
  }

  private async exportCsv(): Promise<void> {
    try {
      const file = await this.services.bulk?.exportCsvSelection(this.selected, { bom: false });
      if (!file) return;
      offerDownload(file.bytes, file.fileName, file.mimeType);
      this.notice = { type: 'said', text: BULK_WORDS.exported(file.fileName) };
    } catch (error) {
      this.notice = { type: 'said', text: failureText(error) };
    }
  }

  private async exportVcard(): Promise<void> {
    const outcome = await runVcardExport(this.services, this.selected);
    this.notice = { type: 'said', text: outcome.state === 'done' ? BULK_WORDS.exported(outcome.fileName) : outcome.state === 'failed' ? outcome.message : '' };
  }

  private submitTag(event: SubmitEvent, type: 'add-tag' | 'remove-tag'): void {
    event.preventDefault();
    const tag = String(new FormData(event.target as HTMLFormElement).get('tag') ?? '').trim();
    if (tag !== '') void this.apply({ type, tag });
  }

  private submitField(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const value = String(form.get('value') ?? '').trim();
    const reason = form.get('reason');
    void this.apply({ type: 'set-field', field: this.field, value, ...(reason === null ? {} : { lostReason: String(reason).trim() }) });
  }

  private openSetField(): void {
    this.mode = 'set-field';
    this.field = FIELDS_OF_KIND[this.kind][0] ?? 'owner';
    this.chosen = '';
    if (this.kind === 'opportunity') {
      void this.services.store.getSettings().then((settings) => { this.lostReasons = pipelineOf(settings).lostReasons; }, () => undefined);
    }
  }

  /** As on the board: one of the owner's reasons when there are any, else a reason in words. */
  private renderLostReason() {
    if (this.kind !== 'opportunity' || this.field !== 'status' || this.chosen !== 'lost') return nothing;
    const reasons = this.lostReasons;
    return html`<label>${PIPELINE_WORDS.lostReason}${reasons.length > 0
      ? html`<select name="reason" required>${reasons.map((reason) => html`<option value=${reason}>${reason}</option>`)}</select>`
      : html`<input name="reason" maxlength="200" autocomplete="off">`}</label>`;
  }

  private renderForm() {
    const cancel = html`<button type="button" @click=${() => { this.mode = 'idle'; }}>${BULK_WORDS.cancel}</button>`;
    switch (this.mode) {
      case 'add-tag': case 'remove-tag': {
        const type = this.mode;
        return html`<form @submit=${(event: SubmitEvent) => this.submitTag(event, type)}>
          <label>${BULK_WORDS.tag}<input name="tag" required maxlength="50" autocomplete="off"></label>
          <button type="submit">${BULK_WORDS.apply}</button>${cancel}</form>`;
      }
      case 'set-field': {
        const choices = choicesOf(this.kind, this.field);
        return html`<form @submit=${(event: SubmitEvent) => this.submitField(event)}>
          <label>${BULK_WORDS.field}<select @change=${(event: Event) => { this.field = (event.target as HTMLSelectElement).value as BulkField; this.chosen = choicesOf(this.kind, this.field)?.[0] ?? ''; }}>
            ${FIELDS_OF_KIND[this.kind].map((field) => html`<option value=${field} ?selected=${field === this.field}>${BULK_WORDS.fields[field]}</option>`)}
          </select></label>
          <label>${BULK_WORDS.value}${choices
            ? html`<select name="value" @change=${(event: Event) => { this.chosen = (event.target as HTMLSelectElement).value; }}>
              ${choices.map((choice) => html`<option value=${choice} ?selected=${choice === this.chosen}>${choiceLabel(choice)}</option>`)}</select>`
            : html`<input name="value" maxlength="200" autocomplete="off">`}</label>
          ${this.renderLostReason()}
          <button type="submit">${BULK_WORDS.apply}</button>${cancel}</form>`;
      }
      case 'trash':
        return html`<div class="actions" role="alert"><span>${BULK_WORDS.trashQuestion(this.selected.length)}</span>
          <button @click=${() => void this.apply({ type: 'trash' })}>${BULK_WORDS.trash}</button>${cancel}</div>`;
      default:
        return nothing;
    }
  }

  private renderNotice() {
    const notice = this.notice;
    if (!notice) return nothing;
    if (notice.type === 'said') return html`<p class="notice" role="status">${notice.text}</p>`;
    return html`<div class="notice" role="status"><span>${BULK_WORDS.done(notice.text)}</span>
      <button @click=${() => void this.undo(notice.batchId)}>${BULK_WORDS.undo(notice.text)}</button></div>`;
  }

  protected override render() {
    const count = this.selected.length;
    if (count === 0 && !this.notice && !this.progress) return nothing;
    const contacts = this.kind === 'person' || this.kind === 'organisation';
    const busy = this.progress !== null;
    return html`<div class="bar">
      ${count > 0 ? html`<div class="actions" role="toolbar" aria-label=${BULK_WORDS.actions}>
        <strong>${BULK_WORDS.selected(count)}</strong>
        <button ?disabled=${busy} @click=${() => { this.mode = 'add-tag'; }}>${BULK_WORDS.addTag}</button>
        <button ?disabled=${busy} @click=${() => { this.mode = 'remove-tag'; }}>${BULK_WORDS.removeTag}</button>
        <button ?disabled=${busy} @click=${() => this.openSetField()}>${BULK_WORDS.setField}</button>
        ${this.services.bulk ? html`<button ?disabled=${busy} @click=${() => void this.exportCsv()}>${BULK_WORDS.exportCsv}</button>` : nothing}
        ${contacts ? html`<button ?disabled=${busy} @click=${() => void this.exportVcard()}>${BULK_WORDS.exportVcard}</button>` : nothing}
        <button ?disabled=${busy} @click=${() => { this.mode = 'trash'; }}>${BULK_WORDS.trash}</button>
        <button ?disabled=${busy} @click=${() => this.dispatchEvent(new CustomEvent('locket-bulk-clear', { bubbles: true, composed: true }))}>${BULK_WORDS.clear}</button>
      </div>` : nothing}
      ${this.renderForm()}
      ${this.progress ? html`<p role="status">${BULK_WORDS.working(this.progress.done, this.progress.total)}</p>` : nothing}
      ${this.renderNotice()}
    </div>`;
  }
}
