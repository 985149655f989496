import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PasswordContext, PasswordVerdict, checkPassword } from '../../core/security/password-policy';
import { baseStyles } from '../shared/tokens.styles';
import { formStyles } from '../shared/form.styles';
import { passwordFieldStyles } from './locket-password-field.styles';
import { passwordProblemText, passwordSuggestions, STRENGTH_LABELS } from '../shared/messages/password-messages';
import { LocaleController } from '../shared/i18n/locale';
import { ACCESS_WORDS } from '../shared/messages/access-words';

let fieldCount = 0;

/**
 * A password input with a show/hide toggle. With `policy` set it shows the strength and
 * why a password would be refused while the owner types (the store of record still checks
 * on submit). `value` is the text as typed; `error` is a message from the last submit.
 */
export class LocketPasswordField extends LitElement {
  static override styles = [baseStyles, formStyles, passwordFieldStyles];

  /** The field's label; empty for the catalogue's "Password". */
  @property() label = '';
  @property() autocomplete: 'current-password' | 'new-password' = 'current-password';
  @property() error = '';
  @property({ attribute: false }) policy: (() => Promise<typeof checkPassword>) | null = null;
  @property({ attribute: false }) context: PasswordContext = { name: '', email: '' };

  @state() private verdict: PasswordVerdict | null = null;
  @state() private visible = false;
  value = '';
  private readonly inputId = `password-${++fieldCount}`;
  private readonly locale = new LocaleController(this);

  private async onInput(event: Event): Promise<void> {
    this.value = (event.target as HTMLInputElement).value;
    if (!this.policy) return;
    const typed = this.value;
    const check = await this.policy();
    if (typed === this.value) this.verdict = typed ? check(typed, this.context) : null;
  }

  /**
   * The input sits in this element's shadow root, so the form around the element does not
   * own it and the browser's Enter-to-submit never reaches that form: it is passed on here.
   */
  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing) return;
    const form = this.closest('form');
    if (!form) return;
    event.preventDefault();
    form.requestSubmit();
  }

  override focus(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  private renderVerdict(verdict: PasswordVerdict) {
    return html`
      <meter min="0" max="4" low="2" high="3" optimum="4" .value=${verdict.strength}
        aria-label=${ACCESS_WORDS.strength} aria-valuetext=${STRENGTH_LABELS[verdict.strength]}></meter>
      <div id=${`${this.inputId}-verdict`} aria-live="polite">
        <span>${ACCESS_WORDS.strengthIs(STRENGTH_LABELS[verdict.strength])}</span>
        ${verdict.problems.length ? html`<ul>${verdict.problems.map((p) => html`<li class="problem">${passwordProblemText(p)}</li>`)}</ul>` : nothing}
        ${!verdict.acceptable && passwordSuggestions(verdict).length ? html`<ul>${passwordSuggestions(verdict).map((s) => html`<li>${s}</li>`)}</ul>` : nothing}
      </div>`;
  }

  protected override render() {
    const describedBy = [this.error ? `${this.inputId}-error` : '', this.verdict ? `${this.inputId}-verdict` : ''].filter(Boolean).join(' ');
    return html`
      <label for=${this.inputId}>${this.label || ACCESS_WORDS.password}</label>
      <div class="row">
        <input id=${this.inputId} type=${this.visible ? 'text' : 'password'} autocomplete=${this.autocomplete}
          spellcheck="false" aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
          @input=${(e: Event) => void this.onInput(e)} @keydown=${(e: KeyboardEvent) => this.onKeydown(e)} />
        <button type="button" aria-pressed=${this.visible ? 'true' : 'false'} aria-label=${ACCESS_WORDS.show(this.label || ACCESS_WORDS.password)}
          @click=${() => { this.visible = !this.visible; }}>${this.visible ? ACCESS_WORDS.hideButton : ACCESS_WORDS.showButton}</button>
      </div>
      ${this.verdict ? this.renderVerdict(this.verdict) : nothing}
      ${this.error && !this.verdict?.problems.some((p) => passwordProblemText(p) === this.error)
        ? html`<span class="error" id=${`${this.inputId}-error`} role="alert">${this.error}</span>` : nothing}`;
  }
}
