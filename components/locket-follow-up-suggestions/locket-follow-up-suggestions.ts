import { LocketFollowUpSuggestions } from './locket-follow-up-suggestions.component';

customElements.define('locket-follow-up-suggestions', LocketFollowUpSuggestions);

declare global {
  interface HTMLElementTagNameMap {
    'locket-follow-up-suggestions': LocketFollowUpSuggestions;
  }
}

export { LocketFollowUpSuggestions };
