import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LocketServices } from '../../platform/page-services/services';
import { baseStyles } from '../shared/tokens.styles';
import { usersSettingsStyles } from './locket-users-settings.styles';

interface UserRow {
  readonly name: string;
  readonly email: string;
  readonly role: 'Owner';
  /** Registered keys; 0 when two-factor is off. */
  readonly keys: number;
}

/**
 * Who can open this Locket. Today that is the owner alone; members arrive with the relay.
 * Set `revision` to a new value to re-read after the vault changed elsewhere on the page.
 */
export class LocketUsersSettings extends LitElement {
  static override styles = [baseStyles, usersSettingsStyles];

  @property({ attribute: false }) services!: LocketServices;
  @property({ type: Number }) revision = 0;

  @state() private users: readonly UserRow[] | null = null;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('services') || changed.has('revision')) void this.load();
  }

  private async load(): Promise<void> {
    const [settings, vault] = await Promise.all([this.services.store.getSettings(), this.services.security.vault()]);
    this.users = [{ name: settings.ownerName, email: settings.ownerEmail, role: 'Owner', keys: vault?.secondFactor?.keys.length ?? 0 }];
  }

  protected override render() {
    const users = this.users;
    if (users === null) return html`<p class="muted" role="status">Loading…</p>`;
    return html`<table>
      <caption>Users who can open Locket on this device</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Two-factor</th></tr></thead>
      <tbody>${users.map((user) => html`<tr>
        <th scope="row">${user.name || '—'}</th>
        <td>${user.email || '—'}</td>
        <td>${user.role}</td>
        <td class=${user.keys ? 'on' : ''}>${user.keys ? `On (${user.keys === 1 ? '1 key' : `${user.keys} keys`})` : 'Off'}</td>
      </tr>`)}</tbody>
    </table>`;
  }
}
