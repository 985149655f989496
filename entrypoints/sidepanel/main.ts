import '@/components/locket-workspace/locket-workspace';
import { mountSurface } from '@/components/services/mount-surface';

void mountSurface('locket-workspace');
