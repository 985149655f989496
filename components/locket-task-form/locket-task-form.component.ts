import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TASK_CATEGORIES, type RecordId } from '../../core/records/types';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { locketEvent } from '../shared/events';
import { LocaleController } from '../shared/i18n/locale';
import { fieldErrorsText, type FieldTexts } from '../shared/messages/field-messages';
import { RECORD_WORDS } from '../shared/messages/record-words';
import { TASK_WORDS } from '../shared/messages/task-words';
import { formStyles } from '../shared/form.styles';
import { baseStyles } from '../shared/tokens.styles';
import { deviceTimeZone } from '../../core/tasks/device-zone';
import { taskFormStyles } from './locket-task-form.styles';

let formCount = 0;
const OWN = 'own';

/**
 * A new task: description, due date with an optional time (in the device's zone), a category
 * (call, email, meeting, follow-up or the owner's own word) and the assignee (the owner until a
 * team exists). Saves through the store; a refusal shows next to its field. Sends
 * `locket-saved` after a save and `locket-cancel` when the user backs out.
 */
export class LocketTaskForm extends LitElement {
  static override styles = [baseStyles, formStyles, taskFormStyles];

  @property({ attribute: false }) services!: LocketServices;
  /** The record the task is about; null for a task of its own. */
  @property({ attribute: false }) recordId: RecordId | null = null;
  /** The record's title, to say what the task is about. */
  @property({ attribute: 'record-title' }) recordTitle = '';

  @state() private category: string = TASK_CATEGORIES[0];
  @state() private assignee = '';
  @state() private errors: FieldTexts = {};
  private readonly acts = new ActionController<'defaults' | 'save'>(this);
  private readonly idPrefix = `task-form-${++formCount}`;
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.readOwner();
  }

  private async readOwner(): Promise<void> {
    const ran = await this.acts.run('defaults', () => this.services.store.getSettings(), { keepFailure: true });
    if (ran.ok && this.assignee === '') this.assignee = ran.value.ownerName;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const category = this.category === OWN ? text('ownCategory') : this.category;
    const dueDate = text('dueDate') || null;
    const ran = await this.acts.run('save', () => this.services.store.create('task', {
      description: text('description'), recordId: this.recordId, dueDate, dueTime: dueDate ? text('dueTime') || null : null,
      timeZone: deviceTimeZone(), category, assignee: text('assignee'),
    }));
    if (!ran.ok) return;
    if (!ran.value.ok) { this.errors = fieldErrorsText(ran.value.error); return; }
    this.errors = {};
    this.dispatchEvent(locketEvent('locket-saved', { record: ran.value.value }));
  }

  private field(name: string, label: string, input: unknown) {
    const error = this.errors[name];
    return html`<div class="field"><label for="${this.idPrefix}-${name}">${label}</label>${input}
      ${error ? html`<span class="error" id="${this.idPrefix}-${name}-error" role="alert">${error}</span>` : nothing}</div>`;
  }

  private invalid(name: string) {
    return this.errors[name] ? 'true' : 'false';
  }

  protected override render() {
    const failure = this.acts.failure;
    const formError = Object.entries(this.errors).filter(([name]) => !['description', 'dueDate', 'dueTime', 'category', 'assignee'].includes(name));
    return html`<form aria-label=${TASK_WORDS.newTask} @submit=${(e: SubmitEvent) => void this.submit(e)}>
      ${this.recordTitle ? html`<p class="about">${TASK_WORDS.about(this.recordTitle)}</p>` : nothing}
      ${this.field('description', TASK_WORDS.description, html`<input id="${this.idPrefix}-description" name="description" required
        aria-invalid=${this.invalid('description')}>`)}
      <div class="when">
        ${this.field('dueDate', TASK_WORDS.dueDate, html`<input id="${this.idPrefix}-dueDate" name="dueDate" type="date" aria-invalid=${this.invalid('dueDate')}>`)}
        ${this.field('dueTime', TASK_WORDS.dueTime, html`<input id="${this.idPrefix}-dueTime" name="dueTime" type="time" aria-invalid=${this.invalid('dueTime')}>`)}
      </div>
      ${this.field('category', TASK_WORDS.category, html`<select id="${this.idPrefix}-category" name="category"
        @change=${(e: Event) => { this.category = (e.target as HTMLSelectElement).value; }}>
        ${TASK_CATEGORIES.map((category) => html`<option value=${category} ?selected=${this.category === category}>${TASK_WORDS.categories[category]}</option>`)}
        <option value="" ?selected=${this.category === ''}>${TASK_WORDS.noCategory}</option>
        <option value=${OWN} ?selected=${this.category === OWN}>${TASK_WORDS.ownCategory}</option>
      </select>`)}
      ${this.category === OWN ? this.field('ownCategory', TASK_WORDS.ownCategory, html`<input id="${this.idPrefix}-ownCategory" name="ownCategory">`) : nothing}
      ${this.field('assignee', TASK_WORDS.assignee, html`<input id="${this.idPrefix}-assignee" name="assignee" .value=${this.assignee}
        @input=${(e: Event) => { this.assignee = (e.target as HTMLInputElement).value; }}>`)}
      ${formError.map(([, text]) => html`<p class="error" role="alert">${text}</p>`)}
      ${failure ? html`<p class="error" role="alert">${RECORD_WORDS.nothingSaved(failureText(failure.cause))}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.acts.busyWith('save')}>${TASK_WORDS.save}</button>
        <button type="button" @click=${() => this.dispatchEvent(locketEvent('locket-cancel', undefined))}>${TASK_WORDS.cancel}</button>
      </div>
    </form>`;
  }
}
