import '@/components/locket-workspace/locket-workspace';
import { mountSurface } from '@/components/locket-gate/mount-surface';

// `sidepanel.html#pipeline` opens on the board, `#tasks` on Tasks, instead of the people list.
const START_VIEWS = ['#pipeline', '#tasks'];

/** The side panel's workspace behind the gate; loaded once the early paint is on screen. */
export const mountWorkspace = (hash: string): Promise<HTMLElement> =>
  mountSurface('locket-workspace', START_VIEWS.includes(hash) ? { 'start-view': hash.slice(1) } : {});
