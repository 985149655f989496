/**
 * The board's columns and cards as drawn, and its forecast: what the element shows of a board,
 * the worker's or the first read's. The element keeps the state and does the writes; these
 * only draw and say what was asked for through the callbacks.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Board, BoardCard, BoardColumn } from '../../core/pipeline/board';
import type { FirstColumn } from '../../core/pipeline/first-cards';
import type { RecordId } from '../../core/records/types';
import { counted } from '../shared/i18n/format';
import { milestoneName, PIPELINE_WORDS } from '../shared/messages/pipeline-words';
import { formatAmount, formatMonth, formatTotals } from './board-format';
import { renderLostForm } from './lost-form';

/** A card's value and probability as its second line shows them (and the early paint remembers). */
export const cardValueText = (card: BoardCard): string =>
  `${card.value === null ? PIPELINE_WORDS.noValue : formatAmount({ currency: card.currency, amount: card.value })} · ${card.probability}%`;

/** A column as drawn: the worker's, or the first read's (no count or totals yet). */
export type ShownColumn = FirstColumn & Partial<Pick<BoardColumn, 'count' | 'totals'>>;

/** The drag's payload type: a card's record id, nothing a page outside Locket would send. */
const CARD_TYPE = 'application/x-locket-opportunity';
const WON = '#won';
const LOST = '#lost';

export interface ColumnsHost {
  /** A write is under way: the cards' menus wait. */
  readonly busy: boolean;
  readonly dropTarget: string | null;
  /** The card asking why it was lost. */
  readonly losing: BoardCard | null;
  readonly lostReasons: readonly string[];
  readonly setDropTarget: (milestoneId: string | null) => void;
  readonly setLosing: (card: BoardCard | null) => void;
  readonly open: (id: RecordId) => void;
  readonly move: (id: RecordId, milestoneId: string) => void;
  readonly close: (card: BoardCard, outcome: { readonly status: 'won' } | { readonly status: 'lost'; readonly reason: string }) => void;
}

const chose = (host: ColumnsHost, card: BoardCard, select: HTMLSelectElement): void => {
  const choice = select.value;
  select.value = '';
  if (choice === '') return;
  if (choice === LOST) { host.setLosing(card); return; }
  if (choice === WON) { host.close(card, { status: 'won' }); return; }
  host.move(card.id, choice);
};

const drop = (host: ColumnsHost, event: DragEvent, column: ShownColumn, columns: readonly ShownColumn[]): void => {
  event.preventDefault();
  host.setDropTarget(null);
  const id = event.dataTransfer?.getData(CARD_TYPE);
  if (!id || !column.listed) return;
  const from = columns.find((candidate) => candidate.cards.some((card) => card.id === id));
  if (from?.milestone.id !== column.milestone.id) host.move(id, column.milestone.id);
};

const renderCard = (host: ColumnsHost, card: BoardCard, column: ShownColumn, columns: readonly ShownColumn[]) => {
  const others = columns.filter((other) => other.listed && other.milestone.id !== column.milestone.id);
  return html`<li class="card ${card.stale ? 'stale' : ''}" draggable="true"
    @dragstart=${(e: DragEvent) => { e.dataTransfer?.setData(CARD_TYPE, card.id); if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move'; }}>
    <button class="name" @click=${() => host.open(card.id)} aria-label=${PIPELINE_WORDS.open(card.name)}>${card.name}</button>
    <span>${cardValueText(card)}</span>
    ${card.stale ? html`<span class="badge" title=${PIPELINE_WORDS.staleHint(column.milestone.daysUntilStale)}>${PIPELINE_WORDS.stale}</span>` : nothing}
    <select aria-label=${PIPELINE_WORDS.moveCard(card.name)} ?disabled=${host.busy}
      @change=${(e: Event) => chose(host, card, e.target as HTMLSelectElement)}>
      <option value="">${PIPELINE_WORDS.moveTo}</option>
      ${others.map((other) => html`<option value=${other.milestone.id}>${milestoneName(other.milestone)}</option>`)}
      <option value=${WON}>${PIPELINE_WORDS.won}</option>
      <option value=${LOST}>${PIPELINE_WORDS.lost}</option>
    </select>
    ${host.losing?.id === card.id ? renderLostForm({
      card, reasons: host.lostReasons, onCancel: () => host.setLosing(null),
      onLost: (reason) => host.close(card, { status: 'lost', reason }),
    }) : nothing}
  </li>`;
};

const summary = (column: ShownColumn): string => {
  const unlisted = column.listed ? '' : ` · ${PIPELINE_WORDS.notListed}`;
  if (column.count === undefined) return `${PIPELINE_WORDS.counting}${unlisted}`;
  const totals = column.totals && column.totals.length > 0 ? ` · ${formatTotals(column.totals)}` : '';
  return `${counted(column.count, PIPELINE_WORDS.opportunities)}${totals}${unlisted}`;
};

const renderColumn = (host: ColumnsHost, column: ShownColumn, columns: readonly ShownColumn[]) => {
  const name = milestoneName(column.milestone);
  const id = `column-${column.milestone.id}`;
  return html`<section class="column ${host.dropTarget === column.milestone.id ? 'target' : ''}" aria-labelledby=${id}
    @dragover=${(e: DragEvent) => { if (column.listed) { e.preventDefault(); host.setDropTarget(column.milestone.id); } }}
    @dragleave=${() => { if (host.dropTarget === column.milestone.id) host.setDropTarget(null); }}
    @drop=${(e: DragEvent) => drop(host, e, column, columns)}>
    <h3 id=${id}>${name}</h3>
    <p class="summary muted">${summary(column)}</p>
    <ul aria-label=${PIPELINE_WORDS.opportunitiesIn(name)}>
      ${repeat(column.cards, (card) => card.id, (card) => renderCard(host, card, column, columns))}
    </ul>
    ${column.count !== undefined && column.count > column.cards.length ? html`<p class="muted">${PIPELINE_WORDS.moreCards(column.count - column.cards.length)}</p>` : nothing}
  </section>`;
};

export const renderColumns = (host: ColumnsHost, columns: readonly ShownColumn[]) =>
  html`<div class="board" role="group" aria-label=${PIPELINE_WORDS.milestones}>
    ${repeat(columns, (column) => column.milestone.id, (column) => renderColumn(host, column, columns))}
  </div>`;

/** The forecast of the worker's board; while only the first cards are drawn, "counting…". */
export const renderForecast = (board: Board | null) =>
  html`<section class="forecast" aria-labelledby="forecast-heading"><h3 id="forecast-heading">${PIPELINE_WORDS.forecast}</h3>
    ${board === null ? html`<p class="muted" role="status">${PIPELINE_WORDS.counting}</p>`
      : board.forecast.length === 0 ? html`<p class="muted">${PIPELINE_WORDS.noForecast}</p>`
      : html`<ul>${board.forecast.map((line) => html`<li>${formatMonth(line.month)}: ${formatAmount({ currency: line.currency, amount: line.weighted })}</li>`)}</ul>`}
  </section>`;
