// First: the account's database starts opening before the rest of the page's code runs.
import '@/platform/early-open/start';
import '@/components/locket-workspace/locket-workspace';
import { mountSurface } from '@/components/locket-gate/mount-surface';

// `sidepanel.html#pipeline` opens on the board instead of the people list.
void mountSurface('locket-workspace', location.hash === '#pipeline' ? { 'start-view': 'pipeline' } : {});
