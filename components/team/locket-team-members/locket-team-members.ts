import { LocketTeamMembers } from './locket-team-members.component';

customElements.define('locket-team-members', LocketTeamMembers);

declare global {
  interface HTMLElementTagNameMap {
    'locket-team-members': LocketTeamMembers;
  }
}

export { LocketTeamMembers };
