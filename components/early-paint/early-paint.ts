import { systemClock, type Clock } from '../../core/clock';
import { localeFromLanguages } from '../../core/i18n/locale';
import { deviceTimeZone } from '../../core/tasks/device-zone';
import { recallFirstScreen, type FirstScreens, type ScreenView } from '../../platform/session/first-screen-store';
import { browserLanguages, setCurrentLocale } from '../shared/i18n/locale';
import { BOARD_FIRST_PAINT_MARK, FIRST_ROW_MARK, LIVE_SCREEN_MARKS, markOnce, TASKS_FIRST_ROW_MARK } from '../shared/first-row-mark';
import { drawBoard } from './draw-board';
import { drawPeople } from './draw-people';
import { drawTasks } from './draw-tasks';
import { EARLY_PAINT_CSS } from './early-paint.styles';

/**
 * The side panel's early paint: the first screen of the view it opens on, as the last side
 * panel drew it (core/first-page), drawn before the workspace's code is loaded, and removed
 * once the live view has drawn its own. Only while the session is unlocked and not idle past
 * its auto-lock time: otherwise nothing is drawn.
 */
export const EARLY_PAINT_ID = 'locket-early-paint';

/** The view `sidepanel.html` opens on, from its address. */
export const viewOfAddress = (hash: string): ScreenView => (hash === '#tasks' ? 'tasks' : hash === '#pipeline' ? 'board' : 'people');

/** The mark the bench reads as each view's first screen, whoever draws it. */
const FIRST_MARKS: { readonly [V in ScreenView]: string } = { people: FIRST_ROW_MARK, tasks: TASKS_FIRST_ROW_MARK, board: BOARD_FIRST_PAINT_MARK };

/** A page in the background draws no frames: the workspace loads after this, frame or not. */
const FRAME_WAIT_MS = 100;
/** A live view that never draws rows (an empty list, a record opened instead) leaves this long after the gate unlocks. */
const GIVE_UP_MS = 5_000;

/**
 * Each view's drawing of its remembered screen, or null when there is nothing to draw. Tasks' and
 * the board's come with the entry (a few kB): a chunk of their own loaded for a panel opened on
 * them was one more fetch in line before the first paint.
 */
const DRAWINGS: { readonly [V in ScreenView]: (screen: FirstScreens[V], now: number, zone: string) => (() => HTMLElement[]) | null } = {
  people: (page) => (page.rows.length > 0 ? () => drawPeople(page) : null),
  tasks: (tasks, now, zone) => (tasks.rows.length > 0 ? () => drawTasks(tasks, now, zone) : null),
  board: (board) => (board.columns.some((column) => column.cards.length > 0) ? () => drawBoard(board) : null),
};

/**
 * Draws `view`'s remembered screen over the page and resolves after the frame that shows it
 * (its first-screen mark is set then); null, at once, when nothing is remembered.
 */
export const paintEarly = async <V extends ScreenView>(view: V, clock: Clock = systemClock, zone = deviceTimeZone()): Promise<HTMLElement | null> => {
  const now = clock.now();
  const { screen, locale } = await recallFirstScreen(view, now).catch(() => ({ screen: null, locale: null }));
  const draw = screen && DRAWINGS[view](screen, now, zone);
  if (!draw) return null;
  // The owner's language, as the workspace will speak it (components/shared/i18n/follow-locale).
  setCurrentLocale(locale ?? localeFromLanguages(browserLanguages()));
  const drawing = draw();
  const paint = document.createElement('div');
  paint.id = EARLY_PAINT_ID;
  const style = document.createElement('style');
  style.textContent = EARLY_PAINT_CSS;
  paint.append(style, ...drawing);
  document.body.append(paint);
  await Promise.race([
    new Promise<void>((resolve) => {
      requestAnimationFrame(() => {
        markOnce(FIRST_MARKS[view]);
        // After the frame is painted: the workspace's evaluation must not hold it up.
        setTimeout(resolve, 0);
      });
    }),
    new Promise<void>((resolve) => { setTimeout(resolve, FRAME_WAIT_MS); }),
  ]);
  return paint;
};

/**
 * Removes the early paint once the live view has drawn its first screen (its live mark), or as
 * soon as the gate shows anything else (the lock screen, a failure): the page never shows an
 * empty moment between the two, nor remembered rows over a locked gate.
 */
export const giveWay = (paint: HTMLElement, view: ScreenView, gate: HTMLElement): void => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const drawn = () => performance.getEntriesByName(LIVE_SCREEN_MARKS[view], 'mark').length > 0;
  const remove = () => {
    marks.disconnect();
    phases.disconnect();
    clearTimeout(timer);
    paint.remove();
  };
  const followPhase = () => {
    const phase = gate.getAttribute('phase');
    if (phase !== null && phase !== 'loading' && phase !== 'unlocked') remove();
    else if (phase === 'unlocked') timer ??= setTimeout(remove, GIVE_UP_MS);
  };
  const marks = new PerformanceObserver(() => { if (drawn()) remove(); });
  const phases = new MutationObserver(followPhase);
  marks.observe({ type: 'mark' });
  phases.observe(gate, { attributes: true, attributeFilter: ['phase'] });
  if (drawn()) remove();
  else followPhase();
};
