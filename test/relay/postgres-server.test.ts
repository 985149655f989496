import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { describeDriver, FIRST_OPEN_TIMEOUT_MS, planDriverRun, postgresDrivers } from './postgres-drivers';
import { findPostgres, startPostgresServer } from './postgres-server';

describe('finding PostgreSQL', () => {
  const root = mkdtempSync(join(tmpdir(), 'locket-pg-bin-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const install = (version: string, binaries: readonly string[]): void => {
    mkdirSync(join(root, version, 'bin'), { recursive: true });
    for (const name of binaries) writeFileSync(join(root, version, 'bin', name), '');
  };

  it('says how to install it when there is none', () => {
    const found = findPostgres(join(root, 'nowhere'));
    expect(found).toEqual({ found: false, reason: expect.stringContaining('apt-get install -y postgresql') });
  });

  it('takes the newest version that has both initdb and pg_ctl', () => {
    install('9', ['initdb', 'pg_ctl']);
    install('15', ['initdb', 'pg_ctl']);
    install('17', ['initdb']);
    expect(findPostgres(root)).toEqual({ found: true, bin: join(root, '15', 'bin') });
  });

  it('skips a missing server locally but fails under CI', () => {
    expect(planDriverRun(undefined, { CI: 'true' })).toBe('run');
    expect(planDriverRun('not installed', {})).toBe('skip');
    expect(planDriverRun('not installed', { CI: 'true' })).toBe('fail');
  });
});

describeDriver(postgresDrivers.find((factory) => factory.name === 'postgres')!, () => {
  it('starts a server on 127.0.0.1 with a fresh database, and leaves nothing behind', async () => {
    const server = await startPostgresServer();
    const dataDir = server.dataDir;
    try {
      const client = new pg.Client({ connectionString: await server.createDatabase('fresh') });
      await client.connect();
      const { rows } = await client.query<{ db: string; addr: string }>('SELECT current_database() AS db, inet_server_addr()::text AS addr');
      await client.end();
      expect(rows).toEqual([{ db: 'fresh', addr: '127.0.0.1/32' }]);
      expect(existsSync(dataDir)).toBe(true);
    } finally {
      server.dispose();
    }
    expect(existsSync(dataDir)).toBe(false);
    const refused = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 2_000 });
    await expect(refused.connect()).rejects.toThrow();
  }, FIRST_OPEN_TIMEOUT_MS);
});
