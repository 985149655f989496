import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { locketEvent } from '../shared/events';
import '../locket-security-settings/security-events';
import { baseStyles } from '../shared/tokens.styles';
import { recoveryCodesStyles } from './locket-recovery-codes.styles';
import { RECOVERY_WORDS as W } from '../shared/messages/security-words';
import { LocaleController } from '../shared/i18n/locale';

const FILE_NAME = 'locket-recovery-codes.txt';

/**
 * Recovery codes on screen, the one time they exist in the clear: the vault keeps only their
 * hashes. The owner copies or downloads them, then confirms with `locket-codes-saved`.
 */
export class LocketRecoveryCodes extends LitElement {
  static override styles = [baseStyles, recoveryCodesStyles];

  @property({ attribute: false }) codes: readonly string[] = [];

  @state() private status = '';
  private readonly locale = new LocaleController(this);

  /** The codes appear after an action elsewhere on the page: take the owner (and a screen reader) to them. */
  protected override firstUpdated(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.box');
    box?.focus();
    box?.scrollIntoView({ block: 'nearest' });
  }

  private asText(): string {
    return [
      W.fileTitle,
      W.fileLead,
      '',
      ...this.codes,
      '',
    ].join('\n');
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.asText());
      this.status = W.copied;
    } catch {
      this.status = W.copyRefused;
    }
  }

  private download(): void {
    const url = URL.createObjectURL(new Blob([this.asText()], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = FILE_NAME;
    link.click();
    // The click has handed the file to the browser's download; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    this.status = W.savedAs(FILE_NAME);
  }

  protected override render() {
    return html`<div class="box" role="region" aria-labelledby="codes-heading" tabindex="-1">
      <h3 id="codes-heading">${W.yourCodes}</h3>
      <p><strong>${W.onlyOnce}</strong> ${W.keepSafe}</p>
      <ol aria-label=${W.codes}>${this.codes.map((code) => html`<li>${code}</li>`)}</ol>
      <div class="actions">
        <button type="button" @click=${() => void this.copy()}>${W.copy}</button>
        <button type="button" @click=${() => this.download()}>${W.download}</button>
        <button type="button" class="primary" @click=${() => this.dispatchEvent(locketEvent('locket-codes-saved', undefined))}>
          ${W.haveSaved}</button>
      </div>
      ${this.status ? html`<p class="status" role="status">${this.status}</p>` : nothing}
    </div>`;
  }
}
