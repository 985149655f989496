import '@/components/locket-popup/locket-popup';
import { mountSurface } from '@/components/locket-gate/mount-surface';

void mountSurface('locket-popup');
