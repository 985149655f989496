import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { failureOf, failureText, type Failure } from './failure-text';

/**
 * An element a page shows only in some states (the team's sections), whose module the page
 * imports the first time it is shown rather than at open, so the script the page runs before
 * its first paint stays small. The bundler gives each such `import()` a chunk of its own.
 *
 * Invariants: the module is asked for at most once per host; a failed load stays shown (an
 * extension updated under an open page has lost its old chunks, and only a reload helps), so a
 * render never starts a load that then renders again.
 */
export class LazyElement implements ReactiveController {
  private requested = false;
  private failure: Failure | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly tag: string, private readonly load: () => Promise<unknown>) {
    host.addController(this);
  }

  /** Nothing to start with the host: the module is asked for when the element is first shown. */
  hostConnected(): void {}

  /** The element once it is defined; until then `loading` as a status, or why the load failed. */
  render(element: () => TemplateResult, loading: string): TemplateResult {
    if (customElements.get(this.tag)) return element();
    if (this.failure) return html`<p class="error" role="alert">${failureText(this.failure)}</p>`;
    this.request();
    return html`<p class="muted" role="status">${loading}</p>`;
  }

  private request(): void {
    if (this.requested) return;
    this.requested = true;
    this.load().then(
      () => this.host.requestUpdate(),
      (error: unknown) => { this.failure = failureOf(error); this.host.requestUpdate(); },
    );
  }
}
