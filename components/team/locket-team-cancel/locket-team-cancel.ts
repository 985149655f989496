import { LocketTeamCancel } from './locket-team-cancel.component';

customElements.define('locket-team-cancel', LocketTeamCancel);

declare global {
  interface HTMLElementTagNameMap {
    'locket-team-cancel': LocketTeamCancel;
  }
}

export { LocketTeamCancel };
