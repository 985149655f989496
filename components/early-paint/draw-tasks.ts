import { bucketFirstTasks, type FirstTasks } from '../../core/first-page/first-tasks';
import { TASK_BUCKETS } from '../../core/tasks/due-buckets';
import { TASK_WORDS } from '../shared/messages/task-words';
import { dueLabel } from '../locket-tasks/task-labels';
import { busyList, el, opening } from './draw-dom';
import { currentLocale } from '../shared/i18n/locale';
import { EARLY_TASKS_CSS } from './draw-tasks.styles';

/** In sections as of `now` in `zone`: a row remembered as due today may be overdue by now. */
export const drawTasks = (tasks: FirstTasks, now: number, zone: string): HTMLElement[] => {
  const view = el('div', 'view');
  view.append(el('h2', '', TASK_WORDS.tasks), opening());
  const buckets = bucketFirstTasks(tasks, now, zone);
  // The due dates as the Tasks view showed them, while the device's zone and the language are the same.
  const sameAsShown = tasks.shownIn?.zone === zone && tasks.shownIn.locale === currentLocale();
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
      meta.append(el('span', 'due', sameAsShown && row.shown ? row.shown.label : dueLabel(row, zone)));
      item.append(el('span', 'description', row.description), meta);
      list.append(item);
    }
    section.append(el('h3', '', TASK_WORDS.sections[bucket]), list);
    view.append(section);
  }
  return [el('style', '', EARLY_TASKS_CSS), view];
};

