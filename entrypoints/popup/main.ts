// First: the account's database starts opening before the rest of the page's code runs.
import '@/platform/early-open/start';
import '@/components/locket-popup/locket-popup';
import { mountSurface } from '@/components/locket-gate/mount-surface';

void mountSurface('locket-popup');
