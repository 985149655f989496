import type { FirstBoard } from '../../core/first-page/first-board';
import { LIST_WORDS } from '../shared/messages/list-words';
import { PIPELINE_WORDS } from '../shared/messages/pipeline-words';
import { busyList, el, opening } from './draw-dom';
import { EARLY_BOARD_CSS } from './draw-board.styles';

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
