import './locket-gate';
import type { SurfaceTag } from './locket-gate.component';
import { followLocalePreference } from '../shared/i18n/follow-locale';

/** Mounts a surface behind the gate: setup on first run, the lock screen while locked, the surface once unlocked. */
export const mountSurface = async (tag: SurfaceTag, attributes: Readonly<Record<string, string>> = {}): Promise<HTMLElement> => {
  await followLocalePreference();
  const gate = document.createElement('locket-gate');
  gate.surface = tag;
  gate.surfaceAttributes = attributes;
  document.body.append(gate);
  return gate;
};
