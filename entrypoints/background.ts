import { startAutoLock } from '@/platform/session/auto-lock-alarm';
import { startQuickCapture } from '@/platform/capture/capture-background';
import { startSweeps } from '@/platform/retention/sweep-scheduler';

export default defineBackground(() => {
  startAutoLock();
  startQuickCapture();
  startSweeps();
});
