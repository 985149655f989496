import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { locketEvent } from '../shared/events';
import '../locket-security-settings/security-events';
import { baseStyles } from '../shared/tokens.styles';
import { recoveryCodesStyles } from './locket-recovery-codes.styles';

const FILE_NAME = 'locket-recovery-codes.txt';

/**
 * Recovery codes on screen, the one time they exist in the clear: the vault keeps only their
 * hashes. The owner copies or downloads them, then confirms with `locket-codes-saved`.
 */
export class LocketRecoveryCodes extends LitElement {
  static override styles = [baseStyles, recoveryCodesStyles];

  @property({ attribute: false }) codes: readonly string[] = [];

  @state() private status = '';

  /** The codes appear after an action elsewhere on the page: take the owner (and a screen reader) to them. */
  protected override firstUpdated(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.box');
    box?.focus();
    box?.scrollIntoView({ block: 'nearest' });
  }

  private asText(): string {
    return [
      'Locket recovery codes',
      'Each code unlocks Locket once, together with your password, when your security key is not at hand.',
      '',
      ...this.codes,
      '',
    ].join('\n');
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.asText());
      this.status = 'Codes copied.';
    } catch {
      this.status = 'The browser did not allow copying. Download the codes or write them down instead.';
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
    this.status = `Saved as ${FILE_NAME} in your downloads.`;
  }

  protected override render() {
    return html`<div class="box" role="region" aria-labelledby="codes-heading" tabindex="-1">
      <h3 id="codes-heading">Your recovery codes</h3>
      <p><strong>Shown only this once.</strong> Save them somewhere safe, away from this computer. Each code unlocks
        Locket once, with your password, if your security key is lost. Locket cannot show them again.</p>
      <ol aria-label="Recovery codes">${this.codes.map((code) => html`<li>${code}</li>`)}</ol>
      <div class="actions">
        <button type="button" @click=${() => void this.copy()}>Copy codes</button>
        <button type="button" @click=${() => this.download()}>Download as text</button>
        <button type="button" class="primary" @click=${() => this.dispatchEvent(locketEvent('locket-codes-saved', undefined))}>
          I have saved these codes</button>
      </div>
      ${this.status ? html`<p class="status" role="status">${this.status}</p>` : nothing}
    </div>`;
  }
}
