import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { readMorningSummary, writeMorningSummary, type MorningSummary } from '../../platform/tasks/morning-summary-setting';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { LocaleController } from '../shared/i18n/locale';
import { REMINDER_SETTING_WORDS } from '../shared/messages/task-words';
import { formStyles } from '../shared/form.styles';
import { baseStyles } from '../shared/tokens.styles';

/**
 * The morning summary: on or off, and at what time of the device's day. The background reads
 * the same setting (platform/tasks) and moves its alarm when it changes.
 */
export class LocketReminderSettings extends LitElement {
  static override styles = [baseStyles, formStyles, css`
    :host { display: block; margin-top: 16px; }
    h3 { margin: 0 0 6px; font-size: 15px; }
    .row { display: flex; gap: var(--locket-gap); align-items: center; flex-wrap: wrap; }
  `];

  @state() private setting: MorningSummary | null = null;
  @state() private saved = false;
  private readonly acts = new ActionController<'read' | 'save'>(this);
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.acts.run('read', readMorningSummary, { keepFailure: true }).then((ran) => { if (ran.ok) this.setting = ran.value; });
  }

  private async change(patch: Partial<MorningSummary>): Promise<void> {
    if (!this.setting) return;
    const next = { ...this.setting, ...patch };
    this.saved = false;
    const ran = await this.acts.run('save', () => writeMorningSummary(next));
    if (!ran.ok) return;
    this.setting = next;
    this.saved = true;
  }

  protected override render() {
    const failure = this.acts.failure;
    const setting = this.setting;
    return html`<h3>${REMINDER_SETTING_WORDS.heading}</h3>
      <p class="muted">${REMINDER_SETTING_WORDS.explain}</p>
      ${setting ? html`<div class="row">
        <label><input type="checkbox" .checked=${setting.enabled}
          @change=${(e: Event) => void this.change({ enabled: (e.target as HTMLInputElement).checked })}> ${REMINDER_SETTING_WORDS.enabled}</label>
        <label for="summary-time">${REMINDER_SETTING_WORDS.time}</label>
        <input id="summary-time" type="time" required .value=${setting.time} ?disabled=${!setting.enabled}
          @change=${(e: Event) => { const time = (e.target as HTMLInputElement).value; if (time) void this.change({ time }); }}>
      </div>` : nothing}
      ${this.saved ? html`<p class="muted" role="status">${REMINDER_SETTING_WORDS.saved}</p>` : nothing}
      ${failure ? html`<p class="error" role="alert">${REMINDER_SETTING_WORDS.failed(failureText(failure.cause))}</p>` : nothing}`;
  }
}
