import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LISTED_KINDS, type LocketRecord, type RecordId, type RecordKind } from '../../core/records/types';
import { linksOf } from '../../core/records/links';
import { recordSubtitle, recordTitle } from '../shared/record-title';
import { RECORD_WORDS } from '../shared/messages/record-words';
import { LocaleController } from '../shared/i18n/locale';
import { formatDateTime } from '../shared/i18n/format';
import type { LocketServices } from '../../platform/page-services/services';
import { KIND_LABELS } from '../shared/kind-labels';
import { locketEvent } from '../shared/events';
import { focusWasDropped } from '../shared/focus';
import { baseStyles } from '../shared/tokens.styles';
import '../locket-record-form/locket-record-form';
import { LazyElement } from '../shared/lazy-element';
import { detailRows } from './detail-rows';
import { definitionsOf, type FieldDefinition } from '../../core/custom-fields/definitions';
import { customFieldRows, pairsOf } from '../shared/custom-field-rows';
import { attributionLine } from './attribution-line';
import { readNameDirectory } from '../team/read-name-directory';
import { recordDetailStyles } from './locket-record-detail.styles';
import { ActionController } from '../shared/action-controller';
import { runVcardExport } from '../locket-export-settings/export-run';
import { VCARD_EXPORT_MESSAGES } from '../shared/messages/import-messages';
import { failureText } from '../shared/failure-text';
import { noteRefusalText } from '../shared/messages/field-messages';

type DetailAct = 'load' | 'delete' | 'note';

/** What the owner reads when an act failed; `cause` is the failure in words. */
const FAILED: { readonly [A in DetailAct]: (cause: string) => string } = {
  load: (cause) => RECORD_WORDS.loadFailed(cause),
  delete: (cause) => RECORD_WORDS.deleteFailed(cause),
  // The text stays in the box, so nothing typed is lost.
  note: (cause) => cause,
};

const LINKED_SECTIONS: readonly RecordKind[] = ['person', 'case', 'opportunity'];
/** What the record a kind points at is called on its page (the same words its form uses). */
const outgoingLinkHeading = (kind: RecordKind): string => {
  const headings = RECORD_WORDS.linkHeadings;
  return { person: headings.organisation, organisation: '', case: headings.concerns, opportunity: headings.party, note: headings.belongsTo, task: headings.belongsTo, activity: headings.belongsTo }[kind];
};

/** Tasks are on people, organisations, cases and opportunities. */
const isListedRecord = (record: LocketRecord): boolean => (LISTED_KINDS as readonly string[]).includes(record.kind);

/** One record with its fields, the records it links to and that link to it, and its notes. */

export class LocketRecordDetail extends LitElement {
  static override styles = [baseStyles, recordDetailStyles];
  // Parts below the record's fields, each loaded the first time a record shows it.
  private readonly recordTasks = new LazyElement(this, 'locket-record-tasks', () => import('../locket-record-tasks/locket-record-tasks'));
  private readonly timeline = new LazyElement(this, 'locket-timeline', () => import('../locket-timeline/locket-timeline'));
  private readonly convert = new LazyElement(this, 'locket-convert', () => import('../locket-convert/locket-convert'));
  private readonly subjectRights = new LazyElement(this, 'locket-subject-rights', () => import('../locket-subject-rights/locket-subject-rights'));

  @property({ attribute: false }) services!: LocketServices;
  @property() recordId: RecordId = '';
  /** A read-only team member reads the record and its notes, with no control to edit, trash, erase or add a note. */
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;

  @state() private record: LocketRecord | null | undefined;
  @state() private linksOut: readonly LocketRecord[] = [];
  @state() private linkedIn: readonly LocketRecord[] = [];
  /** The owner's defined custom fields of the record's kind: how its name/value pairs read. */
  @state() private definitions: readonly FieldDefinition[] = [];
  @state() private editing = false;
  @state() private confirmingDelete = false;
  /** Why the note was refused, in the record rules' words. */
  @state() private noteRefusal = '';
  /** Who created and last changed the record, by member name; '' outside a team. */
  @state() private attribution = '';
  private readonly acts = new ActionController<DetailAct>(this);
  @query('.actions button') private editButton?: HTMLElement;
  @query('.actions button.danger') private deleteButton?: HTMLElement;
  @query('button.keep') private keepButton?: HTMLElement;
  private unsubscribe?: () => void;
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services.changes.subscribe(() => void this.load());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('recordId')) {
      this.editing = false;
      this.attribution = '';
      this.confirmingDelete = false;
      void this.load();
    }
  }

  /**
   * Opening and closing the edit form or the delete confirmation removes the control that had
   * focus; it moves where the keyboard user goes next instead of back to the top of the page.
   * The confirmation opens on its safe answer, as the trash's does.
   */
  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('recordId')) return;
    const lost = focusWasDropped(this.ownerDocument);
    if (changed.has('confirmingDelete') && this.confirmingDelete) this.keepButton?.focus();
    else if (changed.get('confirmingDelete') === true && lost) this.deleteButton?.focus();
    if (changed.get('editing') === true && !this.editing && lost) this.editButton?.focus();
  }

  /**
   * Reads the record and its links. The latest read wins: the record shown may change, or change
   * again, while an earlier read is under way. A failed read leaves a failure shown in place.
   */
  private async load(): Promise<void> {
    const id = this.recordId;
    const ran = await this.acts.run('load', async () => {
      const record = await this.services.store.get(id);
      if (!record || record.deletedAt !== null) return null;
      const [linksOut, linkedIn, settings] = await Promise.all([
        this.services.store.getMany(linksOf(record.kind, record.fields)),
        this.services.store.linkedTo(id),
        this.services.store.getSettings(),
      ]);
      return { record, linksOut: linksOut.filter((r) => r.deletedAt === null), linkedIn, definitions: definitionsOf(settings.fieldDefinitions, record.kind) };
    }, { keepFailure: true });
    if (!ran.ok) return;
    if (!ran.value) { this.record = null; return; }
    this.record = ran.value.record;
    this.linksOut = ran.value.linksOut;
    this.linkedIn = ran.value.linkedIn;
    this.definitions = ran.value.definitions;
    void this.loadAttribution(id);
  }

  /** Names come from the worker, after the record has painted; outside a team there is no line. */
  private async loadAttribution(id: RecordId): Promise<void> {
    const directory = await readNameDirectory(this.services);
    const line = directory ? attributionLine(await this.services.store.attribution(id), directory) : '';
    if (this.recordId === id) this.attribution = line;
  }

  /** Values kept as plain text because they do not fit the field their name belongs to. */
  private renderMisfits(record: LocketRecord) {
    const { warnings } = customFieldRows(this.definitions, pairsOf(record.fields));
    return warnings.length === 0 ? nothing : html`<ul class="warnings" role="note">${warnings.map((text) => html`<li>${text}</li>`)}</ul>`;
  }

  /** The failure of `act` in words, or '' when the failure shown (if any) is another act's. */
  private failedText(act: DetailAct): string {
    const failure = this.acts.failure;
    return failure?.act === act ? FAILED[act](failureText(failure.cause)) : '';
  }

  private open(id: RecordId): void {
    this.dispatchEvent(locketEvent('locket-open', { id }));
  }

  /** Why the last vCard download failed; '' when it did not. */
  @state() private vcardFailure = '';

  private async downloadVcard(record: LocketRecord): Promise<void> {
    const outcome = await runVcardExport(this.services, [record.id]);
    this.vcardFailure = outcome.state === 'failed' ? outcome.message : '';
  }

  private async moveToTrash(record: LocketRecord): Promise<void> {
    const ran = await this.acts.run('delete', () => this.services.store.remove(record.id));
    if (!ran.ok) return;
    this.dispatchEvent(locketEvent('locket-deleted', { id: record.id }));
  }

  private async addNote(event: SubmitEvent, record: LocketRecord): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const body = new FormData(form).get('body');
    const ran = await this.acts.run('note', () => this.services.store.create('note', {
      body: typeof body === 'string' ? body : '', recordId: record.id, sourceUrl: null, capturedAt: null,
    }));
    if (!ran.ok) return;
    const result = ran.value;
    if (!result.ok) { this.noteRefusal = noteRefusalText(result.error); return; }
    this.noteRefusal = '';
    form.reset();
  }

  private renderLinkList(heading: string, records: readonly LocketRecord[]) {
    if (!records.length) return nothing;
    return html`<section aria-label=${heading}><h3>${heading}</h3><ul>
      ${records.map((r) => html`<li><button class="link" @click=${() => this.open(r.id)}>${recordTitle(r)}</button>
        <span class="muted">${recordSubtitle(r)}</span></li>`)}
    </ul></section>`;
  }

  private renderNotes(record: LocketRecord) {
    const notes = this.linkedIn.filter((r) => r.kind === 'note');
    const noteError = this.failedText('note') || this.noteRefusal;
    return html`<section aria-label=${RECORD_WORDS.notes}><h3>${RECORD_WORDS.notes}</h3>
      <ul>${notes.map((note) => note.kind === 'note' ? html`<li><p class="note">${note.fields.body}</p>
        <div class="muted">${formatDateTime(note.createdAt, 'medium')}
          ${note.fields.sourceUrl ? html`· ${RECORD_WORDS.capturedFrom}
            <a href=${note.fields.sourceUrl} target="_blank" rel="noopener noreferrer">${note.fields.sourceUrl}</a>` : nothing}</div></li>` : nothing)}</ul>
      ${this.readOnly ? nothing : html`<form @submit=${(e: SubmitEvent) => void this.addNote(e, record)}>
        <label for="note-body">${RECORD_WORDS.newNote}</label>
        <textarea id="note-body" name="body" aria-invalid=${noteError ? 'true' : 'false'}
          aria-describedby=${noteError ? 'note-error' : nothing}></textarea>
        ${noteError ? html`<span class="error" id="note-error" role="alert">${noteError}</span>` : nothing}
        <div><button type="submit">${RECORD_WORDS.addNote}</button></div>
      </form>`}
    </section>`;
  }

  protected override render() {
    const record = this.record;
    if (record === undefined) {
      const failed = this.failedText('load');
      return failed ? html`<p class="error" role="alert">${failed}</p>` : html`<p class="muted" role="status">${RECORD_WORDS.loading}</p>`;
    }
    if (record === null) return html`<p role="status">${RECORD_WORDS.gone}</p>`;
    const noun = KIND_LABELS[record.kind].one;
    if (this.editing && !this.readOnly) {
      return html`<locket-record-form .services=${this.services} kind=${record.kind} .record=${record}
        @locket-saved=${(e: Event) => { e.stopPropagation(); this.editing = false; void this.load(); }}
        @locket-cancel=${() => { this.editing = false; }}></locket-record-form>`;
    }
    const tags = record.kind === 'person' || record.kind === 'organisation' ? record.fields.tags : [];
    return html`
      <h2>${recordTitle(record)}</h2>
      <div class="muted">${noun}</div>
      ${this.attribution ? html`<p class="muted attribution">${this.attribution}</p>` : nothing}
      ${tags.length ? html`<ul class="tags" aria-label=${RECORD_WORDS.tags}>${tags.map((t) => html`<li class="tag">${t}</li>`)}</ul>` : nothing}
      <div class="actions">
        ${this.readOnly ? nothing : html`<button @click=${() => { this.editing = true; }}>${RECORD_WORDS.edit}</button>
          <button class="danger" @click=${() => { this.confirmingDelete = true; }}>${RECORD_WORDS.delete}</button>`}
        ${record.kind === 'person' || record.kind === 'organisation'
          ? html`<button @click=${() => void this.downloadVcard(record)}>${VCARD_EXPORT_MESSAGES.one}</button>` : nothing}
      </div>
      ${(record.kind === 'person' || record.kind === 'organisation') && !this.readOnly
        ? this.convert.render(() => html`<locket-convert .services=${this.services} .record=${record}></locket-convert>`, RECORD_WORDS.loading) : nothing}
      ${this.vcardFailure ? html`<p class="error" role="alert">${this.vcardFailure}</p>` : nothing}
      ${this.confirmingDelete && !this.readOnly ? html`<div class="confirm" role="alertdialog" aria-label=${RECORD_WORDS.confirmDelete}>
        <p>${RECORD_WORDS.moveQuestion(recordTitle(record))}</p>
        <button class="danger" @click=${() => void this.moveToTrash(record)}>${RECORD_WORDS.moveToTrash}</button>
        <button class="keep" @click=${() => { this.confirmingDelete = false; }}>${RECORD_WORDS.keep}</button>
        ${this.failedText('delete') ? html`<p class="error" role="alert">${this.failedText('delete')}</p>` : nothing}
      </div>` : nothing}
      ${record.kind === 'person' && !this.readOnly ? this.subjectRights.render(() => html`<locket-subject-rights .services=${this.services} .person=${record} .linked=${this.linkedIn}></locket-subject-rights>`, RECORD_WORDS.loading) : nothing}
      <dl>${detailRows(record, this.definitions).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
      ${this.renderMisfits(record)}
      ${this.renderLinkList(outgoingLinkHeading(record.kind), this.linksOut)}
      ${LINKED_SECTIONS.map((kind) => this.renderLinkList(KIND_LABELS[kind].many, this.linkedIn.filter((r) => r.kind === kind)))}
      ${isListedRecord(record) ? this.recordTasks.render(() => html`<locket-record-tasks .services=${this.services} .recordId=${record.id}
        record-title=${recordTitle(record)} ?read-only=${this.readOnly}></locket-record-tasks>`, RECORD_WORDS.loading) : nothing}
      ${record.kind === 'note' ? nothing : this.renderNotes(record)}
      ${record.kind === 'note' ? nothing : this.timeline.render(() => html`<locket-timeline .services=${this.services} .record=${record} .linked=${this.linkedIn} ?read-only=${this.readOnly}></locket-timeline>`, RECORD_WORDS.loading)}`;
  }
}
