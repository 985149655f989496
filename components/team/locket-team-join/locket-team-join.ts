import { LocketTeamJoin } from './locket-team-join.component';

customElements.define('locket-team-join', LocketTeamJoin);

declare global {
  interface HTMLElementTagNameMap {
    'locket-team-join': LocketTeamJoin;
  }
}

export { LocketTeamJoin };
