import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { IDLE_CHOICES, type IdleMinutes, type LockPolicy } from '../../core/security/auto-lock';
import { AUTO_LOCK_WORDS, idleLabel } from '../shared/messages/auto-lock-messages';
import { LocaleController } from '../shared/i18n/locale';
import type { SecurityServices } from '../../platform/page-services/services';
import { baseStyles } from '../shared/tokens.styles';
import { autoLockStyles } from './locket-auto-lock-setting.styles';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';

/** When Locket locks by itself, and the button that locks it now on every open page. */
export class LocketAutoLockSetting extends LitElement {
  static override styles = [baseStyles, autoLockStyles];

  @property({ attribute: false }) security!: SecurityServices;

  @state() private policy: LockPolicy | null = null;
  @state() private saved = '';
  private readonly acts = new ActionController<'save'>(this);
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.security.lockPolicy.read().then((policy) => { this.policy = policy; });
  }

  private async choose(idleMinutes: IdleMinutes): Promise<void> {
    this.saved = '';
    await this.acts.run('save', async () => {
      await this.security.lockPolicy.write({ idleMinutes });
      this.policy = { idleMinutes };
      this.saved = AUTO_LOCK_WORDS.saved(idleLabel(idleMinutes));
    });
  }

  protected override render() {
    return html`
      <h3>${AUTO_LOCK_WORDS.lock}</h3>
      ${this.policy ? html`<fieldset>
        <legend>${AUTO_LOCK_WORDS.lockAutomatically}</legend>
        ${IDLE_CHOICES.map((choice) => html`<label><input type="radio" name="idle" .checked=${this.policy?.idleMinutes === choice}
          @change=${() => void this.choose(choice)} /> ${idleLabel(choice)}</label>`)}
      </fieldset>` : html`<p class="muted" role="status">${AUTO_LOCK_WORDS.loading}</p>`}
      ${this.saved ? html`<p class="status" role="status">${this.saved}</p>` : nothing}
      ${this.acts.failure ? html`<p class="error" role="alert">${AUTO_LOCK_WORDS.notSaved(failureText(this.acts.failure.cause))}</p>` : nothing}
      <div class="actions">
        <button type="button" @click=${() => void this.security.lockNow()}>${AUTO_LOCK_WORDS.lockNow}</button>
        <span class="hint muted">${AUTO_LOCK_WORDS.lockNowHint}</span>
      </div>`;
  }
}
