import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ACTIVITY_TYPES, type ActivityType, type RecordId } from '../../core/records/types';
import type { LocketServices } from '../../platform/page-services/services';
import { locketEvent } from '../shared/events';
import { fieldErrorsText } from '../shared/messages/field-messages';
import { TIMELINE_WORDS } from '../shared/messages/timeline-words';
import { LocaleController } from '../shared/i18n/locale';
import { baseStyles } from '../shared/tokens.styles';
import { formStyles } from '../shared/form.styles';

/** "YYYY-MM-DDTHH:MM" of `at` on the device's clock: what a datetime-local control shows. */
const localInputValue = (at: number): string => {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/**
 * Logs a call, meeting or email with a record: type, when (now unless changed), duration in
 * minutes, outcome and summary, saved as an `activity` linked to the record.
 * @event locket-saved once saved; @event locket-cancel when let go.
 */
export class LocketLogActivity extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property() recordId: RecordId = '';
  @property() type: ActivityType = 'call';
  @state() private errors: Readonly<Record<string, string>> = {};
  private readonly locale = new LocaleController(this);
  /** Fixed when the form opens (on the page's clock), so "now" does not move while the owner types. */
  private openedAt = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.openedAt = this.services.clock.now();
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => { const value = data.get(name); return typeof value === 'string' ? value : ''; };
    const when = Date.parse(text('when'));
    const duration = text('duration').trim();
    const saved = await this.services.store.create('activity', {
      type: text('type'), recordId: this.recordId,
      occurredAt: Number.isNaN(when) ? this.services.clock.now() : when,
      durationMinutes: duration === '' ? null : Number(duration),
      outcome: text('outcome'), body: text('summary'),
    });
    if (!saved.ok) { this.errors = fieldErrorsText(saved.error); return; }
    this.errors = {};
    this.dispatchEvent(locketEvent('locket-saved', { record: saved.value }));
  }

  private error(name: string) {
    const message = this.errors[name];
    return message ? html`<span class="error" role="alert">${message}</span>` : nothing;
  }

  protected override render() {
    // The record rules word every refusal; the browser's own bubbles would speak another way.
    return html`<form novalidate aria-label=${TIMELINE_WORDS.logHeading} @submit=${(e: SubmitEvent) => void this.save(e)}>
      <label for="type">${TIMELINE_WORDS.type}</label>
      <select id="type" name="type">${ACTIVITY_TYPES.map((type) => html`<option value=${type} ?selected=${type === this.type}>${TIMELINE_WORDS.activityTypes[type]}</option>`)}</select>
      <label for="when">${TIMELINE_WORDS.when}</label>
      <input id="when" name="when" type="datetime-local" .value=${localInputValue(this.openedAt)}>${this.error('occurredAt')}
      <label for="duration">${TIMELINE_WORDS.duration}</label>
      <input id="duration" name="duration" type="number" min="0" step="1">${this.error('durationMinutes')}
      <label for="outcome">${TIMELINE_WORDS.outcome}</label>
      <input id="outcome" name="outcome" type="text">${this.error('outcome')}
      <label for="summary">${TIMELINE_WORDS.summary}</label>
      <textarea id="summary" name="summary"></textarea>${this.error('body')}
      <div><button type="submit">${TIMELINE_WORDS.save}</button>
        <button type="button" @click=${() => this.dispatchEvent(locketEvent('locket-cancel', undefined))}>${TIMELINE_WORDS.cancel}</button></div>
    </form>`;
  }
}
