import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/relay/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    // Key derivation at production strength runs in a few tests; a loaded 2-core machine needs headroom.
    testTimeout: 20_000,
  },
});
