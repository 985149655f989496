import '@/components/locket-options/locket-options';
import { mountSurface } from '@/components/locket-gate/mount-surface';

void mountSurface('locket-options');
