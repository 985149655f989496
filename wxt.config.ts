import { defineConfig } from 'wxt';

export default defineConfig({
  manifest: {
    name: 'Locket',
    description: 'A local-first CRM that keeps your contacts on your device.',
    permissions: ['storage', 'sidePanel'],
  },
  vite: () => ({
    worker: { format: 'es' },
  }),
});
