/**
 * How the extension's pages are cut into chunks (wxt.config.ts; test/unit/bundles bundles the
 * pages the same way). What a surface runs before its first paint, the early database open and
 * the side panel's early paint with everything they import, is one chunk: each chunk more is
 * one more fetch in line before the page's first module runs. With the usual cut the side
 * panel's entry waited on 15 chunks, and its first module ran 50 to 60 ms after a bare page's.
 */
export const EARLY_CHUNK = 'early-paint';

export const CODE_SPLITTING = {
  groups: [{
    name: EARLY_CHUNK,
    // Their dependencies come along (includeDependenciesRecursively is on by default). The options
    // page and the popup load this chunk for what they share with it, the early paint's drawing
    // (about 20 kB) included: cut finer, the side panel's entry waits on more chunks again.
    test: /(components[\\/]early-paint[\\/]early-paint|platform[\\/]early-open[\\/]start)\.ts$/,
  }],
};
