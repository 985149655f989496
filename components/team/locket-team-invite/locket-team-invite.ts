import { LocketTeamInvite } from './locket-team-invite.component';

customElements.define('locket-team-invite', LocketTeamInvite);

declare global {
  interface HTMLElementTagNameMap {
    'locket-team-invite': LocketTeamInvite;
  }
}

export { LocketTeamInvite };
