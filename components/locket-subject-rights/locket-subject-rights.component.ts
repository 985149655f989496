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
import { SUBJECT_RIGHTS_WORDS as W } from '../shared/messages/record-words';
import { LocaleController } from '../shared/i18n/locale';

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
  private readonly locale = new LocaleController(this);

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
      <p id="erase-title"><strong>${W.eraseQuestion(name)}</strong> ${W.cannotUndo}</p>
      <ul>
        <li>${W.theRecord(name)}</li>
        <li>${W.notes(notes)}</li>
        ${links > 0 ? html`<li>${W.links(links)}</li>` : nothing}
        <li>${W.history}</li>
      </ul>
      <p>${W.receipt}</p>
      ${hasEmail ? html`<label class="check"><input type="checkbox" .checked=${this.suppress}
        @change=${(e: Event) => { this.suppress = (e.target as HTMLInputElement).checked; }} />
        ${W.suppress}</label>` : nothing}
      <div class="actions">
        <button class="danger" ?disabled=${this.acts.busyWith('erase')} @click=${() => void this.erase()}>${W.erase}</button>
        <button ?disabled=${this.acts.busyWith('erase')} @click=${() => { this.confirming = false; }}>${W.keep}</button>
      </div>
    </div>`;
  }

  protected override render() {
    return html`<div class="actions">
        <button @click=${() => void this.exportEverything()}>${W.exportAll}</button>
        <button class="danger" @click=${() => { this.confirming = true; }}>${W.eraseOpen}</button>
      </div>
      ${this.confirming ? this.renderConfirmation() : nothing}
      ${this.acts.failure ? html`<p class="error" role="alert">${failureText(this.acts.failure.cause)}</p>` : nothing}`;
  }
}
