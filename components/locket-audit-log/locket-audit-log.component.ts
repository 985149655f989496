import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { auditCsvFileName, auditToCsv } from '../../core/audit/audit-csv';
import type { AuditEntry, ChainCheck } from '../../core/audit/audit-log';
import { offerDownload } from '../../platform/downloads/download-file';
import type { LocketServices } from '../../platform/page-services/services';
import { baseStyles } from '../shared/tokens.styles';
import { AUDIT_TYPE_LABELS, chainMessage, detailText, subjectLabel } from './audit-labels';
import { auditLogStyles } from './locket-audit-log.styles';
import { failureText } from '../shared/failure-text';
import { ActionController } from '../shared/action-controller';
import { formatDateTime } from '../shared/i18n/format';

/** Rows per page of the table. */
export const AUDIT_PAGE_SIZE = 50;

/** Formats in the page's language at the moment it is called. */
const when = { format: (at: number): string => formatDateTime(at, 'medium') };
/** The latest moment a Date can hold: an edited row may carry any number, and must still render. */
const MAX_DATE_MS = 8.64e15;

/**
 * The audit log on the settings page: every entry, newest first, fifty to a page; a check of
 * the hash chain; and the whole log as CSV. Entries are shown as text only: they are stored in
 * the clear, so anything that could write to the database could put markup in them.
 */
export class LocketAuditLog extends LitElement {
  static override styles = [baseStyles, auditLogStyles];

  @property({ attribute: false }) services!: LocketServices;

  /** Newest first. */
  @state() private entries: readonly AuditEntry[] | null = null;
  @state() private page = 0;
  @state() private check: ChainCheck | null = null;
  /** One action at a time (the buttons wait for it); a failure is shown and leaves what was shown before. */
  private readonly action = new ActionController(this);
  @state() private exported = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services') && this.services) void this.run(() => this.load());
  }

  private async load(): Promise<void> {
    const entries = (await this.services.store.audit.entries()).reverse();
    this.entries = entries;
    this.page = Math.min(this.page, Math.max(0, Math.ceil(entries.length / AUDIT_PAGE_SIZE) - 1));
  }

  private async run(action: () => Promise<void>): Promise<void> {
    await this.action.run('run', action);
  }

  private readonly refresh = () => this.run(async () => {
    this.check = null;
    this.exported = '';
    await this.load();
  });

  private readonly verify = () => this.run(async () => {
    this.check = null;
    this.exported = '';
    const [check] = await Promise.all([this.services.store.audit.verifyChain(), this.load()]);
    this.check = check;
  });

  private readonly exportCsv = () => this.run(async () => {
    this.exported = '';
    const entries = await this.services.store.audit.entries();
    const fileName = auditCsvFileName(this.services.clock.now());
    offerDownload(auditToCsv(entries), fileName, 'text/csv;charset=utf-8');
    this.exported = fileName;
  });

  private renderRow(entry: AuditEntry) {
    const detail = detailText(entry.detail);
    return html`<tr>
      <td>${entry.seq}</td>
      <td>${Math.abs(entry.at) <= MAX_DATE_MS
        ? html`<time datetime=${new Date(entry.at).toISOString()}>${when.format(entry.at)}</time>` : String(entry.at)}</td>
      <td class="what">${AUDIT_TYPE_LABELS[entry.type]}</td>
      <td>${entry.by}</td>
      <td>${entry.subjects.length === 0 ? '—' : entry.subjects.map(subjectLabel).join(', ')}</td>
      <td class="details">${detail || '—'}</td>
    </tr>`;
  }

  private renderTable(entries: readonly AuditEntry[]) {
    if (entries.length === 0) return html`<p class="muted">No entries yet.</p>`;
    const first = this.page * AUDIT_PAGE_SIZE;
    const shown = entries.slice(first, first + AUDIT_PAGE_SIZE);
    const range = `${first + 1}–${first + shown.length} of ${entries.length}`;
    return html`<div class="table-wrap"><table>
        <caption>Audit log entries ${range}, newest first</caption>
        <thead><tr><th scope="col">Entry</th><th scope="col">When</th><th scope="col">What</th>
          <th scope="col">Who</th><th scope="col">Records</th><th scope="col">Details</th></tr></thead>
        <tbody>${shown.map((entry) => this.renderRow(entry))}</tbody>
      </table></div>
      ${entries.length > AUDIT_PAGE_SIZE ? html`<div class="actions pager">
        <button type="button" ?disabled=${this.page === 0} @click=${() => { this.page--; }}>Newer entries</button>
        <span class="muted">${range}</span>
        <button type="button" ?disabled=${first + AUDIT_PAGE_SIZE >= entries.length} @click=${() => { this.page++; }}>Older entries</button>
      </div>` : nothing}`;
  }

  private renderCheck(check: ChainCheck) {
    return check.ok
      ? html`<p class="intact" role="status">${chainMessage(check)}</p>`
      : html`<p class="error" role="alert">${chainMessage(check)}</p>`;
  }

  protected override render() {
    return html`
      <p class="muted">Security and deletion events, each entry chained to the one before by a hash, so a changed or
        removed entry shows. Records are named by kind and a hash of their id, never by what they hold.</p>
      <div class="actions">
        <button type="button" ?disabled=${this.action.busy} @click=${this.verify}>Verify chain</button>
        <button type="button" ?disabled=${this.action.busy} @click=${this.exportCsv}>Export as CSV</button>
        <button type="button" ?disabled=${this.action.busy} @click=${this.refresh}>Refresh</button>
      </div>
      ${this.check ? this.renderCheck(this.check) : nothing}
      ${this.exported ? html`<p class="intact" role="status">Exported ${this.exported}.</p>` : nothing}
      ${this.action.failure ? html`<p class="error" role="alert">${failureText(this.action.failure.cause)}</p>` : nothing}
      ${this.entries === null ? html`<p class="muted" role="status">Loading…</p>` : this.renderTable(this.entries)}`;
  }
}
