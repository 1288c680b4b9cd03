// Migrations on a real PostgreSQL (issue 13): applied once, in order, under an advisory lock; a changed or unknown
// migration stops the server with one sentence.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgDb } from '../../server/db/pg-db.ts';
import type { Db } from '../../server/db/sql.ts';
import { MIGRATIONS_DIR, migrate, migrationsCurrent, pendingMigrations } from '../../server/migrate.ts';
import { testDatabaseUrl } from './pg-cluster.ts';

const TABLES = ['completions', 'devices', 'group_members', 'groups', 'invites', 'organisations', 'pack_assignments', 'packs', 'people', 'schema_migrations', 'take_audio', 'takes'];

const dbs: Db[] = [];
const drops: Array<() => Promise<void>> = [];
const dirs: string[] = [];

async function freshDb(): Promise<{ db: Db; url: string }> {
  const { url, drop } = await testDatabaseUrl();
  drops.push(drop);
  const db = openPgDb({ connectionString: url });
  dbs.push(db);
  return { db, url };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vd-migrations-'));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const db of dbs) await db.close();
  for (const drop of drops) await drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('migrate on PostgreSQL', () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDb());
  });

  it('applies every migration to a fresh database, and then nothing', async () => {
    expect((await pendingMigrations(db)).map((m) => m.file)).toEqual(['0001_init.sql']);
    expect(await migrationsCurrent(db)).toBe(false);

    const applied = await migrate(db);
    expect(applied.map((m) => m.file)).toEqual(['0001_init.sql']);
    const tables = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(TABLES);
    const rows = await db.query<{ version: number; name: string; sha256: string; applied_at: Date }>('SELECT * FROM schema_migrations');
    const sha = createHash('sha256').update(readFileSync(join(MIGRATIONS_DIR, '0001_init.sql'))).digest('hex');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1, name: 'init', sha256: sha });
    expect(rows[0]?.applied_at).toBeInstanceOf(Date);
    expect(await migrationsCurrent(db)).toBe(true);

    expect(await migrate(db)).toEqual([]);
    expect(await db.query('SELECT version FROM schema_migrations')).toEqual([{ version: 1 }]);
  });

  it('refuses a migration file changed after it was applied', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001_init.sql'), `${readFileSync(join(MIGRATIONS_DIR, '0001_init.sql'), 'utf8')}\n-- edited\n`);
    await expect(migrate(db, { dir })).rejects.toThrow(
      'Migration 0001_init.sql was changed after it was applied to this database; restore the file and put the change in a new migration.',
    );
  });

  it('refuses a database with a migration newer than the code', async () => {
    await db.query("INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (2, 'future', 'x', now())");
    try {
      await expect(migrate(db)).rejects.toThrow(
        "The database has migration 0002_future, newer than this server knows; run the server version that applied it, or a later one.",
      );
    } finally {
      await db.query('DELETE FROM schema_migrations WHERE version = 2');
    }
  });
});

describe('two servers migrating together', () => {
  it('apply each migration once, in order', async () => {
    const dir = tempDir();
    copyFileSync(join(MIGRATIONS_DIR, '0001_init.sql'), join(dir, '0001_init.sql'));
    // The sleep widens the window in which a second migrator without the lock would apply 0002 again.
    writeFileSync(join(dir, '0002_extra.sql'), 'CREATE TABLE extra (org_id text PRIMARY KEY);\nSELECT pg_sleep(0.3);\n');
    const { db, url } = await freshDb();
    const other = openPgDb({ connectionString: url });
    dbs.push(other);

    const [a, b] = await Promise.all([migrate(db, { dir }), migrate(other, { dir })]);
    expect([...a, ...b].map((m) => m.file).sort()).toEqual(['0001_init.sql', '0002_extra.sql']);
    expect(await db.query('SELECT version, name FROM schema_migrations ORDER BY version')).toEqual([
      { version: 1, name: 'init' },
      { version: 2, name: 'extra' },
    ]);
    expect(await migrationsCurrent(other, dir)).toBe(true);
  });
});
