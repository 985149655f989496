import { LocketTeamPending } from './locket-team-pending.component';

customElements.define('locket-team-pending', LocketTeamPending);

declare global {
  interface HTMLElementTagNameMap {
    'locket-team-pending': LocketTeamPending;
  }
}

export { LocketTeamPending };
