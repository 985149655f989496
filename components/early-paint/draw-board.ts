import type { FirstBoard } from '../../core/first-page/first-board';
import { LIST_WORDS } from '../shared/messages/list-words';
import { PIPELINE_WORDS } from '../shared/messages/pipeline-words';
import { busyList, el, opening } from './draw-dom';

/** The board's columns and cards: loaded only for a panel opened on the board. */
const EARLY_BOARD_CSS = `
#locket-early-paint .board { display: flex; gap: 8px; overflow: hidden; align-items: flex-start; }
#locket-early-paint .column { flex: 0 0 220px; border: 1px solid var(--ep-border); border-radius: 6px; padding: 8px; background: var(--ep-alt); }
#locket-early-paint .column h3 { margin: 0 0 8px; }
#locket-early-paint .column ul { display: grid; gap: 6px; }
#locket-early-paint .card { background: Canvas; border: 1px solid var(--ep-border); border-radius: 6px; padding: 6px; display: grid; gap: 4px; }
#locket-early-paint .card .name { color: var(--ep-accent); text-decoration: underline; overflow-wrap: anywhere; }
`;

/** The board's remembered first cards, per milestone, with no counts (they are the worker's). */
export const drawBoard = (board: FirstBoard): HTMLElement[] => {
  const view = el('div', 'view');
  const columns = el('div', 'board');
  for (const column of board.columns) {
    const section = el('section', 'column');
    const cards = busyList('ul', PIPELINE_WORDS.opportunitiesIn(column.name));
    for (const card of column.cards) {
      const item = el('li', 'card');
      item.append(el('span', 'name', card.title), el('span', '', card.value));
      cards.append(item);
    }
    section.append(el('h3', '', column.name), el('p', 'muted', PIPELINE_WORDS.counting), cards);
    columns.append(section);
  }
  view.append(el('h2', '', LIST_WORDS.pipeline), opening(), columns);
  return [el('style', '', EARLY_BOARD_CSS), view];
};
