import { startAutoLock } from '@/components/services/auto-lock-alarm';
import { startQuickCapture } from '@/components/services/capture-background';

export default defineBackground(() => {
  startAutoLock();
  startQuickCapture();
});
