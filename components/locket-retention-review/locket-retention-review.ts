import { LocketRetentionReview } from './locket-retention-review.component';

customElements.define('locket-retention-review', LocketRetentionReview);

declare global {
  interface HTMLElementTagNameMap {
    'locket-retention-review': LocketRetentionReview;
  }
}

export { LocketRetentionReview };
