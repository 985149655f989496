import type { FirstPage } from '../../core/first-page/first-page';
import { bucketFirstTasks, type FirstTasks } from '../../core/first-page/first-tasks';
import type { FirstBoard } from '../../core/first-page/first-board';
import { TASK_BUCKETS } from '../../core/tasks/due-buckets';
import { KIND_LABELS } from '../shared/kind-labels';
import { ACCESS_WORDS } from '../shared/messages/access-words';
import { LIST_WORDS } from '../shared/messages/list-words';
import { PIPELINE_WORDS } from '../shared/messages/pipeline-words';
import { TASK_WORDS } from '../shared/messages/task-words';
import { dueLabel } from '../locket-tasks/task-labels';

/**
 * The remembered first screens drawn with plain DOM, before Lit and the workspace load.
 * Invariant: what a user wrote reaches the page only as textContent, never as markup.
 */
const el = (tag: string, className = '', text?: string): HTMLElement => {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
};

/** Nothing here can be used yet: the screen says it is opening, and its list is busy. */
const busyList = (tag: string, label: string): HTMLElement => {
  const list = el(tag);
  list.setAttribute('aria-label', label);
  list.setAttribute('aria-busy', 'true');
  return list;
};

const opening = (): HTMLElement => {
  const status = el('p', 'muted count', ACCESS_WORDS.opening);
  status.setAttribute('role', 'status');
  return status;
};

export const drawPeople = (page: FirstPage): HTMLElement[] => {
  const rows = busyList('div', KIND_LABELS.person.many);
  rows.setAttribute('role', 'list');
  for (const row of page.rows) {
    const item = el('div');
    item.setAttribute('role', 'listitem');
    const line = el('div', 'row');
    line.append(el('span', 'title', row.title), el('span', 'subtitle muted', row.subtitle));
    item.append(line);
    rows.append(item);
  }
  return [opening(), rows];
};

/** In sections as of `now` in `zone`: a row remembered as due today may be overdue by now. */
export const drawTasks = (tasks: FirstTasks, now: number, zone: string): HTMLElement[] => {
  const view = el('div', 'view');
  view.append(el('h2', '', TASK_WORDS.tasks), opening());
  const buckets = bucketFirstTasks(tasks, now, zone);
  for (const bucket of TASK_BUCKETS) {
    if (buckets[bucket].length === 0) continue;
    const section = el('section');
    section.setAttribute('aria-label', TASK_WORDS.sections[bucket]);
    const list = busyList('ul', TASK_WORDS.sections[bucket]);
    for (const { row } of buckets[bucket]) {
      const item = el('li', bucket);
      item.dataset['task'] = '';
      const meta = el('span', 'meta');
      if (row.record !== null) meta.append(el('span', '', row.record));
      if (row.category) meta.append(el('span', 'category', row.category));
      meta.append(el('span', 'due', dueLabel(row, zone)));
      item.append(el('span', 'description', row.description), meta);
      list.append(item);
    }
    section.append(el('h3', '', TASK_WORDS.sections[bucket]), list);
    view.append(section);
  }
  return [view];
};

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
  return [view];
};
