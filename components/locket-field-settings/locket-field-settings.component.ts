import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  CUSTOM_FIELD_KINDS, CUSTOM_FIELD_TYPES, NO_DEFINITIONS,
  type CustomFieldKind, type CustomFieldType, type FieldDefinition, type FieldDefinitions,
} from '../../core/custom-fields/definitions';
import {
  addDefinition, moveDefinition, removeDefinition, renameDefinition, type DefinitionProblem,
} from '../../core/custom-fields/edit';
import type { Result } from '../../core/result';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { formStyles } from '../shared/form.styles';
import { LocaleController } from '../shared/i18n/locale';
import { KIND_LABELS } from '../shared/kind-labels';
import { CUSTOM_FIELD_WORDS as WORDS, definitionProblemText } from '../shared/messages/custom-field-words';
import { SETTINGS_MESSAGES } from '../shared/messages/settings-messages';
import { baseStyles } from '../shared/tokens.styles';
import { fieldSettingsStyles } from './locket-field-settings.styles';

type FieldsAct = 'read' | 'save';

const kindOf = (value: string): CustomFieldKind | undefined => CUSTOM_FIELD_KINDS.find((kind) => kind === value);
const typeOf = (value: string): CustomFieldType | undefined => CUSTOM_FIELD_TYPES.find((type) => type === value);

/**
 * Options → Fields: the owner's custom field definitions per kind. Add, rename, reorder and
 * delete; each change saves the settings at once. Deleting asks first and touches no record:
 * the values stay as plain custom fields.
 */
export class LocketFieldSettings extends LitElement {
  static override styles = [baseStyles, formStyles, fieldSettingsStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private definitions: FieldDefinitions | null = null;
  @state() private kind: CustomFieldKind = 'person';
  @state() private type: CustomFieldType = 'text';
  @state() private addError = '';
  @state() private renaming: string | null = null;
  @state() private renameError = '';
  @state() private removing: string | null = null;
  @state() private savedNote = false;
  private readonly acts = new ActionController<FieldsAct>(this);
  private readonly locale = new LocaleController(this);
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    // A restore or another page may change the definitions: never save a stale list over them.
    this.unsubscribe = this.services.changes.subscribe((change) => { if (change.settings) void this.load(); });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private async load(): Promise<void> {
    await this.acts.run('read', async () => {
      this.definitions = (await this.services.store.getSettings()).fieldDefinitions ?? NO_DEFINITIONS;
    }, { keepFailure: true });
  }

  private get list(): readonly FieldDefinition[] {
    return this.definitions?.[this.kind] ?? [];
  }

  /** Saves the kind's new list; a refusal (a problem) is returned for the caller to show beside its field. */
  private async apply(change: Result<FieldDefinition[], DefinitionProblem>): Promise<DefinitionProblem | null> {
    if (!change.ok) return change.error;
    const next = { ...(this.definitions ?? NO_DEFINITIONS), [this.kind]: change.value };
    this.savedNote = false;
    const ran = await this.acts.run('save', () => this.services.store.saveSettings({ fieldDefinitions: next }));
    if (!ran.ok) return null;
    if (!ran.value.ok) { this.addError = SETTINGS_MESSAGES['fields-invalid']; return null; }
    this.definitions = ran.value.value.fieldDefinitions ?? next;
    this.savedNote = true;
    return null;
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const draft = {
      name: String(data.get('name') ?? ''), type: this.type,
      choices: String(data.get('choices') ?? ''), required: data.get('required') === 'on',
    };
    const problem = await this.apply(addDefinition(this.list, draft, crypto.randomUUID()));
    this.addError = problem ? definitionProblemText(problem) : '';
    if (!problem && this.acts.failure === null) { form.reset(); this.type = 'text'; }
    if (problem) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(problem.type === 'choices-missing' ? '#field-choices' : '#field-name')?.focus();
    }
  }

  private async rename(event: SubmitEvent, definition: FieldDefinition): Promise<void> {
    event.preventDefault();
    const name = String(new FormData(event.target as HTMLFormElement).get('rename') ?? '');
    const problem = await this.apply(renameDefinition(this.list, definition.id, name));
    this.renameError = problem ? definitionProblemText(problem) : '';
    if (!problem) this.renaming = null;
  }

  private async move(definition: FieldDefinition, step: -1 | 1): Promise<void> {
    await this.apply({ ok: true, value: moveDefinition(this.list, definition.id, step) });
    await this.updateComplete;
    // The button pressed moved with its field: keep the focus on it so the owner can press again.
    const label = step < 0 ? WORDS.moveUp(definition.name) : WORDS.moveDown(definition.name);
    [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.ariaLabel === label)?.focus();
  }

  private async deleteDefinition(definition: FieldDefinition): Promise<void> {
    await this.apply({ ok: true, value: removeDefinition(this.list, definition.id) });
    this.removing = null;
  }

  private renderDefinition(definition: FieldDefinition, index: number, count: number) {
    const { name } = definition;
    if (this.renaming === definition.id) {
      const error = this.renameError;
      return html`<li><form class="confirm" novalidate @submit=${(e: SubmitEvent) => void this.rename(e, definition)}>
        <label for="rename-field">${WORDS.renameTo(name)}</label>
        <input id="rename-field" name="rename" .value=${name} aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'rename-error' : nothing} />
        <button class="primary" type="submit">${WORDS.saveName}</button>
        <button type="button" @click=${() => { this.renaming = null; this.renameError = ''; }}>${WORDS.cancel}</button>
        ${error ? html`<span class="error" id="rename-error" role="alert">${error}</span>` : nothing}
      </form></li>`;
    }
    if (this.removing === definition.id) {
      return html`<li class="confirm" role="group" aria-label=${WORDS.remove(name)}>
        <span>${WORDS.confirmRemove(name)}</span>
        <button class="danger" type="button" @click=${() => void this.deleteDefinition(definition)}>${WORDS.removeConfirmed}</button>
        <button type="button" @click=${() => { this.removing = null; }}>${WORDS.keep}</button>
      </li>`;
    }
    const detail = [WORDS.types[definition.type], definition.type === 'choice' ? definition.choices.join(', ') : '',
      definition.required ? WORDS.requiredMark : ''].filter(Boolean).join(' · ');
    return html`<li>
      <span class="name">${name}</span><span class="muted">${detail}</span>
      <button type="button" aria-label=${WORDS.moveUp(name)} ?disabled=${index === 0} @click=${() => void this.move(definition, -1)}>↑</button>
      <button type="button" aria-label=${WORDS.moveDown(name)} ?disabled=${index === count - 1} @click=${() => void this.move(definition, 1)}>↓</button>
      <button type="button" @click=${() => { this.renaming = definition.id; this.renameError = ''; }} aria-label=${WORDS.renameOne(name)}>${WORDS.rename}</button>
      <button type="button" aria-label=${WORDS.remove(name)} @click=${() => { this.removing = definition.id; }}>${WORDS.remove(name)}</button>
    </li>`;
  }

  private renderAddForm() {
    const error = this.addError;
    return html`<form aria-label=${WORDS.adding} novalidate @submit=${(e: SubmitEvent) => void this.add(e)}>
      <div class="add-fields">
        <div class="field">
          <label for="field-name">${WORDS.name}</label>
          <input id="field-name" name="name" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'field-add-error' : nothing} />
        </div>
        <div class="field">
          <label for="field-type">${WORDS.type}</label>
          <select id="field-type" @change=${(e: Event) => { this.type = typeOf((e.target as HTMLSelectElement).value) ?? 'text'; }}>
            ${CUSTOM_FIELD_TYPES.map((type) => html`<option .value=${type} ?selected=${type === this.type}>${WORDS.types[type]}</option>`)}
          </select>
        </div>
        <label class="check"><input type="checkbox" name="required" />${WORDS.required}</label>
      </div>
      ${this.type === 'choice' ? html`<div class="field">
        <label for="field-choices">${WORDS.choices}</label>
        <textarea id="field-choices" name="choices" aria-describedby="field-choices-hint"></textarea>
        <span class="hint" id="field-choices-hint">${WORDS.choicesHint}</span>
      </div>` : nothing}
      ${error ? html`<span class="error" id="field-add-error" role="alert">${error}</span>` : nothing}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.acts.busyWith('save')}>${WORDS.add}</button></div>
    </form>`;
  }

  protected override render() {
    const failure = this.acts.failure;
    const list = this.list;
    const kindName = KIND_LABELS[this.kind].many;
    return html`<p class="lead">${WORDS.lead}</p>
      <div class="field">
        <label for="field-kind">${WORDS.kind}</label>
        <select id="field-kind" @change=${(e: Event) => {
          this.kind = kindOf((e.target as HTMLSelectElement).value) ?? this.kind;
          this.renaming = null; this.removing = null; this.addError = ''; this.savedNote = false;
        }}>
          ${CUSTOM_FIELD_KINDS.map((kind) => html`<option .value=${kind} ?selected=${kind === this.kind}>${KIND_LABELS[kind].many}</option>`)}
        </select>
      </div>
      ${this.definitions === null ? html`<p class="muted" role="status">${WORDS.loading}</p>`
        : list.length === 0 ? html`<p class="muted">${WORDS.none}</p>`
          : html`<ol class="fields" aria-label=${WORDS.listLabel(kindName)}>${list.map((definition, index) => this.renderDefinition(definition, index, list.length))}</ol>`}
      ${this.renderAddForm()}
      <p role="status" class="muted">${this.savedNote ? WORDS.saved : nothing}</p>
      ${failure ? html`<p class="error" role="alert">${WORDS.failed(failureText(failure.cause))}</p>` : nothing}`;
  }
}
