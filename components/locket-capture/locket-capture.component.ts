import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { entityAt, initialEntity, type CapturedEntity } from '../../core/quick-capture/entities';
import { emptyDraft, sameEntity, type CaptureDraft, type EntityRef, type PendingCapture } from '../../core/quick-capture/pending';
import { captureNoteFields } from '../../core/quick-capture/note';
import { capturedFromText } from '../shared/messages/capture-messages';
import { recordTitle } from '../shared/record-title';
import type { LocketRecord } from '../../core/records/types';
import { FORM_ERROR_KEY } from '../../core/records/validate';
import { wordedSave, type FormSaveResult } from '../shared/messages/field-messages';
import type { CaptureInboxState } from '../../platform/capture/capture-inbox';
import type { LocketServices } from '../../platform/page-services/services';
import { locketEvent } from '../shared/events';
import { baseStyles } from '../shared/tokens.styles';
import '../locket-record-form/locket-record-form';
import type { FormValues } from '../locket-record-form/form-spec';
import { NOTHING_FOUND, lookUp, type Lookup } from './capture-lookup';
import { createPreset, updatePreset } from './capture-preset';
import { organisationLinkFor } from './capture-organisation';
import { saveCapture } from './capture-save';
import { createDraftKeeper } from './capture-draft';
import { captureFailureText } from '../shared/messages/capture-failure-messages';
import { capturedTitle, renderFailure, renderList, renderOrganisationOption, renderTwinOffer } from './capture-views';
import { captureStyles } from './locket-capture.styles';
import { CAPTURE_WORDS as WORDS, twinReason } from './capture-words';
import { LocaleController } from '../shared/i18n/locale';

/** How long the form waits for a first look in Locket (twin, employer) before it shows anyway. */
const FIRST_LOOK_MS = 40;
const DRAFT_WRITE_MS = 250;

const delay = (ms: number): Promise<null> => new Promise((resolve) => { setTimeout(() => resolve(null), ms); });

/**
 * The side panel's capture view: what a page offered, to pick from, then a prefilled form
 * the user checks and saves. The capture and the user's draft live in session storage, so
 * the view can be dropped (lock) and rebuilt (unlock) without losing either. Sends
 * `locket-open` with the saved record when the capture is finished.
 */
export class LocketCapture extends LitElement {
  static override styles = [baseStyles, captureStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property({ attribute: false }) inbox: CaptureInboxState = { pending: null, failure: null };

  @state() private draft: CaptureDraft | null = null;
  @state() private lookup: Lookup = NOTHING_FOUND;
  @state() private preset: FormValues | null = null;
  @state() private formRevision = 0;
  private readonly locale = new LocaleController(this);
  private fullLookup: Promise<Lookup> = Promise.resolve(NOTHING_FOUND);
  private token = 0;
  private marked = '';
  private readonly drafts = createDraftKeeper(
    (draft) => this.services.captures.saveDraft(draft),
    (draft) => this.inbox.pending?.id === draft.captureId,
    DRAFT_WRITE_MS,
  );

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('inbox')) return;
    const { pending } = this.inbox;
    if (pending === null) { this.draft = null; this.preset = null; return; }
    if (this.draft?.captureId !== pending.id) void this.load(pending);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.drafts.flush();
  }

  private async load(pending: PendingCapture): Promise<void> {
    const token = ++this.token;
    const stored = await this.services.captures.readDraft(pending.id);
    if (token !== this.token) return;
    const draft = stored ?? { ...emptyDraft(pending.id), entity: initialEntity(pending.capture, pending.linkUrl) };
    this.draft = draft;
    this.preset = null;
    if (draft.entity) await this.open(draft.entity, draft.values);
  }

  private entity(): CapturedEntity | null {
    const { pending } = this.inbox;
    return pending && this.draft?.entity ? entityAt(pending.capture, this.draft.entity) : null;
  }

  /** Opens the form for one entity; `restored` is what the user had typed before a lock. */
  private async open(ref: EntityRef, restored: FormValues): Promise<void> {
    const { pending } = this.inbox;
    const entity = pending && entityAt(pending.capture, ref);
    if (!pending || !entity || !this.draft) return;
    const token = ++this.token;
    if (!sameEntity(this.draft.entity, ref)) this.setDraft({ ...this.draft, entity: ref, values: restored });
    this.preset = null;
    this.lookup = NOTHING_FOUND;
    // Search answers at once from what is indexed so far; the full answer, which a save waits
    // for, comes once the index covers every record.
    const firstLook = lookUp(this.services, pending.capture, entity).catch(() => NOTHING_FOUND);
    this.fullLookup = this.services.whenSearchReady().then(() => lookUp(this.services, pending.capture, entity));
    const early = await Promise.race([firstLook, delay(FIRST_LOOK_MS)]);
    if (token !== this.token) return;
    this.lookup = early ?? NOTHING_FOUND;
    this.preset = Object.keys(restored).length > 0
      ? restored
      : createPreset(pending.capture, entity, { now: this.services.clock.now(), employerId: early?.employer?.id ?? null });
    this.formRevision += 1;
    this.fullLookup.then((found) => { if (token === this.token) this.lookup = found; }, () => undefined);
  }

  private setDraft(draft: CaptureDraft): void {
    this.draft = draft;
    this.drafts.changed(draft);
  }

  private editDraft(change: Partial<Omit<CaptureDraft, 'captureId'>>): void {
    if (this.draft) this.setDraft({ ...this.draft, ...change });
  }

  private currentValues(): FormValues {
    return this.draft && Object.keys(this.draft.values).length > 0 ? this.draft.values : this.preset ?? {};
  }

  private decide(decision: 'update' | 'create'): void {
    const { pending } = this.inbox;
    const entity = this.entity();
    const twin = this.lookup.twin;
    if (!pending || !entity || !this.draft) return;
    if (decision === 'update' && twin) {
      this.preset = updatePreset(twin.record, this.currentValues(), pending.capture, entity,
        { now: this.services.clock.now(), employerId: this.lookup.employer?.id ?? null });
      this.formRevision += 1;
      this.setDraft({ ...this.draft, decision, values: this.preset });
      return;
    }
    this.setDraft({ ...this.draft, decision });
  }

  private readonly save = async (input: Record<string, unknown>): Promise<FormSaveResult> => {
    const { pending } = this.inbox;
    const entity = this.entity();
    if (!pending || !entity || !this.draft) return { ok: false, error: { [FORM_ERROR_KEY]: WORDS.dismissed } };
    // The duplicate check must have seen every record before anything is written.
    const lookup = await this.fullLookup.catch(() => this.lookup);
    this.lookup = lookup;
    const { twin } = lookup;
    const kind = entity.ref.kind;
    if (twin && this.draft.decision === null) {
      return { ok: false, error: { [FORM_ERROR_KEY]: WORDS.chooseTwin[kind](recordTitle(twin.record), twinReason(twin.match)) } };
    }
    const target = this.draft.decision === 'update' && twin ? { mode: 'update' as const, kind, id: twin.record.id } : { mode: 'create' as const, kind };
    const organisation = this.draft.createOrganisation ? organisationLinkFor(pending.capture, entity, lookup.employer) : null;
    const result = wordedSave(await saveCapture(this.services, { capture: pending.capture, target, input, organisation }));
    if (result.ok) await this.afterSave(pending, result.value);
    return result;
  };

  private async afterSave(pending: PendingCapture, record: LocketRecord): Promise<void> {
    if (!this.draft?.entity) return;
    const saved = [...this.draft.saved, this.draft.entity];
    const offered = pending.capture.people.length + pending.capture.organisations.length;
    const openedDirectly = sameEntity(this.draft.entity, initialEntity(pending.capture, pending.linkUrl));
    if (openedDirectly || saved.length >= offered) {
      // Sent while this view is still in the page (dismissing takes it out).
      const dismissing = this.dismiss();
      this.dispatchEvent(locketEvent('locket-open', { id: record.id }));
      await dismissing;
      return;
    }
    this.preset = null;
    this.setDraft({ ...this.draft, entity: null, values: {}, decision: null, saved });
  }

  private async dismiss(): Promise<void> {
    const id = this.draft?.captureId ?? this.inbox.pending?.id;
    this.drafts.drop();
    this.draft = null;
    if (id) await this.services.captures.dismiss(id);
  }

  private back(): void {
    const offered = (this.inbox.pending?.capture.people.length ?? 0) + (this.inbox.pending?.capture.organisations.length ?? 0);
    if (offered <= 1 || !this.draft) { void this.dismiss(); return; }
    this.token += 1;
    this.preset = null;
    this.setDraft({ ...this.draft, entity: null, values: {}, decision: null });
  }

  protected override updated(): void {
    const id = this.draft?.captureId ?? '';
    const mark = this.preset ? 'locket:capture-form' : this.draft && !this.draft.entity ? 'locket:capture-list' : '';
    if (mark === '' || this.marked === `${id}:${mark}`) return;
    this.marked = `${id}:${mark}`;
    const form = this.renderRoot.querySelector('locket-record-form');
    void (form ? form.updateComplete : Promise.resolve(true)).then(() => performance.mark(mark, { detail: { captureId: id } }));
  }

  private renderForm(pending: PendingCapture, entity: CapturedEntity, preset: FormValues) {
    const draft = this.draft;
    if (!draft) return nothing;
    const { twin, employer } = this.lookup;
    const kind = entity.ref.kind;
    const updating = draft.decision === 'update' && twin !== null;
    const note = captureNoteFields(pending.capture, '', 0, capturedFromText).body;
    const employerName = 'person' in entity ? entity.person.organisationName : '';
    const linked = (this.currentValues().organisationId ?? '') !== '';
    return html`
      <h2>${capturedTitle(entity)}</h2>
      ${twin ? renderTwinOffer(twin, draft.decision, kind, { update: () => this.decide('update'), create: () => this.decide('create') }) : nothing}
      <p class="muted source">${WORDS.savedWithNote}</p><p class="note-preview">${note}</p>
      ${employerName && !linked ? renderOrganisationOption(employerName, employer, draft.createOrganisation,
        (checked) => this.editDraft({ createOrganisation: checked })) : nothing}
      ${keyed(`${draft.captureId}:${kind}:${entity.ref.index}:${this.formRevision}`, html`<locket-record-form
        .services=${this.services} kind=${kind} .preset=${preset} .save=${this.save}
        submit-label=${updating ? WORDS.update(recordTitle(twin.record)) : ''}
        form-label=${updating ? WORDS.updateFromPage(recordTitle(twin.record)) : ''}
        @locket-form-input=${(e: HTMLElementEventMap['locket-form-input']) => this.editDraft({ values: e.detail.values })}
        @locket-cancel=${() => this.back()}></locket-record-form>`)}`;
  }

  protected override render() {
    const { pending, failure } = this.inbox;
    const entity = this.entity();
    return html`<section aria-label=${WORDS.quickCapture}>
      ${failure ? renderFailure(captureFailureText(failure.reason), () => void this.services.captures.dismissFailure()) : nothing}
      ${pending ? html`<p class="source">${WORDS.capturedFrom} <cite>${pending.capture.page.title || WORDS.aWebPage}</cite><br>
        <span class="muted">${pending.capture.page.url}</span></p>` : nothing}
      ${pending?.capture.partial ? html`<p class="muted" role="note">${WORDS.partial}</p>` : nothing}
      ${!pending || !this.draft ? nothing
        : entity && this.preset ? this.renderForm(pending, entity, this.preset)
        : entity ? html`<p class="muted" role="status">${WORDS.lookingFor(capturedTitle(entity))}</p>`
        : renderList(pending.capture, this.draft.saved, { pick: (ref) => void this.open(ref, {}), dismiss: () => void this.dismiss() })}
    </section>`;
  }
}
