// First: the account's database starts opening before the rest of the page's code runs.
import '@/platform/early-open/start';
import '@/components/locket-workspace/locket-workspace';
import { mountSurface } from '@/components/locket-gate/mount-surface';

// `sidepanel.html#pipeline` opens on the board, `#tasks` on Tasks, instead of the people list.
const START_VIEWS = ['#pipeline', '#tasks'];
void mountSurface('locket-workspace', START_VIEWS.includes(location.hash) ? { 'start-view': location.hash.slice(1) } : {});
