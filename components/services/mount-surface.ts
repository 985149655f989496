import { createPageServices } from './create-page-services';
import type { LocketServices } from './services';

type SurfaceTag = 'locket-workspace' | 'locket-popup' | 'locket-options';

/** Mounts a surface's one top-level element with the page's services; shows a plain message if that fails. */
export const mountSurface = async (tag: SurfaceTag): Promise<void> => {
  try {
    const element = document.createElement(tag) as HTMLElement & { services: LocketServices };
    element.services = await createPageServices();
    document.body.append(element);
  } catch (error) {
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = `Locket could not open its data: ${error instanceof Error ? error.message : String(error)}`;
    document.body.append(message);
    throw error;
  }
};
