import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHostPermissions } from '../../../platform/permissions/host-permission';

describe('host permissions for a relay', () => {
  it('asks the browser for every path on that one origin and answers what the browser said', async () => {
    const asked: unknown[] = [];
    const permissions = createHostPermissions(() => ({ request: async (wanted) => { asked.push(wanted); return false; } }));
    expect(await permissions.request('http://127.0.0.1:8787')).toBe(false);
    expect(asked).toEqual([{ origins: ['http://127.0.0.1:8787/*'] }]);
  });

  it('is declared optional in the manifest, https anywhere and plain http only on this computer', () => {
    const config = readFileSync(new URL('../../../wxt.config.ts', import.meta.url), 'utf8');
    expect(config).toContain("optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']");
    expect(config).not.toMatch(/^\s*host_permissions:/m);
  });
});
