import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FieldErrors } from '../../core/records/types';
import type { Settings } from '../../core/store/contract';
import type { LocketServices } from '../services/services';
import { baseStyles } from '../shared/tokens.styles';
import { optionsStyles } from './locket-options.styles';

/** The owner's settings page. Each section is one <section>; later sections join the nav as they arrive. */
export class LocketOptions extends LitElement {
  static override styles = [baseStyles, optionsStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private settings: Settings | null = null;
  @state() private errors: FieldErrors = {};
  @state() private saved = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.services.store.getSettings().then((settings) => { this.settings = settings; });
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const result = await this.services.store.saveSettings({
      ownerName: data.get('ownerName'), defaultCurrency: data.get('defaultCurrency'),
    });
    this.saved = result.ok;
    if (result.ok) { this.settings = result.value; this.errors = {}; } else { this.errors = result.error; }
  }

  private field(name: keyof Settings, label: string, value: string, hint = '') {
    const error = this.errors[name];
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} .value=${value} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${name}-error` : hint ? `${name}-hint` : nothing} />
      ${hint ? html`<span class="muted" id=${`${name}-hint`}>${hint}</span>` : nothing}
      ${error ? html`<span class="error" id=${`${name}-error`} role="alert">${error}</span>` : nothing}
    </div>`;
  }

  protected override render() {
    return html`
      <nav aria-label="Settings sections">
        <h1>Locket settings</h1>
        <ul><li><a href="#general">General</a></li></ul>
      </nav>
      <main>
        <section id="general" aria-labelledby="general-heading">
          <h2 id="general-heading">General</h2>
          ${this.settings ? html`<form aria-label="General settings" novalidate @submit=${(e: SubmitEvent) => void this.save(e)}
              @input=${() => { this.saved = false; }}>
            ${this.field('ownerName', 'Owner’s name', this.settings.ownerName, 'Shown as the owner of new records.')}
            ${this.field('defaultCurrency', 'Default currency', this.settings.defaultCurrency, 'Three letters, such as EUR or GBP.')}
            <div><button class="primary" type="submit">Save settings</button></div>
            ${this.saved ? html`<p class="saved" role="status">Settings saved.</p>` : nothing}
          </form>` : html`<p class="muted" role="status">Loading…</p>`}
        </section>
      </main>`;
  }
}
