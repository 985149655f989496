import { serveMessages } from '@/platform/messages/runtime';
import { startQuickCapture } from '@/platform/capture/capture-background';
import { startSweeps } from '@/platform/retention/sweep-scheduler';
import { startAutoLock } from '@/platform/session/auto-lock-alarm';

export default defineBackground(() => {
  startAutoLock();
  startSweeps();
  serveMessages({ ...startQuickCapture() });
});
