import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { FieldTexts } from '../shared/messages/field-messages';
import { OPTIONS_WORDS, settingsErrorsText } from '../shared/messages/settings-messages';
import { LocaleController, browserLanguages } from '../shared/i18n/locale';
import { LOCALES, isLocale, localeFromLanguages } from '../../core/i18n/locale';
import { readLocalePreference, watchLocalePreference, writeLocalePreference, type LocalePreference } from '../../platform/locale/locale-preference';
import type { Settings } from '../../core/settings/contract';
import type { LocketServices } from '../../platform/page-services/services';
import { baseStyles } from '../shared/tokens.styles';
import '../locket-security-settings/locket-security-settings';
import '../locket-login-history/locket-login-history';
import '../locket-users-settings/locket-users-settings';
import '../locket-retention-settings/locket-retention-settings';
import '../locket-cancel-account/locket-cancel-account';
import '../sync/locket-sync-settings/locket-sync-settings';
import { TeamViewController } from '../team/team-view-controller';
import { teamProblemText } from '../shared/messages/team-words';
import { ROLE_REFUSAL_WORDS } from '../shared/messages/role-refusal-words';
import { hostPermissions } from '../../platform/permissions/host-permission';
import { optionsStyles } from './locket-options.styles';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { LazyElement } from '../shared/lazy-element';
import { seesMembersLogins } from '../locket-member-logins/member-login-labels';

/** The sections in page order; each one's title is in OPTIONS_WORDS.sections. */
const SECTIONS = ['general', 'fields', 'pipeline', 'security', 'logins', 'users', 'team', 'export', 'import', 'tags', 'backup', 'sync', 'retention', 'tracks', 'audit', 'danger'] as const;
type SectionId = (typeof SECTIONS)[number];

/** The owner's settings page. Each section is one <section>, listed in the nav. */
export class LocketOptions extends LitElement {
  static override styles = [baseStyles, optionsStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private settings: Settings | null = null;
  @state() private errors: FieldTexts = {};
  @state() private saved = false;
  private readonly acts = new ActionController<'save'>(this);
  /** Bumped when the owner or the vault changes, so the users table reads them again. */
  @state() private accountRevision = 0;

  private unsubscribe?: () => void;
  private stopLocale?: () => void;
  /** The owner's choice of language; null follows the browser's. */
  @state() private localePreference: LocalePreference = null;
  private readonly locale = new LocaleController(this);
  /** The team this device is in, shared by the Team and Users sections and the join entry. */
  private readonly team = new TeamViewController(this, () => ({ team: this.services.team, sync: this.services.sync }));
  /** Once a join starts, its form stays (with its words and outcome) even after the team appears. */
  @state() private joinStarted = false;
  // Shown only in or on the way into a team: loaded when first shown, to keep the page's script at open small.
  // Export and backup: their files' code loads once the page has painted.
  private readonly exportSettings = new LazyElement(this, 'locket-export-settings', () => import('../locket-export-settings/locket-export-settings'));
  private readonly backupSettings = new LazyElement(this, 'locket-backup-settings', () => import('../locket-backup-settings/locket-backup-settings'));
  private readonly teamSettings = new LazyElement(this, 'locket-team-settings', () => import('../team/locket-team-settings/locket-team-settings'));
  private readonly teamJoin = new LazyElement(this, 'locket-team-join', () => import('../team/locket-team-join/locket-team-join'));
  private readonly relayCopy = new LazyElement(this, 'locket-relay-copy', () => import('../sync/locket-relay-copy/locket-relay-copy'));
  /** Tags reads every record to count them: loaded, and counted, only once the section is shown. */
  private readonly tagsSettings = new LazyElement(this, 'locket-tags-settings', () => import('../locket-tags-settings/locket-tags-settings'));
  /** Import brings the CSV parser (papaparse) and the mapping screens: the page paints before they arrive. */
  private readonly importSettings = new LazyElement(this, 'locket-import-settings', () => import('../locket-import-settings/locket-import-settings'));
  private readonly relayNotice = new LazyElement(this, 'locket-relay-retention-notice', () => import('../sync/locket-relay-retention-notice/locket-relay-retention-notice'));
  /** The audit log, last on the page, brings every entry's words and the team's names. */
  private readonly reminderSettings = new LazyElement(this, 'locket-reminder-settings', () => import('../locket-reminder-settings/locket-reminder-settings'));
  private readonly tracksSettings = new LazyElement(this, 'locket-tracks-settings', () => import('../locket-tracks-settings/locket-tracks-settings'));
  private readonly auditLog = new LazyElement(this, 'locket-audit-log', () => import('../locket-audit-log/locket-audit-log'));
  /** Custom field definitions: their editor loads when the page has painted. */
  private readonly fieldSettings = new LazyElement(this, 'locket-field-settings', () => import('../locket-field-settings/locket-field-settings'));
  /** The owner's milestones and lost reasons: only this section needs their editor. */
  private readonly pipelineSettings = new LazyElement(this, 'locket-pipeline-settings', () => import('../locket-pipeline-settings/locket-pipeline-settings'));
  private readonly memberLogins = new LazyElement(this, 'locket-member-logins', () => import('../locket-member-logins/locket-member-logins'));

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadSettings();
    void readLocalePreference().then((preference) => { this.localePreference = preference; });
    this.stopLocale = watchLocalePreference((preference) => { this.localePreference = preference; });
    // A restore (or another page) replaces the settings: a stale form would save the old ones back.
    this.unsubscribe = this.services.changes.subscribe((change) => {
      if (change.settings) { void this.loadSettings(); this.accountRevision++; }
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.stopLocale?.();
  }

  private async loadSettings(): Promise<void> {
    this.settings = await this.services.store.getSettings();
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const ran = await this.acts.run('save', () =>
      this.services.store.saveSettings({ ownerName: data.get('ownerName'), defaultCurrency: data.get('defaultCurrency') }));
    // After a failure the form keeps what was typed.
    if (!ran.ok) { this.saved = false; return; }
    const result = ran.value;
    this.saved = result.ok;
    if (result.ok) { this.settings = result.value; this.errors = {}; this.accountRevision++; } else { this.errors = settingsErrorsText(result.error); }
  }

  /** The sections live in this element's shadow root, where the browser's own fragment scrolling cannot reach. */
  private jump(event: Event, id: string): void {
    const section = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    if (!section) return;
    event.preventDefault();
    section.scrollIntoView({ block: 'start' });
    history.replaceState(null, '', `#${id}`);
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

  /** What each section holds; its id and heading come from SECTIONS, as the nav's links do. */
  private sectionBody(id: SectionId) {
    const { services } = this;
    switch (id) {
      case 'general': return html`${this.renderGeneral()}${this.reminderSettings.render(() => html`<locket-reminder-settings></locket-reminder-settings>`, OPTIONS_WORDS.loading)}`;
      case 'fields': return this.fieldSettings.render(() => html`<locket-field-settings .services=${services}></locket-field-settings>`, OPTIONS_WORDS.loading);
      case 'pipeline': return this.pipelineSettings.render(() => html`<locket-pipeline-settings .services=${services}></locket-pipeline-settings>`, OPTIONS_WORDS.loading);
      case 'security':
        return html`<locket-security-settings .services=${services}
          @locket-vault-changed=${() => { this.accountRevision++; }}></locket-security-settings>`;
      case 'logins': return html`<locket-login-history .security=${services.security}></locket-login-history>
        ${seesMembersLogins(this.team.view ?? null) ? this.memberLogins.render(() => html`<locket-member-logins
          .team=${this.team.view ?? null} .logins=${services.team ?? null}></locket-member-logins>`, OPTIONS_WORDS.loading) : nothing}`;
      case 'users':
        return html`<locket-users-settings .services=${services} .revision=${this.accountRevision} .team=${this.team.view ?? null}></locket-users-settings>`;
      case 'team': return this.renderTeam();
      case 'export': return this.mayExport ? this.exportSettings.render(() => html`<locket-export-settings .services=${services}></locket-export-settings>`, OPTIONS_WORDS.loading)
        : html`<p class="muted">${ROLE_REFUSAL_WORDS.noExportRight}</p>`;
      case 'import': return this.importSettings.render(() => html`<locket-import-settings .services=${services}></locket-import-settings>`, OPTIONS_WORDS.loading);
      case 'tags': return this.tagsSettings.render(() => html`<locket-tags-settings .services=${services}></locket-tags-settings>`, OPTIONS_WORDS.loading);
      // Restoring stays for whoever's role allows it; downloading needs the export right.
      case 'backup': return this.backupSettings.render(() => html`<locket-backup-settings .services=${services} .mayDownload=${this.mayExport}></locket-backup-settings>`, OPTIONS_WORDS.loading);
      case 'sync':
        return services.sync ? html`${this.renderRelayCopy()}<locket-sync-settings .services=${services.sync} .clock=${services.clock}
          .permissions=${hostPermissions}></locket-sync-settings>${this.renderRelayNotice()}${this.renderJoinTeam()}` : nothing;
      case 'retention': return html`<locket-retention-settings .services=${services}></locket-retention-settings>`;
      case 'tracks': return this.tracksSettings.render(() => html`<locket-tracks-settings .services=${services}></locket-tracks-settings>`, OPTIONS_WORDS.loading);
      case 'audit': return this.auditLog.render(() => html`<locket-audit-log .services=${services}></locket-audit-log>`, OPTIONS_WORDS.loading);
      case 'danger': return html`<locket-cancel-account .services=${services}></locket-cancel-account>`;
    }
  }

  /** A team member without the export right gets no Export or Backup controls (the worker refuses them too). */
  private get mayExport(): boolean {
    const view = this.team.view;
    return !view || view.myRole === 'owner' || view.canExport;
  }

  private renderTeam() {
    const { view, problem } = this.team;
    if (!this.services.team) return nothing;
    // A member held until they add a security key learns why here, even before any view arrives.
    return html`${problem ? html`<p class="error" role="alert">${teamProblemText(problem)}</p>` : nothing}
      ${view ? this.teamSettings.render(() => html`<locket-team-settings .services=${this.services.team} .view=${view}
        .retention=${this.services.relayRetention} @locket-team-changed=${() => void this.team.reload()}></locket-team-settings>`, OPTIONS_WORDS.loading)
    : this.renderCancelledTeam()}`;
  }

  /** A cancelled team has no view: its owner restores it from here (the worker and the relay refuse anyone else). */
  private renderCancelledTeam() {
    const { problem } = this.team;
    if (problem?.type !== 'relay-refused' || problem.code !== 'team_cancelled' || !this.services.relayRetention) return nothing;
    return this.teamSettings.render(() => html`<locket-team-cancel restore-only .services=${this.services.team} .retention=${this.services.relayRetention}
      .clock=${this.services.clock} @locket-team-changed=${() => void this.team.reload()}></locket-team-cancel>`, OPTIONS_WORDS.loading);
  }

  /** What this device did on the relay's retention (a cancelled team, a changed relay key, records held back). */
  private renderRelayNotice() {
    const retention = this.services.relayRetention;
    if (!retention) return nothing;
    return this.relayNotice.render(() => html`<locket-relay-retention-notice .services=${retention}></locket-relay-retention-notice>`, OPTIONS_WORDS.loading);
  }

  /** An owner alone keeps an encrypted copy on their relay, with the printed recovery key to restore it. */
  private renderRelayCopy() {
    const { sync, team } = this.services;
    if (!sync || !team) return nothing;
    return this.relayCopy.render(() => html`<locket-relay-copy .sync=${sync} .team=${team} .view=${this.team.view} .permissions=${hostPermissions}
      @locket-team-changed=${() => void this.team.reload()}></locket-relay-copy>`, OPTIONS_WORDS.loading);
  }

  /** "Join a team" is offered on a device in no team, beside connecting and pairing. */
  private renderJoinTeam() {
    if (!this.services.team || (this.team.view !== null && !this.joinStarted)) return nothing;
    return this.teamJoin.render(() => html`<locket-team-join .services=${this.services.team} .permissions=${hostPermissions}
      @locket-team-joining=${(e: HTMLElementEventMap['locket-team-joining']) => {
        if (e.detail.busy) this.joinStarted = true;
        else void this.team.reload();
      }}></locket-team-join>`, OPTIONS_WORDS.loading);
  }

  /** Takes effect on every open page at once: each follows the stored preference. */
  private renderLanguage() {
    const words = OPTIONS_WORDS;
    const browser = words.languageNames[localeFromLanguages(browserLanguages())];
    return html`<div class="field">
      <label for="locale">${words.language}</label>
      <select id="locale" aria-describedby="locale-hint" @change=${(e: Event) => {
        const chosen = (e.target as HTMLSelectElement).value;
        void writeLocalePreference(isLocale(chosen) ? chosen : null);
      }}>
        <option value="" ?selected=${this.localePreference === null}>${words.browserLanguage(browser)}</option>
        ${LOCALES.map((locale) => html`<option value=${locale} lang=${locale} ?selected=${this.localePreference === locale}>${words.languageNames[locale]}</option>`)}
      </select>
      <span class="muted" id="locale-hint">${words.languageHint}</span>
    </div>`;
  }

  private renderGeneral() {
    if (!this.settings) return html`<p class="muted" role="status">${OPTIONS_WORDS.loading}</p>`;
    return html`${this.renderLanguage()}<form aria-label=${OPTIONS_WORDS.generalSettings} novalidate @submit=${(e: SubmitEvent) => void this.save(e)}
        @input=${() => { this.saved = false; }}>
      ${this.field('ownerName', OPTIONS_WORDS.ownerName, this.settings.ownerName, OPTIONS_WORDS.ownerNameHint)}
      ${this.field('defaultCurrency', OPTIONS_WORDS.currency, this.settings.defaultCurrency, OPTIONS_WORDS.currencyHint)}
      <div><button class="primary" type="submit">${OPTIONS_WORDS.save}</button></div>
      ${this.saved ? html`<p class="saved" role="status">${OPTIONS_WORDS.saved}</p>` : nothing}
      ${this.acts.failure ? html`<p class="error" role="alert">${failureText(this.acts.failure.cause)}</p>` : nothing}
    </form>`;
  }

  /** The sections this page offers: Sync only where sync services run behind it, Team only while this device is in a team. */
  private get sections() {
    return SECTIONS.filter((id) => (id !== 'pipeline' || this.services.pipeline) && (id !== 'sync' || this.services.sync) && (id !== 'team' || (this.services.team && (this.team.view || this.team.problem))));
  }

  // Keyed by id: the Team section comes in when a device joins or connects, and the sections after
  // it (Sync, with a join in progress) must keep their elements and what they hold.
  protected override render() {
    return html`
      <nav aria-label=${OPTIONS_WORDS.settingsSections}>
        <h1>${OPTIONS_WORDS.title}</h1>
        <ul>${this.sections.map((id) => html`<li><a href=${`#${id}`}
          @click=${(e: Event) => this.jump(e, id)}>${OPTIONS_WORDS.sections[id]}</a></li>`)}</ul>
      </nav>
      <main>${repeat(this.sections, (id) => id, (id) => html`<section id=${id} aria-labelledby=${`${id}-heading`}>
          <h2 id=${`${id}-heading`}>${OPTIONS_WORDS.sections[id]}</h2>
          ${this.sectionBody(id)}
        </section>`)}
      </main>`;
  }
}
