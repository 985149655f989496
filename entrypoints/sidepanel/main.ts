// First: the account's database starts opening before the rest of the page's code runs.
import '@/platform/early-open/start';
import { giveWay, paintEarly, viewOfAddress } from '@/components/early-paint/early-paint';

// The remembered first screen is drawn before the workspace's code (a chunk of its own) is
// fetched and run: the page's first paint does not wait for the whole of Locket.
const view = viewOfAddress(location.hash);
void paintEarly(view).catch(() => null).then(async (paint) => {
  const { mountWorkspace } = await import('./workspace');
  const gate = await mountWorkspace(location.hash);
  if (paint) giveWay(paint, view, gate);
});
