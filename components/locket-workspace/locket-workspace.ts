import { LocketWorkspace } from './locket-workspace.component';

customElements.define('locket-workspace', LocketWorkspace);

declare global {
  interface HTMLElementTagNameMap {
    'locket-workspace': LocketWorkspace;
  }
}

export { LocketWorkspace };
