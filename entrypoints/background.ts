import { startAutoLock } from '@/components/services/auto-lock-alarm';
import { startQuickCapture } from '@/components/services/capture-background';
import { startSweeps } from '@/components/services/sweep-scheduler';

export default defineBackground(() => {
  startAutoLock();
  startQuickCapture();
  startSweeps();
});
