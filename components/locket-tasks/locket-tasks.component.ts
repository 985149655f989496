import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TaskRow } from '../../core/tasks/task-reads';
import { bucketTasks, dueDayOf, dueInstantOf, TASK_BUCKETS, type Bucketed, type TaskBucket } from '../../core/tasks/due-buckets';
import { markedDone, snoozed, type Snooze } from '../../core/tasks/task-changes';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController, type ActionFailure } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { locketEvent } from '../shared/events';
import { currentLocale, LocaleController } from '../shared/i18n/locale';
import { TASK_WORDS } from '../shared/messages/task-words';
import { baseStyles } from '../shared/tokens.styles';
import '../locket-task-form/locket-task-form';
import { deviceTimeZone } from '../../core/tasks/device-zone';
import { categoryLabel, dueLabel } from './task-labels';
import { tasksStyles } from './locket-tasks.styles';
import { offerDownload } from '../../platform/downloads/download-file';
import '../locket-follow-up-suggestions/locket-follow-up-suggestions';
import { FIRST_TASK_ROWS } from '../../core/first-page/first-tasks';
import { LIVE_SCREEN_MARKS, markOnce, TASKS_FIRST_ROW_MARK } from '../shared/first-row-mark';

/** Rows read first from the due index: a screen and more of them (a side panel shows about ten), read on the page and drawn before the rest is read. */
export const FIRST_ROWS = 30;

/** The longest the rest of the tasks and the suggestions wait for the first rows' frame. */
const SUGGESTIONS_AFTER_MS = 1000;

type TasksAct = 'read' | 'change' | 'export';

const FAILED: { readonly [A in TasksAct]: (cause: string) => string } = {
  read: (cause) => TASK_WORDS.readFailed(cause),
  change: (cause) => TASK_WORDS.changeFailed(cause),
  export: (cause) => TASK_WORDS.exportFailed(cause),
};
const failedText = ({ act, cause }: ActionFailure<TasksAct>): string => FAILED[act](failureText(cause));

/**
 * Side panel → Tasks: overdue, today, next 7 days, later and done, in the device's zone. Each
 * task links to its record (sends `locket-open`), can be marked done or undone, and snoozed by
 * a day or a week. "New task" opens the task form in place.
 */
export class LocketTasks extends LitElement {
  static override styles = [baseStyles, tasksStyles];

  @property({ attribute: false }) services!: LocketServices;
  /** The device's zone; a test sets another to see tasks move between days. */
  @property() zone = deviceTimeZone();
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;

  @state() private due: readonly TaskRow[] | null = null;
  @state() private other: readonly TaskRow[] = [];
  @state() private creating = false;
  private readonly acts = new ActionController<TasksAct>(this);
  private readonly locale = new LocaleController(this);
  private unsubscribe?: () => void;
  private reads = 0;
  private firstRowMarked = false;
  /**
   * Suggestions are a pass over every record in the worker, which would hold up the worker's
   * read of the first rows: they are asked for once those are drawn (or found to be none).
   */
  @state() private firstRowsDrawn = false;
  /** Resolved with `firstRowsDrawn`: the rest of the tasks are read once the first ones are on screen. */
  private readonly drawn = Promise.withResolvers<undefined>();

  override connectedCallback(): void {
    super.connectedCallback();
    // Stages of the Tasks view's open, read by the bench beside its first-row figure.
    performance.mark('locket:tasks-view');
    this.unsubscribe = this.services.changes.subscribe((change) => {
      if (change.kinds.some((kind) => kind !== 'note' && kind !== 'activity')) void this.load(false);
    });
    void this.load(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  /**
   * The first read paints the soonest tasks from the due index alone (read on the page); then,
   * once they are drawn, everything (read by the worker, which starts meanwhile and would
   * otherwise share the two cores with drawing them). The latest read wins.
   */
  private async load(first: boolean): Promise<void> {
    const tasks = this.services.tasks;
    if (!tasks) return;
    const read = ++this.reads;
    if (first) {
      const ran = await this.acts.run('read', () => tasks.dueTasks(FIRST_ROWS), { keepFailure: true });
      if (!ran.ok || read !== this.reads) return;
      performance.mark('locket:tasks-first-read');
      this.due = ran.value;
      await this.drawn.promise;
      if (read !== this.reads) return;
    }
    const ran = await this.acts.run('read', () => Promise.all([tasks.dueTasks(), tasks.otherTasks()]), { keepFailure: true });
    if (!ran.ok || read !== this.reads) return;
    [this.due, this.other] = ran.value;
  }

  /**
   * The bench times the view's open to TASKS_FIRST_ROW_MARK: the frame after the first row was
   * drawn (by the early paint, when it had rows remembered, else here); LIVE_SCREEN_MARKS.tasks
   * is this view's own first screen, rows or none, which the early paint gives way to.
   */
  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('due') || changed.has('other')) this.rememberFirstRows();
    if (this.firstRowMarked || this.due === null) return;
    this.firstRowMarked = true;
    const drawn = (): void => {
      this.firstRowsDrawn = true;
      this.drawn.resolve(undefined);
    };
    requestAnimationFrame(() => {
      performance.mark(LIVE_SCREEN_MARKS.tasks);
      if (this.renderRoot.querySelector('li[data-task]')) markOnce(TASKS_FIRST_ROW_MARK);
      drawn();
    });
    // A page in the background draws no frames: the rest and the suggestions come regardless, a little later.
    setTimeout(drawn, SUGGESTIONS_AFTER_MS);
  }

  /** The soonest open tasks as drawn, kept for the next side panel opened on Tasks (core/first-page/first-tasks). */
  private rememberFirstRows(): void {
    const { due, other, zone, services: { firstScreens: keeper, clock } } = this;
    if (!keeper || due === null) return;
    keeper.remember('tasks', () => {
      const buckets = bucketTasks([...due, ...other], clock.now(), zone);
      const open = [...buckets.overdue, ...buckets.today, ...buckets['next-7-days'], ...buckets.later].slice(0, FIRST_TASK_ROWS);
      return {
        rows: open.map(({ fields, record }) => ({
          description: fields.description, record: record?.title ?? null, category: fields.category ? categoryLabel(fields.category) : '',
          dueDate: fields.dueDate, dueTime: fields.dueTime, timeZone: fields.timeZone,
          shown: { day: dueDayOf(fields, zone), dueAt: dueInstantOf(fields), label: dueLabel(fields, zone) },
        })),
        shownIn: { zone, locale: currentLocale() },
      };
    });
  }

  private async change(task: TaskRow, fields: Record<string, unknown>): Promise<void> {
    await this.acts.run('change', () => this.services.store.update(task.id, 'task', fields));
  }

  private async toggleDone(task: TaskRow, done: boolean): Promise<void> {
    const fields = markedDone(done, this.services.clock.now());
    await this.change(task, fields);
    // A task made from a track starts the track's next step once it is done.
    if (done && !this.acts.failure) await this.acts.run('change', () => this.services.store.startNextTrackStep(task.id));
  }

  /** Every task as an .ics file; a refusal (no export right) shows as the failure. */
  private async exportIcs(): Promise<void> {
    await this.acts.run('export', async () => {
      const file = await this.services.exports.exportTasksIcs();
      offerDownload(file.bytes, file.fileName, file.mimeType);
    });
  }

  private snooze(task: TaskRow, by: Snooze): Promise<void> {
    return this.change(task, snoozed(task.fields, by, this.services.clock.now()));
  }

  private renderRecordLink(record: NonNullable<TaskRow['record']>) {
    return html`<button class="link" @click=${() => this.dispatchEvent(locketEvent('locket-open', { id: record.id }))}>${record.title}</button>`;
  }

  private renderTask(task: TaskRow, bucket: TaskBucket) {
    const done = task.fields.doneAt !== null;
    const busy = this.acts.busyWith('change');
    return html`<li class=${bucket} data-task=${task.id}>
      <input type="checkbox" .checked=${done} ?disabled=${this.readOnly || busy} aria-label=${TASK_WORDS.markDone(task.fields.description)}
        @change=${(e: Event) => void this.toggleDone(task, (e.target as HTMLInputElement).checked)}>
      <div class="body">
        <span class="description">${task.fields.description}</span>
        <span class="meta">
          ${task.record ? this.renderRecordLink(task.record) : nothing}
          ${task.fields.category ? html`<span class="category">${categoryLabel(task.fields.category)}</span>` : nothing}
          <span class="due">${dueLabel(task.fields, this.zone)}</span>
        </span>
        ${done || this.readOnly ? nothing : html`<div class="actions">
          <button ?disabled=${busy} @click=${() => void this.snooze(task, 'day')}>${TASK_WORDS.snoozeDay}</button>
          <button ?disabled=${busy} @click=${() => void this.snooze(task, 'week')}>${TASK_WORDS.snoozeWeek}</button>
        </div>`}
      </div>
    </li>`;
  }

  private renderSections(buckets: Bucketed<TaskRow>) {
    return TASK_BUCKETS.map((bucket) => html`<section aria-label=${TASK_WORDS.sections[bucket]}>
      <h3>${TASK_WORDS.sections[bucket]}</h3>
      ${buckets[bucket].length === 0 ? html`<p class="empty">${TASK_WORDS.noneInSection}</p>`
        : html`<ul>${buckets[bucket].map((task) => this.renderTask(task, bucket))}</ul>`}
    </section>`);
  }

  protected override render() {
    const failure = this.acts.failure;
    const all = [...(this.due ?? []), ...this.other];
    return html`<div class="head"><h2>${TASK_WORDS.tasks}</h2>
        <button ?disabled=${this.acts.busyWith('export')} @click=${() => void this.exportIcs()}>${this.acts.busyWith('export') ? TASK_WORDS.exporting : TASK_WORDS.exportIcs}</button>
        ${this.readOnly || this.creating ? nothing : html`<button class="primary" @click=${() => { this.creating = true; }}>${TASK_WORDS.newTask}</button>`}</div>
      ${this.creating ? html`<locket-task-form .services=${this.services}
        @locket-saved=${(e: Event) => { e.stopPropagation(); this.creating = false; }}
        @locket-cancel=${(e: Event) => { e.stopPropagation(); this.creating = false; }}></locket-task-form>` : nothing}
      ${failure ? html`<p class="error" role="alert">${failedText(failure)}</p>` : nothing}
      ${this.services.contacts && this.firstRowsDrawn ? html`<locket-follow-up-suggestions .services=${this.services}></locket-follow-up-suggestions>` : nothing}
      ${this.due === null ? nothing
        : all.length === 0 ? html`<p class="empty" role="status">${TASK_WORDS.noTasks}</p>`
        : this.renderSections(bucketTasks(all, this.services.clock.now(), this.zone))}`;
  }
}
