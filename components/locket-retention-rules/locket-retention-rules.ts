import { LocketRetentionRules } from './locket-retention-rules.component';

customElements.define('locket-retention-rules', LocketRetentionRules);

declare global {
  interface HTMLElementTagNameMap {
    'locket-retention-rules': LocketRetentionRules;
  }
}

export { LocketRetentionRules };
