import './locket-gate';
import type { SurfaceTag } from './locket-gate.component';

/** Mounts a surface behind the gate: setup on first run, the lock screen while locked, the surface once unlocked. */
export const mountSurface = (tag: SurfaceTag): void => {
  const gate = document.createElement('locket-gate');
  gate.surface = tag;
  document.body.append(gate);
};
