import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TeamView } from '../../core/team/team-view';
import type { LocketServices } from '../../platform/page-services/services';
import { baseStyles } from '../shared/tokens.styles';
import { usersSettingsStyles } from './locket-users-settings.styles';
import { USERS_WORDS as W } from '../shared/messages/settings-section-words';
import { LocaleController } from '../shared/i18n/locale';
import { teamUsersTable } from './team-users-table';

interface UserRow {
  readonly name: string;
  readonly email: string;
  readonly role: 'owner';
  /** Registered keys; 0 when two-factor is off. */
  readonly keys: number;
}

/**
 * Who can open this Locket: the owner alone, or, once this device is in a team, every member
 * with their devices and two-factor status (`team`, from the page's view of the team).
 * Set `revision` to a new value to re-read after the vault changed elsewhere on the page.
 */
export class LocketUsersSettings extends LitElement {
  static override styles = [baseStyles, usersSettingsStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property({ type: Number }) revision = 0;
  /** The team this device is in; null shows the owner of this device alone. */
  @property({ attribute: false }) team: TeamView | null = null;

  @state() private users: readonly UserRow[] | null = null;
  private readonly locale = new LocaleController(this);

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services') || changed.has('revision')) void this.load();
  }

  private async load(): Promise<void> {
    const [settings, vault] = await Promise.all([this.services.store.getSettings(), this.services.security.vault()]);
    this.users = [{ name: settings.ownerName, email: settings.ownerEmail, role: 'owner', keys: vault?.secondFactor?.keys.length ?? 0 }];
  }

  protected override render() {
    if (this.team) return teamUsersTable(this.team);
    const users = this.users;
    if (users === null) return html`<p class="muted" role="status">${W.loading}</p>`;
    return html`<table>
      <caption>${W.caption}</caption>
      <thead><tr><th scope="col">${W.name}</th><th scope="col">${W.email}</th><th scope="col">${W.role}</th><th scope="col">${W.twoFactor}</th></tr></thead>
      <tbody>${users.map((user) => html`<tr>
        <th scope="row">${user.name || '—'}</th>
        <td>${user.email || '—'}</td>
        <td>${W.owner}</td>
        <td class=${user.keys ? 'on' : ''}>${user.keys ? W.on(user.keys) : W.off}</td>
      </tr>`)}</tbody>
    </table>`;
  }
}
