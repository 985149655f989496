import '@/components/locket-options/locket-options';
import { mountSurface } from '@/components/services/mount-surface';

void mountSurface('locket-options');
