import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Track } from '../../core/tracks/track';
import type { LocketServices } from '../../platform/page-services/services';
import { formatNumber } from '../shared/i18n/format';
import { LocaleController } from '../shared/i18n/locale';
import { settingsErrorsText } from '../shared/messages/settings-messages';
import { TRACKS_WORDS } from '../shared/messages/timeline-words';
import { formStyles } from '../shared/form.styles';
import { baseStyles } from '../shared/tokens.styles';
import { linesToSteps, stepsToLines } from './track-lines';

/** Options → Tracks: create, edit and delete task templates, saved in the settings (so backups carry them). */
export class LocketTracksSettings extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) services!: LocketServices;
  @state() private tracks: readonly Track[] = [];
  /** The track in the form: an existing one's id, or null for a new one. */
  @state() private editing: Track | null = null;
  @state() private message = '';
  @state() private problem = '';
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.services.store.getSettings().then((settings) => { this.tracks = settings.tracks ?? []; });
  }

  private async saveTracks(tracks: readonly Track[]): Promise<boolean> {
    const saved = await this.services.store.saveSettings({ tracks });
    if (!saved.ok) { this.problem = Object.values(settingsErrorsText(saved.error))[0] ?? ''; return false; }
    this.tracks = saved.value.tracks ?? [];
    this.problem = '';
    this.message = TRACKS_WORDS.saved;
    return true;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const read = linesToSteps(String(data.get('steps') ?? ''));
    if ('badLine' in read) { this.problem = TRACKS_WORDS.unreadableLine(read.badLine); return; }
    const id = this.editing?.id ?? crypto.randomUUID();
    const track: Track = { id, name: String(data.get('name') ?? ''), steps: read.steps };
    const others = this.tracks.filter((t) => t.id !== id);
    if (await this.saveTracks([...others, track])) form.reset();
    this.editing = null;
  }

  protected override render() {
    const editing = this.editing;
    return html`
      ${this.tracks.length === 0 ? html`<p class="muted">${TRACKS_WORDS.none}</p>` : html`<ul>${this.tracks.map((track) => html`<li>
        <strong>${track.name}</strong> <span class="muted">${TRACKS_WORDS.stepsCount(formatNumber(track.steps.length))}</span>
        <button @click=${() => { this.editing = track; }}>${TRACKS_WORDS.edit(track.name)}</button>
        <button class="danger" @click=${() => void this.saveTracks(this.tracks.filter((t) => t.id !== track.id))}>${TRACKS_WORDS.delete(track.name)}</button>
      </li>`)}</ul>`}
      <form novalidate aria-label=${editing ? TRACKS_WORDS.edit(editing.name) : TRACKS_WORDS.add} @submit=${(e: SubmitEvent) => void this.submit(e)}>
        <label for="track-name">${TRACKS_WORDS.name}</label>
        <input id="track-name" name="name" .value=${editing?.name ?? ''}>
        <label for="track-steps">${TRACKS_WORDS.steps}</label>
        <textarea id="track-steps" name="steps" rows="5" aria-describedby="steps-hint" .value=${editing ? stepsToLines(editing.steps) : ''}></textarea>
        <span id="steps-hint" class="muted">${TRACKS_WORDS.stepsHint}</span>
        ${this.problem ? html`<span class="error" role="alert">${this.problem}</span>` : nothing}
        <div><button type="submit">${editing ? TRACKS_WORDS.save : TRACKS_WORDS.add}</button></div>
      </form>
      ${this.message ? html`<p role="status">${this.message}</p>` : nothing}`;
  }
}
