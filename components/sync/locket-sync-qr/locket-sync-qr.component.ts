import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { generate } from 'lean-qr';
import { SYNC_WORDS } from '../sync-words';

/** Light modules around the code, as the QR standard asks, so a camera finds its edges. */
const QUIET_ZONE = 4;

/** One path through every dark module: a unit square per module, so the image stays crisp at any size. */
const darkModulesPath = (text: string): { readonly size: number; readonly path: string } => {
  const code = generate(text);
  const squares: string[] = [];
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (code.get(x, y)) squares.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: code.size + 2 * QUIET_ZONE, path: squares.join('') };
};

/**
 * `text` as a QR image, drawn as an SVG built from a template (no markup from strings), so
 * the new device's camera reads exactly what its owner would otherwise type.
 */
export class LocketSyncQr extends LitElement {
  static override styles = css`
    :host { display: inline-block; width: 180px; }
    svg { display: block; width: 100%; height: auto; background: #fff; }
  `;

  @property() text = '';
  /** What a screen reader says for the image; a generic name when none is given. */
  @property() label = '';

  protected override render() {
    if (!this.text) return nothing;
    const { size, path } = darkModulesPath(this.text);
    return html`<svg role="img" aria-label=${this.label || SYNC_WORDS.qr} viewBox=${`0 0 ${size} ${size}`} shape-rendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"><path fill="#000" d=${path}></path></svg>`;
  }
}
