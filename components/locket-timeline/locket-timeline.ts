import { LocketTimeline } from './locket-timeline.component';

customElements.define('locket-timeline', LocketTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'locket-timeline': LocketTimeline;
  }
}

export { LocketTimeline };
