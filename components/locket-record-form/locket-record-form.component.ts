import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LocketRecord, RecordKind } from '../../core/records/types';
import { wordedSave, type FieldTexts, type FormSaveResult } from '../shared/messages/field-messages';
import { emptyFields } from '../../core/records/validate';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController, type ActionFailure } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { choiceLabel, FIELD_WORDS, kindPhrases, RECORD_WORDS } from '../shared/messages/record-words';
import { LocaleController } from '../shared/i18n/locale';
import { locketEvent } from '../shared/events';
import { baseStyles } from '../shared/tokens.styles';
import '../locket-record-picker/locket-record-picker';
import { FORM_SPECS, toFormValues, toInput, type FieldSpec, type FormValues } from './form-spec';
import { recordFormStyles } from './locket-record-form.styles';
import { definitionsOf, type FieldDefinition } from '../../core/custom-fields/definitions';
import { readCustomFields } from '../../core/custom-fields/read-values';
import { CUSTOM_FIELD_WORDS, valueProblemText } from '../shared/messages/custom-field-words';
import { definedFormValues, definedKey, withDefinedFields } from './defined-fields';
import { pairsOf } from '../shared/custom-field-rows';
import { renderDefinedField } from './defined-field-control';
import { pipelineOf, type MilestoneDef } from '../../core/pipeline/pipeline-settings';
import { milestoneName } from '../shared/messages/list-words';
import { asksLostReason, lostReasonMissing, renderLostReason } from './lost-reason';

let formCount = 0;

type FormAct = 'defaults' | 'save';

/** What the owner reads when an act failed; a full disk needs no preface, its words say nothing was saved. */
const failedText = ({ act, cause }: ActionFailure<FormAct>): string => {
  if (act === 'defaults') return RECORD_WORDS.defaultsUnread(failureText(cause));
  return cause.type === 'storage-full' ? failureText(cause) : RECORD_WORDS.nothingSaved(failureText(cause));
};

/**
 * Creates a record of `kind`, or edits `record`. Saves through the store, which validates:
 * a refused save shows each message next to its field and writes nothing.
 * Sends `locket-saved` after a save and `locket-cancel` when the user backs out.
 */
export class LocketRecordForm extends LitElement {
  static override styles = [baseStyles, recordFormStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property() kind: RecordKind = 'person';
  @property({ attribute: false }) record: LocketRecord | null = null;
  /** Only the fields marked `quick` (the popup's quick add). */
  @property({ type: Boolean }) quick = false;
  /** Field values to start a new record with (e.g. a note's parent record). */
  @property({ attribute: false }) preset: Readonly<Record<string, string>> = {};
  /** Saves in place of the store's create or update (quick capture saves a record with its note). */
  @property({ attribute: false }) save: ((input: Record<string, unknown>) => Promise<FormSaveResult>) | null = null;
  /** The submit button's text, when the default ("Add person", "Save changes") would not say what happens. */
  @property({ attribute: 'submit-label' }) submitLabel = '';
  /** The form's accessible name when it is neither a plain new record nor an edit (a capture updating a twin). */
  @property({ attribute: 'form-label' }) formLabel = '';

  @state() private values: FormValues = {};
  @state() private errors: FieldTexts = {};
  /** Refusals no visible field owns, shown above the buttons. */
  @state() private unplaced = '';
  /** The owner's defined custom fields of this kind, shown before the free "Name: value" lines. */
  @state() private definitions: readonly FieldDefinition[] = [];
  /** Stored values under a defined field's name that do not fit its type, in words: kept as plain text. */
  @state() private misfits: readonly string[] = [];
  private readonly acts = new ActionController<FormAct>(this);
  private readonly idPrefix = `form-${++formCount}`;
  private readonly locale = new LocaleController(this);
  /** The owner's milestones, for the milestone choice; the built-in ones until read. */
  @state() private milestones: readonly MilestoneDef[] | null = null;
  /** The owner's lost reasons: a lost opportunity picks one of them when there are any. */
  @state() private lostReasons: readonly string[] = [];

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('record') || changed.has('kind')) void this.resetValues();
    if (this.kind === 'opportunity' && this.milestones === null) {
      this.milestones = [];
      void this.services.store.getSettings().then((settings) => {
        const pipeline = pipelineOf(settings);
        this.milestones = pipeline.milestones;
        this.lostReasons = pipeline.lostReasons;
      }, () => undefined);
    }
  }

  /** The owner's milestones in their order, and the record's own one kept (as its id) when it left the list. */
  private milestoneChoices(value: string): readonly { readonly value: string; readonly label: string }[] {
    const listed = this.milestones && this.milestones.length > 0 ? this.milestones : null;
    if (!listed) return [];
    const choices = listed.map((milestone) => ({ value: milestone.id, label: milestoneName(milestone) }));
    return value === '' || listed.some((milestone) => milestone.id === value) ? choices : [...choices, { value, label: value }];
  }

  /**
   * Every reset is a run of 'defaults', even one with none to read: a newer reset (another kind,
   * a record to edit) owns the form, and the defaults an older one reads arrive too late to count.
   */
  private async resetValues(): Promise<void> {
    this.errors = {};
    const editing = this.record && this.record.kind === this.kind ? this.record : null;
    this.values = editing ? toFormValues(editing.kind, editing.fields) : { ...this.preset };
    this.definitions = [];
    this.misfits = [];
    const ran = await this.acts.run('defaults', () => this.services.store.getSettings(), { keepFailure: true });
    if (!ran.ok) return;
    const settings = ran.value;
    this.definitions = this.quick ? [] : definitionsOf(settings.fieldDefinitions, this.kind);
    if (editing) {
      const pairs = pairsOf(editing.fields);
      this.misfits = readCustomFields(this.definitions, pairs).misfits.map(({ definition, pair, problem }) =>
        CUSTOM_FIELD_WORDS.misfit(definition.name, pair.value, valueProblemText(problem)));
      this.values = { ...this.values, ...definedFormValues(this.definitions, pairs) };
      return;
    }
    const fields = emptyFields(this.kind, { owner: settings.ownerName, currency: settings.defaultCurrency });
    // The form is usable while the defaults load: what the user typed meanwhile wins over them.
    this.values = { ...toFormValues(this.kind, fields), ...definedFormValues(this.definitions, []), ...this.values };
  }

  private setValue(name: string, value: string): void {
    this.values = { ...this.values, [name]: value };
    this.dispatchEvent(new CustomEvent('locket-form-input', { detail: { values: this.values }, bubbles: true, composed: true }));
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.acts.busyWith('save')) return;
    this.unplaced = '';
    await this.acts.run('save', async () => {
      const checked = withDefinedFields(this.definitions, this.values, toInput(this.kind, this.values));
      const reasonMissing = this.kind === 'opportunity' && lostReasonMissing(this.values, this.lostReasons);
      if (!checked.ok || reasonMissing) {
        this.errors = {
          ...(checked.ok ? {} : Object.fromEntries(Object.entries(checked.error).map(([key, problem]) => [key, valueProblemText(problem)]))),
          ...(reasonMissing ? { lostReason: RECORD_WORDS.lostReasonRequired } : {}),
        };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        return;
      }
      const input = checked.value;
      const result = this.save
        ? await this.save(input)
        : wordedSave(this.record
          ? await this.services.store.update(this.record.id, this.kind, input)
          : await this.services.store.create(this.kind, input));
      if (!result.ok) {
        this.errors = result.error;
        // A message no visible field owns (the record is gone, or a field the quick form hides) shows above the buttons.
        const placed = new Set(this.visibleSpecs().map((spec) => spec.errorKey ?? spec.name));
        this.unplaced = Object.entries(result.error).filter(([key]) => !placed.has(key)).map(([, message]) => message).join(' ');
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        return;
      }
      this.errors = {};
      this.dispatchEvent(locketEvent('locket-saved', { record: result.value }));
      if (!this.record) await this.resetValues();
    });
  }

  private formError(): string {
    const failure = this.acts.failure;
    return failure ? failedText(failure) : this.unplaced;
  }

  private renderControl(spec: FieldSpec, id: string, errorId: string, invalid: boolean) {
    const value = this.values[spec.name] ?? '';
    const describedBy = [invalid ? errorId : '', spec.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
    const onInput = (e: Event) => this.setValue(spec.name, (e.target as HTMLInputElement).value);
    const control = spec.control;
    if (spec.name === 'lostReason' && this.kind === 'opportunity') {
      return renderLostReason({ id, value, reasons: this.lostReasons, describedBy, invalid, choose: RECORD_WORDS.chooseLostReason, onChange: (next) => this.setValue(spec.name, next) });
    }
    switch (control.type) {
      case 'link':
        return html`<locket-record-picker id=${id} .services=${this.services} .kinds=${control.kinds}
          label=${FIELD_WORDS.labels[spec.label]} .value=${value} .describedBy=${describedBy}
          @change=${(e: Event) => this.setValue(spec.name, (e.target as HTMLElement & { value: string }).value)}></locket-record-picker>`;
      case 'select':
        return html`<select id=${id} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || nothing} @change=${onInput}>
          ${control.allowEmpty ? html`<option value="" ?selected=${value === ''}>${RECORD_WORDS.none}</option>` : nothing}
          ${(spec.name === 'milestone' && this.milestoneChoices(value).length > 0 ? this.milestoneChoices(value)
    : control.options.map((option) => ({ value: option, label: choiceLabel(option) })))
    .map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
        </select>`;
      case 'textarea': case 'lines': case 'custom':
        return html`<textarea id=${id} .value=${value} aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing} @input=${onInput}></textarea>`;
      default: {
        const type = control.type === 'number' || control.type === 'tags' ? 'text' : control.type;
        return html`<input id=${id} type=${type} .value=${value} aria-invalid=${invalid ? 'true' : 'false'}
          inputmode=${control.type === 'number' ? 'decimal' : nothing}
          aria-describedby=${describedBy || nothing} @input=${onInput} />`;
      }
    }
  }

  private renderField(spec: FieldSpec) {
    const id = `${this.idPrefix}-${spec.name}`;
    const errorKey = spec.errorKey ?? spec.name;
    // A message reported under a shared key (consent) shows once, under the first of its controls.
    const owner = FORM_SPECS[this.kind].find((s) => (s.errorKey ?? s.name) === errorKey);
    const message = owner === spec ? this.errors[errorKey] : undefined;
    const errorId = `${id}-error`;
    return html`${spec.control.type === 'custom' ? this.renderDefinedFields() : nothing}<div class="field">
      ${spec.control.type === 'link' ? html`<span class="label" id=${`${id}-label`}><b>${FIELD_WORDS.labels[spec.label]}</b></span>`
        : html`<label for=${id}>${FIELD_WORDS.labels[spec.label]}</label>`}
      ${this.renderControl(spec, id, errorId, Boolean(this.errors[errorKey]))}
      ${spec.hint ? html`<span class="hint muted" id=${`${id}-hint`}>${FIELD_WORDS.hints[spec.hint]}</span>` : nothing}
      ${message ? html`<span class="error" id=${errorId} role="alert">${message}</span>` : nothing}
      ${spec.control.type === 'custom' && this.misfits.length > 0
        ? html`<ul class="hint misfits">${this.misfits.map((text) => html`<li>${text}</li>`)}</ul>` : nothing}
    </div>`;
  }

  private renderDefinedFields() {
    return this.definitions.map((definition) => {
      const key = definedKey(definition);
      return renderDefinedField({
        definition, id: `${this.idPrefix}-${key.replace(':', '-')}`, value: this.values[key] ?? '',
        error: this.errors[key] ?? '', onChange: (value) => this.setValue(key, value),
      });
    });
  }

  private visibleSpecs(): readonly FieldSpec[] {
    return FORM_SPECS[this.kind].filter((spec) => (!this.quick || spec.quick) && (spec.name !== 'lostReason' || asksLostReason(this.values)));
  }

  protected override render() {
    const specs = this.visibleSpecs();
    const phrases = kindPhrases(this.kind);
    const action = this.submitLabel || (this.record ? RECORD_WORDS.saveChanges : phrases.addOne);
    return html`<form novalidate aria-label=${this.formLabel || (this.record ? phrases.editOne : phrases.newOne)}
        @submit=${(e: SubmitEvent) => void this.onSubmit(e)}>
      ${specs.map((spec) => this.renderField(spec))}
      ${this.formError() ? html`<p class="form-error" role="alert">${this.formError()}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.acts.busyWith('save')}>${action}</button>
        ${this.quick ? nothing : html`<button type="button" @click=${() => this.dispatchEvent(locketEvent('locket-cancel', undefined))}>${RECORD_WORDS.cancel}</button>`}
      </div>
    </form>`;
  }
}
