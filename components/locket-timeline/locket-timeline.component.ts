import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ACTIVITY_TYPES, type ActivityType, type LocketRecord } from '../../core/records/types';
import { TIMELINE_PAGE_SIZE, type TimelineEntry } from '../../core/timeline/timeline';
import { changeSource, dependentSource, mergeNewestFirst, type TimelineMerge } from '../../core/timeline/timeline-merge';
import { lastContactedFromLinked } from '../../core/timeline/last-contacted';
import type { NameDirectory } from '../../core/team/name-directory';
import type { Track } from '../../core/tracks/track';
import type { LocketServices } from '../../platform/page-services/services';
import { readNameDirectory } from '../team/read-name-directory';
import { recordTitle } from '../shared/record-title';
import { formatDate, formatDateTime, formatNumber } from '../shared/i18n/format';
import { LocaleController } from '../shared/i18n/locale';
import { TIMELINE_WORDS } from '../shared/messages/timeline-words';
import { baseStyles } from '../shared/tokens.styles';
import { fieldChangeText } from './entry-text';
import { timelineStyles } from './locket-timeline.styles';
import '../locket-log-activity/locket-log-activity';
import { deviceTimeZone } from '../../core/tasks/device-zone';

/**
 * A record's history, newest first, a screen of 50 at a time (the detail hands it the records
 * that link to this one; the change log is read here, a page of sets at a time), with "last
 * contacted", the buttons that log a conversation, and for a case or opportunity "Apply a track".
 */
export class LocketTimeline extends LitElement {
  static override styles = [baseStyles, timelineStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property({ attribute: false }) record!: LocketRecord;
  /** The live records that link to this one (the detail's linkedTo). */
  @property({ attribute: false }) linked: readonly LocketRecord[] = [];
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;

  @state() private entries: readonly TimelineEntry[] = [];
  /** How many entries the reader has taken so far: a reload takes as many again. */
  @state() private shown = TIMELINE_PAGE_SIZE;
  @state() private more = false;
  private timeline: TimelineMerge | null = null;
  @state() private directory: NameDirectory | null = null;
  @state() private lastContacted: number | null = null;
  @state() private logging: ActivityType | null = null;
  @state() private tracks: readonly Track[] = [];
  @state() private trackMessage = '';
  @state() private failure = '';
  /** Closed until asked for: the record's page paints without reading its change log. */
  @state() private open = false;
  private generation = 0;
  private aroundGeneration = 0;
  private firstScreenMarked = false;
  private readonly locale = new LocaleController(this);

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('record') && (changed.get('record') as LocketRecord | undefined)?.id !== this.record.id) {
      this.shown = TIMELINE_PAGE_SIZE;
      this.logging = null;
      this.trackMessage = '';
    }
    // Opening reads the entries only: last contacted is a pass over every record in the worker.
    const around = changed.has('record') || changed.has('linked');
    if (around) void this.loadAround(++this.aroundGeneration, this.record, this.linked);
    if (around || (changed.has('open') && this.open)) void this.load();
  }

  /** The bench times opening the timeline to this mark: the frame after its first entries are drawn. */
  protected override updated(): void {
    if (this.firstScreenMarked || !this.open || !this.renderRoot.querySelector('ol > li')) return;
    this.firstScreenMarked = true;
    requestAnimationFrame(() => performance.mark('locket:timeline-first-screen'));
  }

  /** The entries load apart from what stands around them: the first screen never waits for the worker. */
  private async load(): Promise<void> {
    const generation = ++this.generation;
    const { record, linked } = this;
    if (!this.open) {
      this.entries = [];
      this.timeline = null;
      return;
    }
    try {
      // Newest first and a screen at a time: only the change sets this screen words are decoded.
      const timeline = mergeNewestFirst([
        dependentSource(record.id, linked),
        changeSource((count, before) => this.services.store.recentChanges(record.id, count, before), TIMELINE_PAGE_SIZE),
      ]);
      const entries = await timeline.take(this.shown);
      if (generation !== this.generation) return;
      this.timeline = timeline;
      this.entries = entries;
      this.more = !timeline.exhausted();
      this.failure = '';
      const directory = await readNameDirectory(this.services);
      if (generation === this.generation) this.directory = directory;
    } catch (error) {
      if (generation === this.generation) this.failure = TIMELINE_WORDS.loadFailed(error instanceof Error ? error.message : String(error));
    }
  }

  private async loadAround(generation: number, record: LocketRecord, linked: readonly LocketRecord[]): Promise<void> {
    try {
      const [settings, contacted] = await Promise.all([this.services.store.getSettings(), this.readLastContacted(record, linked)]);
      if (generation !== this.aroundGeneration) return;
      this.tracks = settings.tracks ?? [];
      this.lastContacted = contacted;
    } catch (error) {
      if (generation === this.aroundGeneration) this.failure = TIMELINE_WORDS.loadFailed(error instanceof Error ? error.message : String(error));
    }
  }

  /** "Show earlier": the next screen of entries, read only now. */
  private async showEarlier(): Promise<void> {
    const { timeline, generation } = this;
    if (!timeline) return;
    try {
      const entries = await timeline.take(TIMELINE_PAGE_SIZE);
      if (generation !== this.generation) return;
      this.shown += TIMELINE_PAGE_SIZE;
      this.entries = [...this.entries, ...entries];
      this.more = !timeline.exhausted();
    } catch (error) {
      if (generation === this.generation) this.failure = TIMELINE_WORDS.loadFailed(error instanceof Error ? error.message : String(error));
    }
  }

  /** The worker counts a deal's conversations for its party; without a worker, this record's own. */
  private async readLastContacted(record: LocketRecord, linked: readonly LocketRecord[]): Promise<number | null> {
    if (record.kind !== 'person' && record.kind !== 'organisation') return null;
    const own = lastContactedFromLinked(record.id, linked);
    try {
      const counted = await this.services.contacts?.lastContactedOf([record.id]);
      return counted?.[record.id] ?? own;
    } catch {
      // The worker's count is extra: without it the page still shows this record's own contacts.
      return own;
    }
  }

  private titleOf = (id: string): string | undefined => {
    const found = this.linked.find((r) => r.id === id);
    return found ? recordTitle(found) : undefined;
  };

  private async applyTrack(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const trackId = new FormData(event.target as HTMLFormElement).get('track');
    const track = this.tracks.find((t) => t.id === trackId);
    if (!track) return;
    const applied = await this.services.store.applyTrack({
      track, recordId: this.record.id, timeZone: deviceTimeZone(), assignee: '',
    });
    this.trackMessage = applied.ok ? TIMELINE_WORDS.trackApplied(formatNumber(applied.value.length)) : TIMELINE_WORDS.trackRefused;
  }

  private renderEntry(entry: TimelineEntry) {
    const when = html`<div class="muted">${formatDateTime(entry.at)}</div>`;
    switch (entry.type) {
      case 'note':
        return html`<li class="note"><p class="body">${entry.body}</p>${when}
          ${entry.sourceUrl ? html`<div class="muted">${TIMELINE_WORDS.capture} <a href=${entry.sourceUrl} target="_blank" rel="noopener noreferrer">${entry.sourceUrl}</a></div>` : nothing}</li>`;
      case 'activity':
        return html`<li class="activity"><strong>${TIMELINE_WORDS.activityTypes[entry.activity]}</strong>
          ${entry.durationMinutes !== null ? html` · ${TIMELINE_WORDS.minutes(formatNumber(entry.durationMinutes))}` : nothing}
          ${entry.outcome ? html` · ${entry.outcome}` : nothing}
          ${entry.body ? html`<p class="body">${entry.body}</p>` : nothing}${when}</li>`;
      case 'task-done':
        return html`<li class="task">${TIMELINE_WORDS.taskDone(entry.description)}${when}</li>`;
      case 'field-change':
        return html`<li class="change">${fieldChangeText(entry, this.directory, this.titleOf)}</li>`;
    }
  }

  private renderTracks() {
    if (this.readOnly || (this.record.kind !== 'case' && this.record.kind !== 'opportunity') || this.tracks.length === 0) return nothing;
    return html`<form class="inline" aria-label=${TIMELINE_WORDS.applyTrack} @submit=${(e: SubmitEvent) => void this.applyTrack(e)}>
      <label for="track">${TIMELINE_WORDS.applyTrackLabel}</label>
      <select id="track" name="track">${this.tracks.map((t) => html`<option value=${t.id}>${t.name}</option>`)}</select>
      <button type="submit">${TIMELINE_WORDS.applyTrack}</button>
      ${this.trackMessage ? html`<span role="status">${this.trackMessage}</span>` : nothing}
    </form>`;
  }

  protected override render() {
    const contactable = this.record.kind === 'person' || this.record.kind === 'organisation';
    return html`<section aria-label=${TIMELINE_WORDS.heading}>
      ${contactable ? html`<p class="muted last-contacted">${this.lastContacted === null
        ? TIMELINE_WORDS.neverContacted : TIMELINE_WORDS.lastContacted(formatDate(this.lastContacted))}</p>` : nothing}
      ${this.readOnly || this.record.kind === 'note' ? nothing : html`<div class="actions">
        ${ACTIVITY_TYPES.map((type) => html`<button @click=${() => { this.logging = type; }}>${TIMELINE_WORDS.log[type]}</button>`)}</div>`}
      ${this.logging ? html`<locket-log-activity .services=${this.services} .recordId=${this.record.id} .type=${this.logging}
        @locket-saved=${() => { this.logging = null; }} @locket-cancel=${() => { this.logging = null; }}></locket-log-activity>` : nothing}
      ${this.renderTracks()}
      <h3><button class="toggle" aria-expanded=${this.open ? 'true' : 'false'} @click=${() => { this.open = !this.open; }}>${TIMELINE_WORDS.heading}</button></h3>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      ${!this.open ? nothing : this.entries.length === 0 ? html`<p class="muted">${TIMELINE_WORDS.empty}</p>`
        : html`<ol aria-label=${TIMELINE_WORDS.heading}>${this.entries.map((entry) => this.renderEntry(entry))}</ol>`}
      ${this.open && this.more ? html`<button @click=${() => void this.showEarlier()}>${TIMELINE_WORDS.showMore}</button>` : nothing}
    </section>`;
  }
}
