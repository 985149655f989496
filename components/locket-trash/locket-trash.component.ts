import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { TrashItem } from '../../core/trash/contract';
import type { LocketRecord, RecordId } from '../../core/records/types';
import { LISTED_KINDS } from '../../core/records/types';
import { recordTitle } from '../shared/record-title';
import { TRASH_DAYS } from '../../core/retention/windows';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { KIND_LABELS } from '../shared/kind-labels';
import { trashRestoreText } from '../shared/messages/trash-messages';
import { locketEvent } from '../shared/events';
import { focusWasDropped } from '../shared/focus';
import { baseStyles } from '../shared/tokens.styles';
import { daysLeftLabel, deletedOnLabel, deleterName, notesCount, notesLabel, recordsLabel, TRASH_WORDS } from './trash-labels';
import { LocaleController } from '../shared/i18n/locale';
import { trashStyles } from './locket-trash.styles';
import type { NameDirectory } from '../../core/team/name-directory';
import { remoteDeviceOf } from '../../core/audit/remote-author';
import { readNameDirectory } from '../team/read-name-directory';

export const TRASH_PAGE_SIZE = 50;

/** What the owner is being asked to confirm: one record, or everything in the trash. */
type Confirmation = { readonly kind: 'one'; readonly item: TrashItem } | { readonly kind: 'all' };

type TrashAct = 'read' | 'change';

/** What the owner reads when an act failed; `cause` is the failure in words. */
const FAILED: { readonly [A in TrashAct]: (cause: string) => string } = {
  read: (cause) => TRASH_WORDS.readFailed(cause),
  change: (cause) => TRASH_WORDS.changeFailed(cause),
};

const nameOf = (record: LocketRecord): string => recordTitle(record) || KIND_LABELS[record.kind].one;
const isListed = (record: LocketRecord): boolean => (LISTED_KINDS as readonly string[]).includes(record.kind);

/** Trashed records, most recently deleted first, each restorable until its window closes or deletable for good. */
export class LocketTrash extends LitElement {
  static override styles = [baseStyles, trashStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private items: readonly TrashItem[] | null = null;
  @state() private total = 0;
  @state() private ownerName = '';
  /** Who the team's devices are, read only when another device trashed something shown; null otherwise. */
  @state() private directory: NameDirectory | null = null;
  @state() private confirming: Confirmation | null = null;
  @state() private refusal: { readonly id: RecordId; readonly message: string } | null = null;
  @state() private restored: LocketRecord | null = null;
  private readonly acts = new ActionController<TrashAct>(this);
  @query('h2') private heading?: HTMLElement;
  @query('.restored button') private openRestored?: HTMLElement;
  /** Rows shown; a refresh reads this many again so "Show more" is not undone by a change elsewhere. */
  private shown = TRASH_PAGE_SIZE;
  private returnFocus: HTMLElement | null = null;
  private unsubscribe?: () => void;
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services.changes.subscribe(() => void this.load());
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // An opened confirmation takes the focus on its safe choice.
    if (changed.has('confirming') && this.confirming) this.renderRoot.querySelector<HTMLElement>('.confirm .cancel')?.focus();
  }

  /**
   * Reads the rows shown; the latest read wins, so a slow earlier answer never overwrites a newer
   * one. A failure shown stays: a refresh is not the owner's act.
   */
  private async load(): Promise<void> {
    const store = this.services.store;
    const ran = await this.acts.run('read', () => Promise.all([
      store.trashPage(0, this.shown), store.trashCount(), store.getSettings(),
    ]), { keepFailure: true });
    if (!ran.ok) return;
    const [items, total, settings] = ran.value;
    const trashedElsewhere = items.some((item) => remoteDeviceOf(item.deletedBy) !== null);
    this.directory = trashedElsewhere ? await readNameDirectory(this.services) : null;
    this.items = items;
    this.total = total;
    this.ownerName = settings.ownerName;
    const asked = this.confirming;
    // A record purged or restored elsewhere while its confirmation was open is no longer asked about.
    if (asked && (asked.kind === 'one' ? !items.some((i) => i.record.id === asked.item.record.id) : total === 0)) {
      this.confirming = null;
    }
  }

  /** Reads the longer list as one read, so a refresh under way cannot splice a stale page into it. */
  private async showMore(): Promise<void> {
    this.shown = (this.items?.length ?? 0) + TRASH_PAGE_SIZE;
    await this.load();
  }

  /** Runs one change to the trash; the buttons wait for it, and a failure is said, not swallowed. */
  private async act(change: () => Promise<void>): Promise<void> {
    await this.acts.run('change', change);
    await this.load();
  }

  private get busy(): boolean {
    return this.acts.busyWith('change');
  }

  private errorText(): string {
    const failure = this.acts.failure;
    return failure ? FAILED[failure.act](failureText(failure.cause)) : '';
  }

  private async restore(item: TrashItem): Promise<void> {
    await this.act(async () => {
      const result = await this.services.store.restore(item.record.id);
      this.refusal = result.ok ? null : { id: item.record.id, message: trashRestoreText(result.error) };
      this.restored = result.ok ? result.value : null;
    });
    // The restored row went with its button: the keyboard lands on the way to open the record.
    await this.updateComplete;
    if (focusWasDropped(this.ownerDocument)) (this.openRestored ?? this.heading)?.focus();
  }

  private ask(confirmation: Confirmation, event: Event): void {
    this.returnFocus = event.currentTarget instanceof HTMLElement ? event.currentTarget : null;
    this.confirming = confirmation;
  }

  private cancel(): void {
    this.confirming = null;
    this.returnFocus?.focus();
    this.returnFocus = null;
  }

  private confirm(confirmation: Confirmation): Promise<void> {
    this.confirming = null;
    this.returnFocus = null;
    this.restored = null;
    return this.act(async () => {
      const store = this.services.store;
      await (confirmation.kind === 'all' ? store.emptyTrash() : store.deleteForever([confirmation.item.record.id]));
      this.heading?.focus();
    });
  }

  private renderConfirmation(confirmation: Confirmation) {
    const [question, detail] = confirmation.kind === 'all'
      ? [TRASH_WORDS.emptyQuestion, TRASH_WORDS.emptyDetail(recordsLabel(this.total))]
      : [TRASH_WORDS.deleteQuestion(nameOf(confirmation.item.record)),
        confirmation.item.notes > 0 ? TRASH_WORDS.deleteDetail(notesCount(confirmation.item.notes)) : ''];
    return html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-question" aria-describedby="confirm-detail"
      @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') this.cancel(); }}>
      <p id="confirm-question" class="question">${question}</p>
      <p id="confirm-detail">${detail} ${TRASH_WORDS.cannotUndo}</p>
      <div class="actions">
        <button class="cancel" @click=${() => this.cancel()}>${TRASH_WORDS.cancel}</button>
        <button class="danger" ?disabled=${this.busy} @click=${() => void this.confirm(confirmation)}>${TRASH_WORDS.deleteForever}</button>
      </div>
    </div>`;
  }

  private renderItem(item: TrashItem) {
    const { record, notes } = item;
    const name = nameOf(record);
    const deletedAt = record.deletedAt ?? 0;
    const confirming = this.confirming;
    return html`<li>
      <span class="title">${name}</span>
      <span class="muted">${KIND_LABELS[record.kind].one}${notes > 0 ? ` ${notesLabel(notes)}` : ''}</span>
      <span class="muted">${TRASH_WORDS.deletedBy(deleterName(item.deletedBy, this.ownerName, this.directory))}
        <time datetime=${new Date(deletedAt).toISOString()}>${deletedOnLabel(deletedAt)}</time></span>
      <span class="left">${daysLeftLabel(deletedAt, this.services.clock.now())}</span>
      <div class="actions">
        <button aria-label=${TRASH_WORDS.restoreName(name)} ?disabled=${this.busy} @click=${() => void this.restore(item)}>${TRASH_WORDS.restore}</button>
        <button class="danger" aria-label=${TRASH_WORDS.deleteNameForever(name)} ?disabled=${this.busy}
          @click=${(e: Event) => this.ask({ kind: 'one', item }, e)}>${TRASH_WORDS.deleteRow}</button>
      </div>
      ${this.refusal?.id === record.id ? html`<p class="error" role="alert">${this.refusal.message}</p>` : nothing}
      ${confirming?.kind === 'one' && confirming.item.record.id === record.id ? this.renderConfirmation(confirming) : nothing}
    </li>`;
  }

  private renderRestored(record: LocketRecord) {
    const name = nameOf(record);
    const list = isListed(record) ? KIND_LABELS[record.kind].many : null;
    return html`<p class="restored" role="status">${TRASH_WORDS.isBack(name, list)}
      <button class="link" @click=${() => this.dispatchEvent(locketEvent('locket-open', { id: record.id }))}>${TRASH_WORDS.open(name)}</button></p>`;
  }

  protected override render() {
    const items = this.items;
    const header = html`<div class="head"><h2 tabindex="-1">${TRASH_WORDS.trash}</h2>
      ${this.total > 0 ? html`<button class="danger" ?disabled=${this.busy}
        @click=${(e: Event) => this.ask({ kind: 'all' }, e)}>${TRASH_WORDS.emptyTrash}</button>` : nothing}</div>
      ${this.confirming?.kind === 'all' ? this.renderConfirmation(this.confirming) : nothing}
      ${this.errorText() ? html`<p class="error" role="alert">${this.errorText()}</p>` : nothing}
      ${this.restored ? this.renderRestored(this.restored) : nothing}`;
    if (items === null) return html`${header}<p class="muted" role="status">${TRASH_WORDS.loading}</p>`;
    if (this.total === 0) {
      return html`${header}<p class="empty muted" role="status">${TRASH_WORDS.empty(TRASH_DAYS)}</p>`;
    }
    return html`${header}
      <p class="muted">${TRASH_WORDS.window(recordsLabel(this.total), TRASH_DAYS)}</p>
      <ul aria-label=${TRASH_WORDS.trashedRecords}>${items.map((item) => this.renderItem(item))}</ul>
      ${items.length < this.total ? html`<button class="more" @click=${() => void this.showMore()}>${TRASH_WORDS.showMore}</button>` : nothing}`;
  }
}
