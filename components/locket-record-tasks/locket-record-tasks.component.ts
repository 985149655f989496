import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LocketRecord, RecordId } from '../../core/records/types';
import { dueInstantOf } from '../../core/tasks/due-buckets';
import { markedDone } from '../../core/tasks/task-changes';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController, type ActionFailure } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { LocaleController } from '../shared/i18n/locale';
import { TASK_WORDS } from '../shared/messages/task-words';
import { baseStyles } from '../shared/tokens.styles';
import '../locket-task-form/locket-task-form';
import { deviceTimeZone } from '../../core/tasks/device-zone';
import { categoryLabel, dueLabel } from '../locket-tasks/task-labels';

type TaskRecord = LocketRecord<'task'>;
type Act = 'read' | 'change';

const failedText = ({ act, cause }: ActionFailure<Act>): string =>
  (act === 'read' ? TASK_WORDS.readFailed : TASK_WORDS.changeFailed)(failureText(cause));

const soonest = (a: TaskRecord, b: TaskRecord) => (dueInstantOf(a.fields) ?? Infinity) - (dueInstantOf(b.fields) ?? Infinity);

/** A record's open tasks, soonest first, with a done checkbox and "Add task" (the record detail renders it). */
export class LocketRecordTasks extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    h3 { margin: 12px 0 4px; }
    ul { list-style: none; padding: 0; margin: 0; }
    li { display: flex; gap: 8px; align-items: baseline; padding: 4px 0; }
    .meta { font-size: 13px; color: var(--locket-muted); }
    .error { color: var(--locket-danger); }
  `];

  @property({ attribute: false }) services!: LocketServices;
  @property({ attribute: false }) recordId: RecordId = '';
  @property({ attribute: 'record-title' }) recordTitle = '';
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;

  @state() private tasks: readonly TaskRecord[] = [];
  @state() private adding = false;
  private readonly acts = new ActionController<Act>(this);
  private readonly locale = new LocaleController(this);
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services.changes.subscribe((change) => { if (change.kinds.includes('task')) void this.load(); });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('recordId')) void this.load();
  }

  private async load(): Promise<void> {
    const ran = await this.acts.run('read', () => this.services.store.linkedTo(this.recordId), { keepFailure: true });
    if (!ran.ok) return;
    this.tasks = ran.value.filter((r): r is TaskRecord => r.kind === 'task' && r.fields.doneAt === null).sort(soonest);
  }

  private async done(task: TaskRecord): Promise<void> {
    await this.acts.run('change', () => this.services.store.update(task.id, 'task', markedDone(true, this.services.clock.now())));
  }

  protected override render() {
    const zone = deviceTimeZone();
    const failure = this.acts.failure;
    return html`<section aria-label=${TASK_WORDS.recordTasks}><h3>${TASK_WORDS.recordTasks}</h3>
      ${this.tasks.length === 0 ? html`<p class="meta">${TASK_WORDS.noRecordTasks}</p>` : html`<ul>${this.tasks.map((task) => html`<li>
        <input type="checkbox" ?disabled=${this.readOnly} aria-label=${TASK_WORDS.markDone(task.fields.description)} @change=${() => void this.done(task)}>
        <span>${task.fields.description}</span>
        <span class="meta">${task.fields.category ? `${categoryLabel(task.fields.category)} · ` : ''}${dueLabel(task.fields, zone)}</span>
      </li>`)}</ul>`}
      ${failure ? html`<p class="error" role="alert">${failedText(failure)}</p>` : nothing}
      ${this.readOnly ? nothing : this.adding
        ? html`<locket-task-form .services=${this.services} .recordId=${this.recordId} record-title=${this.recordTitle}
            @locket-saved=${(e: Event) => { e.stopPropagation(); this.adding = false; }}
            @locket-cancel=${(e: Event) => { e.stopPropagation(); this.adding = false; }}></locket-task-form>`
        : html`<button @click=${() => { this.adding = true; }}>${TASK_WORDS.addTask}</button>`}
    </section>`;
  }
}
