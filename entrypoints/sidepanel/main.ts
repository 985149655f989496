import '@/components/locket-workspace/locket-workspace';
import { mountSurface } from '@/components/locket-gate/mount-surface';

void mountSurface('locket-workspace');
