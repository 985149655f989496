/**
 * Imported first by a surface's entry (entrypoints/sidepanel, entrypoints/popup): modules run
 * in import order, so the database starts opening before the page's other code is evaluated.
 */
import { startEarlyOpen } from './early-open';

startEarlyOpen();
