import { LocketPipelineSettings } from './locket-pipeline-settings.component';

customElements.define('locket-pipeline-settings', LocketPipelineSettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-pipeline-settings': LocketPipelineSettings;
  }
}

export { LocketPipelineSettings };
