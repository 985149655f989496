import type { FirstPage } from '../../core/first-page/first-page';
import { KIND_LABELS } from '../shared/kind-labels';
import { busyList, el, opening } from './draw-dom';

/** The people list's remembered rows, as the live list draws its rows. */
export const drawPeople = (page: FirstPage): HTMLElement[] => {
  const rows = busyList('div', KIND_LABELS.person.many);
  rows.setAttribute('role', 'list');
  for (const row of page.rows) {
    const item = el('div');
    item.setAttribute('role', 'listitem');
    const line = el('div', 'row');
    line.append(el('span', 'title', row.title), el('span', ['subtitle', 'muted'], row.subtitle));
    item.append(line);
    rows.append(item);
  }
  return [opening(), rows];
};

