import { css } from 'lit';

export const retentionRulesStyles = css`
  :host { display: grid; gap: 10px; }
  h3 { font-size: 15px; margin: 0; }
  p { margin: 0; }
  .rule-fields { display: flex; gap: var(--locket-gap); align-items: end; flex-wrap: wrap; }
  .rule-fields select { width: auto; }
  .months input { width: 6em; }
  .suffix { padding-bottom: 5px; }
  ul.rules { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
  ul.rules li { display: flex; gap: var(--locket-gap); align-items: center; flex-wrap: wrap; }
  ul.rules li span { flex: 1 1 auto; }
`;
