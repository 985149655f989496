import { startAutoLock } from '@/components/services/auto-lock-alarm';

export default defineBackground(() => {
  startAutoLock();
});
