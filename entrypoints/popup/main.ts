import '@/components/locket-popup/locket-popup';
import { mountSurface } from '@/components/services/mount-surface';

void mountSurface('locket-popup');
