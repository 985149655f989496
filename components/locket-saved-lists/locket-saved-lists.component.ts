import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isBuiltIn } from '../../core/filters/built-in-lists';
import type { SavedList } from '../../core/filters/filter-schema';
import { createSavedLists, type SavedLists } from '../../core/filters/saved-lists';
import type { LocketServices } from '../../platform/page-services/services';
import { LocaleController } from '../shared/i18n/locale';
import { FILTER_WORDS } from '../shared/messages/filter-words';
import { baseStyles } from '../shared/tokens.styles';
import { savedListEvent } from './saved-list-events';
import { savedListsStyles } from './locket-saved-lists.styles';

/** A list's name as the user sees it: built-in lists are named in the page's language. */
export const listName = (list: SavedList): string => (isBuiltIn(list.id) ? FILTER_WORDS.builtIn[list.name] ?? list.name : list.name);

/**
 * The side panel's saved lists: the built-in ones, then the owner's, each opening like a list;
 * the open one (when it is the owner's) can be renamed or deleted (deleting asks first).
 *
 * @event locket-open-list - a list was chosen
 * @event locket-list-deleted - the open list was deleted
 */
export class LocketSavedLists extends LitElement {
  static override styles = [baseStyles, savedListsStyles];

  @property({ attribute: false }) services!: LocketServices;
  /** The list open now, if any. */
  @property({ attribute: 'active-id' }) activeId = '';

  @state() private lists: readonly SavedList[] = [];
  @state() private mode: 'idle' | 'renaming' | 'deleting' = 'idle';
  @state() private problem = '';
  private unsubscribe?: () => void;
  private readonly locale = new LocaleController(this);

  private get saved(): SavedLists {
    return createSavedLists({ settings: this.services.store, newId: () => crypto.randomUUID() });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A list saved, renamed or deleted here or on another page changes the settings.
    this.unsubscribe = this.services.changes.subscribe((change) => { if (change.settings) void this.load(); });
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private async load(): Promise<void> {
    this.lists = await this.saved.all();
  }

  private get active(): SavedList | undefined {
    return this.lists.find((list) => list.id === this.activeId);
  }

  private async rename(event: SubmitEvent, list: SavedList): Promise<void> {
    event.preventDefault();
    const renamed = await this.saved.rename(list.id, String(new FormData(event.target as HTMLFormElement).get('name') ?? ''));
    if (!renamed.ok) { this.problem = FILTER_WORDS.problems[renamed.error.type]; return; }
    this.mode = 'idle';
    this.problem = '';
    await this.load();
  }

  private async deleteList(list: SavedList): Promise<void> {
    const removed = await this.saved.remove(list.id);
    if (!removed.ok) { this.problem = FILTER_WORDS.problems[removed.error.type]; return; }
    this.mode = 'idle';
    await this.load();
    this.dispatchEvent(savedListEvent('locket-list-deleted', { id: list.id }));
  }

  private renderActions(list: SavedList) {
    const name = listName(list);
    if (this.mode === 'renaming') {
      return html`<form @submit=${(event: SubmitEvent) => void this.rename(event, list)}>
        <label>${FILTER_WORDS.listName}<input name="name" required .value=${list.name}></label>
        <button type="submit" class="primary">${FILTER_WORDS.save}</button>
        <button type="button" @click=${() => { this.mode = 'idle'; this.problem = ''; }}>${FILTER_WORDS.cancel}</button>
      </form>`;
    }
    if (this.mode === 'deleting') {
      return html`<div class="actions" role="alert"><span>${FILTER_WORDS.confirmDelete(name)}</span>
        <button class="danger" @click=${() => void this.deleteList(list)}>${FILTER_WORDS.delete}</button>
        <button @click=${() => { this.mode = 'idle'; }}>${FILTER_WORDS.cancel}</button></div>`;
    }
    return html`<div class="actions">
      <button aria-label=${FILTER_WORDS.renameList(name)} @click=${() => { this.mode = 'renaming'; }}>${FILTER_WORDS.rename}</button>
      <button aria-label=${FILTER_WORDS.deleteList(name)} @click=${() => { this.mode = 'deleting'; }}>${FILTER_WORDS.delete}</button></div>`;
  }

  protected override render() {
    const active = this.active;
    return html`<nav aria-label=${FILTER_WORDS.savedLists}>
        ${this.lists.map((list) => html`<button aria-current=${list.id === this.activeId ? 'page' : 'false'}
          @click=${() => { this.mode = 'idle'; this.problem = ''; this.dispatchEvent(savedListEvent('locket-open-list', { list })); }}>${listName(list)}</button>`)}
      </nav>
      ${active && !isBuiltIn(active.id) ? this.renderActions(active) : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}`;
  }
}
