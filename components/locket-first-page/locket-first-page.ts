import { LocketFirstPage } from './locket-first-page.component';

customElements.define('locket-first-page', LocketFirstPage);

declare global {
  interface HTMLElementTagNameMap {
    'locket-first-page': LocketFirstPage;
  }
}

export { LocketFirstPage };
