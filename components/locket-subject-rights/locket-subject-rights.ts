import { LocketSubjectRights } from './locket-subject-rights.component';

customElements.define('locket-subject-rights', LocketSubjectRights);

declare global {
  interface HTMLElementTagNameMap {
    'locket-subject-rights': LocketSubjectRights;
  }
}

export { LocketSubjectRights };
