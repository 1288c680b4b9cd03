/**
 * Versioned schema migrations (issue 13): `server/migrations/NNNN_name.sql`, applied in order, each in its own
 * transaction, recorded in `schema_migrations` with the file's SHA-256. The same code runs on PostgreSQL and PGlite.
 * A transaction-scoped advisory lock makes servers that start together apply each migration once. A server refuses to
 * start when an applied file was changed or the database has a migration this code does not know.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db/sql.ts';

/** The folder of the migrations shipped with this code. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Key of the advisory lock held while migrating ('vdmi' as a number); any constant works, it must just be shared. */
const MIGRATION_LOCK_KEY = 0x76646d69;

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** One migration file. */
export interface Migration {
  version: number;
  /** The part after the number, without `.sql`: `init`. */
  name: string;
  /** `0001_init.sql` */
  file: string;
  sql: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
}

/** A migration problem that stops the server; its message is one sentence for the operator. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

const cache = new Map<string, Migration[]>();

/** The migration files of dir, by version (read once per folder). */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const cached = cache.get(dir);
  if (cached) return cached;
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new MigrationError(`The migration file ${file} is not named NNNN_name.sql (lowercase name).`);
    const bytes = readFileSync(join(dir, file));
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version)) throw new MigrationError(`Two migration files have the number ${match[1]}.`);
    migrations.push({ version, name: match[2], file, sql: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  cache.set(dir, migrations);
  return migrations;
}

interface AppliedRow extends Record<string, unknown> {
  version: number;
  name: string;
  sha256: string;
}

/** Throws when the applied migrations do not match the files (a changed file, an unknown or missing one). */
function checkApplied(applied: readonly AppliedRow[], migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  for (const row of applied) {
    const label = `${String(row.version).padStart(4, '0')}_${row.name}`;
    const migration = migrations.find((m) => m.version === row.version);
    if (!migration && row.version > latest) {
      throw new MigrationError(`The database has migration ${label}, newer than this server knows; run the server version that applied it, or a later one.`);
    }
    if (!migration) throw new MigrationError(`The database has migration ${label}, whose file is missing from the server's migrations folder.`);
    if (migration.sha256 !== row.sha256) {
      throw new MigrationError(`Migration ${migration.file} was changed after it was applied to this database; restore the file and put the change in a new migration.`);
    }
  }
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version     integer PRIMARY KEY,
  name        text NOT NULL,
  sha256      text NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now()
)`;

export interface MigrateOptions {
  /** Folder of the NNNN_name.sql files (default: the shipped migrations). */
  dir?: string;
  /** Called after each migration is committed. */
  onApplied?: (migration: Migration) => void;
}

/** Applies every pending migration in order; returns those this call applied (empty when the schema is current). */
export async function migrate(db: Db, options: MigrateOptions = {}): Promise<Migration[]> {
  const migrations = readMigrations(options.dir);
  const done: Migration[] = [];
  for (;;) {
    // One transaction per migration; the lock (released at COMMIT/ROLLBACK) serialises servers starting together, and
    // the applied list is read again under it, so a migration another server just applied is not applied twice.
    const next = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      await tx.query(CREATE_TABLE);
      const applied = await tx.query<AppliedRow>('SELECT version, name, sha256 FROM schema_migrations ORDER BY version');
      checkApplied(applied, migrations);
      const pending = migrations.find((m) => !applied.some((row) => row.version === m.version));
      if (!pending) return null;
      try {
        await tx.query(pending.sql);
      } catch (e) {
        throw new MigrationError(`Migration ${pending.file} failed: ${e instanceof Error ? e.message : String(e)}.`);
      }
      await tx.query('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES ($1, $2, $3, now())', [
        pending.version,
        pending.name,
        pending.sha256,
      ]);
      return pending;
    });
    if (!next) return done;
    done.push(next);
    options.onApplied?.(next);
  }
}

/**
 * The migrations of the code not yet applied to db (all of them on a new database). Throws when db does not answer.
 * `source`: their folder (read now), or the migrations already read (readiness reads the files once, at start).
 */
export async function pendingMigrations(db: Db, source?: string | readonly Migration[]): Promise<Migration[]> {
  const migrations = typeof source === 'object' ? source : readMigrations(source);
  const [table] = await db.query<{ name: string | null }>("SELECT to_regclass('schema_migrations')::text AS name");
  if (!table?.name) return [...migrations];
  const applied = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
  return migrations.filter((m) => !applied.some((row) => row.version === m.version));
}

/** True when every migration of the code is applied (readiness). Throws when db does not answer. */
export async function migrationsCurrent(db: Db, dir?: string): Promise<boolean> {
  return (await pendingMigrations(db, dir)).length === 0;
}
