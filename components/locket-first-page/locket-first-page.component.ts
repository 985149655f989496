import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { FirstPage } from '../../core/first-page/first-page';
import { KIND_LABELS } from '../shared/kind-labels';
import { ACCESS_WORDS } from '../shared/messages/access-words';
import { LocaleController } from '../shared/i18n/locale';
import { FIRST_ROW_MARK } from '../shared/first-row-mark';
import { baseStyles } from '../shared/tokens.styles';
import { recordListStyles } from '../locket-record-list/locket-record-list.styles';

/**
 * The people list's first rows as the last side panel drew them, shown while the account's
 * database opens and replaced by the live list once it is read. The rows do nothing yet (the
 * records behind them are not read): the list says it is busy.
 */
export class LocketFirstPage extends LitElement {
  static override styles = [baseStyles, recordListStyles, css`.rows { overflow: hidden; }`];

  @property({ attribute: false }) page: FirstPage = { rows: [] };
  private readonly locale = new LocaleController(this);
  private marked = false;

  protected override updated(): void {
    if (this.marked || this.page.rows.length === 0) return;
    this.marked = true;
    // The frame after the first row is drawn, as the live list marks its own.
    requestAnimationFrame(() => {
      if (performance.getEntriesByName(FIRST_ROW_MARK, 'mark').length === 0) performance.mark(FIRST_ROW_MARK);
    });
  }

  protected override render() {
    return html`<p class="muted count" role="status">${ACCESS_WORDS.opening}</p>
      <div class="rows" role="list" aria-label=${KIND_LABELS.person.many} aria-busy="true">
        ${this.page.rows.map((row) => html`<div role="listitem"><div class="row">
          <span class="title">${row.title}</span><span class="subtitle muted">${row.subtitle}</span></div></div>`)}
      </div>`;
  }
}
