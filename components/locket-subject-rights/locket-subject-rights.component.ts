import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { buildSubjectAccessReport, subjectAccessFileName, subjectAccessJson } from '../../core/audit/subject-access';
import { recordTitle } from '../shared/record-title';
import type { LocketRecord } from '../../core/records/types';
import { offerDownload } from '../../platform/downloads/download-file';
import type { LocketServices } from '../../platform/page-services/services';
import { locketEvent } from '../shared/events';
import { baseStyles } from '../shared/tokens.styles';
import { subjectRightsStyles } from './locket-subject-rights.styles';
import { failureText } from '../shared/failure-text';
import { ActionController } from '../shared/action-controller';

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** A person's data-subject tools: export everything about them, and erase them. */
export class LocketSubjectRights extends LitElement {
  static override styles = [baseStyles, subjectRightsStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property({ attribute: false }) person!: LocketRecord<'person'>;
  /** Live records that link to the person (their notes, cases, opportunities). */
  @property({ attribute: false }) linked: readonly LocketRecord[] = [];

  @state() private confirming = false;
  @state() private suppress = false;
  private readonly acts = new ActionController<'export' | 'erase'>(this);

  private shownId = '';

  /** Another person's page reuses this element: a confirmation must never carry over to them. */
  protected override willUpdate(): void {
    if (this.person.id === this.shownId) return;
    this.shownId = this.person.id;
    this.confirming = false;
    this.suppress = false;
    this.acts.clear();
  }

  private async exportEverything(): Promise<void> {
    const id = this.person.id;
    await this.acts.run('export', async () => {
      const report = await buildSubjectAccessReport(this.services, id);
      offerDownload(subjectAccessJson(report), subjectAccessFileName(id), 'application/json');
    });
  }

  private async erase(): Promise<void> {
    const id = this.person.id;
    const ran = await this.acts.run('erase', () => this.services.store.erase(id, { suppressEmails: this.suppress }));
    if (ran.ok) this.dispatchEvent(locketEvent('locket-deleted', { id }));
  }

  private renderConfirmation() {
    const notes = this.linked.filter((r) => r.kind === 'note').length;
    const links = this.linked.filter((r) => r.kind === 'case' || r.kind === 'opportunity').length;
    const name = recordTitle(this.person);
    const hasEmail = this.person.fields.emails.length > 0;
    return html`<div class="confirm" role="alertdialog" aria-labelledby="erase-title">
      <p id="erase-title"><strong>Erase ${name} for good?</strong> This cannot be undone, not even from the trash. It removes:</p>
      <ul>
        <li>${name}’s record and every field of it</li>
        <li>${plural(notes, 'note', 'notes')} about them (and any of their notes in the trash)</li>
        ${links > 0 ? html`<li>the link from ${plural(links, 'case or opportunity', 'cases and opportunities')} (those stay, without a party)</li>` : nothing}
        <li>their values in the change history</li>
      </ul>
      <p>The audit log keeps a receipt with counts and a hash of the record’s id, nothing personal.</p>
      ${hasEmail ? html`<label class="check"><input type="checkbox" .checked=${this.suppress}
        @change=${(e: Event) => { this.suppress = (e.target as HTMLInputElement).checked; }} />
        Remember a hash of their email so a later import does not bring them back</label>` : nothing}
      <div class="actions">
        <button class="danger" ?disabled=${this.acts.busyWith('erase')} @click=${() => void this.erase()}>Erase permanently</button>
        <button ?disabled=${this.acts.busyWith('erase')} @click=${() => { this.confirming = false; }}>Keep</button>
      </div>
    </div>`;
  }

  protected override render() {
    return html`<div class="actions">
        <button @click=${() => void this.exportEverything()}>Export everything about this person</button>
        <button class="danger" @click=${() => { this.confirming = true; }}>Erase…</button>
      </div>
      ${this.confirming ? this.renderConfirmation() : nothing}
      ${this.acts.failure ? html`<p class="error" role="alert">${failureText(this.acts.failure.cause)}</p>` : nothing}`;
  }
}
