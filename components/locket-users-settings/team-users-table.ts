import { html, nothing } from 'lit';
import type { TeamMemberView, TeamView } from '../../core/team/team-view';
import { formatDateTime } from '../shared/i18n/format';
import { TEAM_USERS_WORDS as W } from '../shared/messages/team-users-words';
import { TEAM_NAMES } from '../shared/messages/team-words';

/** On or off, and whose word that is: the relay's check of the member's key, or only their device's claim. */
const twoFactorCell = ({ twoFactor }: TeamMemberView) => html`<td class=${twoFactor.enabled ? 'on' : ''}>
  ${twoFactor.enabled ? W.on : W.off} <span class="muted source">${twoFactor.source === 'relay' ? W.relayWord : W.memberWord}</span></td>`;

const row = (member: TeamMemberView) => html`<tr>
  <th scope="row">${member.thisMember ? TEAM_NAMES.you(member.name) : member.name}</th>
  <td>${member.email || '—'}</td>
  <td>${TEAM_NAMES.roles[member.role]}</td>
  <td>${member.canExport || member.role === 'owner' ? TEAM_NAMES.mayExport : TEAM_NAMES.mayNotExport}</td>
  <td><ul>${member.devices.map((device) => html`<li>${device.pending ? W.pendingDevice(device.name) : device.name}</li> `)}</ul></td>
  <td>${member.lastSeenAt === null ? W.never : formatDateTime(member.lastSeenAt)}</td>
  ${twoFactorCell(member)}
</tr>`;

/** Every current member of the team; removed members stay in the Team section's record, not here. */
export const teamUsersTable = (team: TeamView) => html`<table>
    <caption>${W.caption}</caption>
    <thead><tr><th scope="col">${W.name}</th><th scope="col">${W.email}</th><th scope="col">${W.role}</th><th scope="col">${W.exportRight}</th>
      <th scope="col">${W.devices}</th><th scope="col">${W.lastSeen}</th><th scope="col">${W.twoFactor}</th></tr></thead>
    <tbody>${team.members.filter((member) => member.status !== 'removed').map(row)}</tbody>
  </table>
  ${team.requireTwoFactor ? html`<p class="muted">${W.required}</p>` : nothing}`;
