import { LocketPipelineBoard } from './locket-pipeline-board.component';

customElements.define('locket-pipeline-board', LocketPipelineBoard);

declare global {
  interface HTMLElementTagNameMap {
    'locket-pipeline-board': LocketPipelineBoard;
  }
}

export { LocketPipelineBoard };
