import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RecordId } from '../../core/records/types';
import type { FollowUpView } from '../../worker/contracts/contacts';
import type { LocketServices } from '../../platform/page-services/services';
import { locketEvent } from '../shared/events';
import { formatNumber } from '../shared/i18n/format';
import { LocaleController } from '../shared/i18n/locale';
import { TIMELINE_WORDS } from '../shared/messages/timeline-words';
import { baseStyles } from '../shared/tokens.styles';
import { timelineStyles } from '../locket-timeline/locket-timeline.styles';
import '../locket-log-activity/locket-log-activity';
import { deviceTimeZone } from '../../core/tasks/device-zone';

/**
 * The people past their stay-in-touch cadence, longest overdue first, each with "Log a call"
 * (which restarts their count) and "Open". Meant for the Tasks view's top; shown wherever a page
 * with a worker places it.
 * @event locket-open with the person's id.
 */
export class LocketFollowUpSuggestions extends LitElement {
  static override styles = [baseStyles, timelineStyles];

  @property({ attribute: false }) services!: LocketServices;
  @state() private suggestions: readonly FollowUpView[] = [];
  @state() private logging: RecordId | null = null;
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

  private async load(): Promise<void> {
    const zone = deviceTimeZone();
    this.suggestions = (await this.services.contacts?.followUpsDue(zone)) ?? [];
  }

  private renderOne(person: FollowUpView) {
    return html`<li>
      <strong>${person.title}</strong> <span class="muted">${person.subtitle}</span>
      <div class="muted">${person.daysOverdue === 0 ? TIMELINE_WORDS.dueToday : TIMELINE_WORDS.overdueBy(formatNumber(person.daysOverdue))}</div>
      <div class="actions">
        <button aria-label=${`${TIMELINE_WORDS.log.call}: ${person.title}`} @click=${() => { this.logging = person.id; }}>${TIMELINE_WORDS.log.call}</button>
        <button aria-label=${`${TIMELINE_WORDS.open}: ${person.title}`} @click=${() => this.dispatchEvent(locketEvent('locket-open', { id: person.id }))}>${TIMELINE_WORDS.open}</button>
      </div>
      ${this.logging === person.id ? html`<locket-log-activity .services=${this.services} .recordId=${person.id} type="call"
        @locket-saved=${() => { this.logging = null; }} @locket-cancel=${() => { this.logging = null; }}></locket-log-activity>` : nothing}
    </li>`;
  }

  protected override render() {
    return html`<section aria-label=${TIMELINE_WORDS.followUpsHeading}>
      <h3>${TIMELINE_WORDS.followUpsHeading}</h3>
      ${this.suggestions.length === 0 ? html`<p class="muted">${TIMELINE_WORDS.followUpsNone}</p>`
        : html`<ol aria-label=${TIMELINE_WORDS.followUpsHeading}>${this.suggestions.map((person) => this.renderOne(person))}</ol>`}
    </section>`;
  }
}
