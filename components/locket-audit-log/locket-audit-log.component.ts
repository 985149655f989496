import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { auditCsvFileName, auditToCsv } from '../../core/audit/audit-csv';
import type { AuditEntry, ChainCheck } from '../../core/audit/audit-log';
import { offerDownload } from '../../platform/downloads/download-file';
import type { LocketServices } from '../../platform/page-services/services';
import { baseStyles } from '../shared/tokens.styles';
import { AUDIT_TYPE_LABELS, AUDIT_WORDS as W, chainMessage, detailText, subjectLabel } from './audit-labels';
import { LocaleController } from '../shared/i18n/locale';
import { auditLogStyles } from './locket-audit-log.styles';
import { failureText } from '../shared/failure-text';
import { ActionController } from '../shared/action-controller';
import { formatDateTime } from '../shared/i18n/format';
import type { NameDirectory } from '../../core/team/name-directory';
import { namedDetail, whoText } from './audit-names';
import { readNameDirectory } from '../team/read-name-directory';
import type { RelayErasureView } from '../../core/erasure/relay-receipt';
import { relayErasureText } from '../shared/messages/relay-retention-words';

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
  private readonly locale = new LocaleController(this);
  @state() private exported = '';
  /** Who the team's ids are; null outside a team, and then entries read as stored. */
  @state() private directory: NameDirectory | null = null;
  /** The relay's part of each erasure on the page, by entry seq (read when the page shows it; none without sync). */
  @state() private relayErasures: ReadonlyMap<number, RelayErasureView> = new Map();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services') && this.services) void this.run(() => this.load());
  }

  private async load(): Promise<void> {
    const [stored, directory] = await Promise.all([this.services.store.audit.entries(), readNameDirectory(this.services)]);
    const entries = stored.reverse();
    this.directory = directory;
    this.entries = entries;
    this.page = Math.min(this.page, Math.max(0, Math.ceil(entries.length / AUDIT_PAGE_SIZE) - 1));
    void this.loadRelayErasures();
  }

  /** "Erased on the relay; acknowledged by 4 of 5 devices; …" for the erasures on the page shown. */
  private async loadRelayErasures(): Promise<void> {
    const relay = this.services.relayRetention;
    if (!relay || !this.entries) return;
    const first = this.page * AUDIT_PAGE_SIZE;
    const erasures = this.entries.slice(first, first + AUDIT_PAGE_SIZE)
      .flatMap((entry) => (entry.type === 'record-erased' && entry.subjects[0] ? [{ seq: entry.seq, hash: entry.subjects[0].idHash }] : []));
    const views = await Promise.all(erasures.map(async ({ seq, hash }) => [seq, await relay.relayErasure(hash).catch(() => null)] as const));
    this.relayErasures = new Map(views.flatMap(([seq, view]) => (view && view.type !== 'not-synced' ? [[seq, view] as const] : [])));
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
    const detail = detailText(namedDetail(entry.detail, this.directory));
    return html`<tr>
      <td>${entry.seq}</td>
      <td>${Math.abs(entry.at) <= MAX_DATE_MS
        ? html`<time datetime=${new Date(entry.at).toISOString()}>${when.format(entry.at)}</time>` : String(entry.at)}</td>
      <td class="what">${AUDIT_TYPE_LABELS[entry.type]}</td>
      <td>${whoText(entry.by, this.directory)}</td>
      <td>${entry.subjects.length === 0 ? '—' : entry.subjects.map(subjectLabel).join(', ')}</td>
      <td class="details">${detail || '—'}${this.renderRelayErasure(entry.seq)}</td>
    </tr>`;
  }

  private renderRelayErasure(seq: number) {
    const view = this.relayErasures.get(seq);
    return view ? html`<br><span class="relay-erasure">${relayErasureText(view, this.services.clock.now())}</span>` : nothing;
  }

  private renderTable(entries: readonly AuditEntry[]) {
    if (entries.length === 0) return html`<p class="muted">${W.none}</p>`;
    const first = this.page * AUDIT_PAGE_SIZE;
    const shown = entries.slice(first, first + AUDIT_PAGE_SIZE);
    const range = W.range(first + 1, first + shown.length, entries.length);
    return html`<div class="table-wrap"><table>
        <caption>${W.caption(range)}</caption>
        <thead><tr><th scope="col">${W.entry}</th><th scope="col">${W.when}</th><th scope="col">${W.what}</th>
          <th scope="col">${W.who}</th><th scope="col">${W.records}</th><th scope="col">${W.details}</th></tr></thead>
        <tbody>${shown.map((entry) => this.renderRow(entry))}</tbody>
      </table></div>
      ${entries.length > AUDIT_PAGE_SIZE ? html`<div class="actions pager">
        <button type="button" ?disabled=${this.page === 0} @click=${() => { this.page--; void this.loadRelayErasures(); }}>${W.newer}</button>
        <span class="muted">${range}</span>
        <button type="button" ?disabled=${first + AUDIT_PAGE_SIZE >= entries.length} @click=${() => { this.page++; void this.loadRelayErasures(); }}>${W.older}</button>
      </div>` : nothing}`;
  }

  private renderCheck(check: ChainCheck) {
    return check.ok
      ? html`<p class="intact" role="status">${chainMessage(check)}</p>`
      : html`<p class="error" role="alert">${chainMessage(check)}</p>`;
  }

  protected override render() {
    return html`
      <p class="muted">${W.lead}</p>
      <div class="actions">
        <button type="button" ?disabled=${this.action.busy} @click=${this.verify}>${W.verify}</button>
        <button type="button" ?disabled=${this.action.busy} @click=${this.exportCsv}>${W.exportCsv}</button>
        <button type="button" ?disabled=${this.action.busy} @click=${this.refresh}>${W.refresh}</button>
      </div>
      ${this.check ? this.renderCheck(this.check) : nothing}
      ${this.exported ? html`<p class="intact" role="status">${W.exported(this.exported)}</p>` : nothing}
      ${this.action.failure ? html`<p class="error" role="alert">${failureText(this.action.failure.cause)}</p>` : nothing}
      ${this.entries === null ? html`<p class="muted" role="status">${W.loading}</p>` : this.renderTable(this.entries)}`;
  }
}
