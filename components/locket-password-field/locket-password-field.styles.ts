import { css } from 'lit';

/**
 * The strength meter is drawn by hand: Chromium's default is a faint hairline whose fill is
 * empty at "Very weak", so the weakest verdict looked like no verdict at all. Colours follow
 * the meter's low/high/optimum bands; the fill never shrinks below a sliver.
 */
export const passwordFieldStyles = css`
  :host { display: grid; gap: 3px; }
  .row { display: flex; gap: var(--locket-gap); }
  .row input { flex: 1; min-width: 0; }
  meter {
    appearance: none;
    width: 100%;
    height: 8px;
    margin-top: 3px;
    border-radius: 4px;
    background: var(--locket-surface-alt);
    box-shadow: inset 0 0 0 1px var(--locket-border);
  }
  meter::-webkit-meter-bar { background: transparent; border: 0; border-radius: 4px; height: 8px; }
  meter::-webkit-meter-optimum-value,
  meter::-webkit-meter-suboptimum-value,
  meter::-webkit-meter-even-less-good-value { min-width: 12%; border-radius: 4px; }
  meter::-webkit-meter-optimum-value { background: var(--locket-meter-strong); }
  meter::-webkit-meter-suboptimum-value { background: var(--locket-meter-fair); }
  meter::-webkit-meter-even-less-good-value { background: var(--locket-danger); }
  ul { margin: 2px 0 0; padding-left: 18px; font-size: 13px; }
  .problem { color: var(--locket-danger); }
`;
