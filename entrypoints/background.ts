import { serveMessages } from '@/platform/messages/runtime';
import { startQuickCapture } from '@/platform/capture/capture-background';
import { startSweeps } from '@/platform/retention/sweep-scheduler';
import { startAutoLock } from '@/platform/session/auto-lock-alarm';
import { startTaskReminders } from '@/platform/tasks/task-reminders';
import { TASK_WORDS } from '@/components/shared/messages/task-words';

export default defineBackground(() => {
  startAutoLock();
  startSweeps();
  startTaskReminders(TASK_WORDS);
  serveMessages({ ...startQuickCapture() });
});
