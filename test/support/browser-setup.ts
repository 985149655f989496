import type { BrowserFound } from './browser-candidates';

export interface MachineAbilities {
  /** Only root may install packages without asking; `npm test` never prompts for sudo. */
  readonly isRoot: boolean;
  readonly hasAptGet: boolean;
}

export type BrowserSetupStep =
  | { readonly type: 'use'; readonly path: string }
  | { readonly type: 'install-debian-chromium' }
  | { readonly type: 'stop'; readonly reason: 'missing-chrome-path' | 'cannot-install' };

/** What `npm test` does before the end-to-end stage, given what the machine has and can do. */
export const planBrowserSetup = (found: BrowserFound, machine: MachineAbilities): BrowserSetupStep => {
  if (found.type === 'found') return { type: 'use', path: found.path };
  // A CHROME_PATH that points nowhere is a mistake to report, not a reason to install another browser.
  if (found.type === 'missing-chrome-path') return { type: 'stop', reason: 'missing-chrome-path' };
  return machine.isRoot && machine.hasAptGet ? { type: 'install-debian-chromium' } : { type: 'stop', reason: 'cannot-install' };
};
