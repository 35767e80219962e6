import type { ClientBase } from 'pg';
import type { Migration } from './migrations/index.js';

/**
 * The session advisory lock every instance takes before it looks at the schema, so that two instances
 * starting together do not both create the same table (CREATE TABLE IF NOT EXISTS is not safe against a
 * concurrent twin in PostgreSQL). The two-key form keeps it apart from the per-engagement locks.
 */
export const MIGRATION_LOCK: readonly [number, number] = [0x436f6e76, 0];

/**
 * Brings the schema up to date, as applyMigrations.ts does for SQLite: every migration not yet recorded in
 * `schema_migrations`, in id order, each in one transaction with its record. The lock is held for the whole
 * run, so the second instance waits, then finds everything applied. Returns the ids applied now.
 */
export async function applyPostgresMigrations(client: ClientBase, migrations: readonly Migration[]): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ id: number }>('SELECT id FROM schema_migrations');
    const done = new Set(rows.map((row) => row.id));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(migration.id)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      applied.push(migration.id);
    }
    return applied;
  } finally {
    // A lost connection releases the lock by itself; only a live one needs the unlock.
    await client.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]).catch(() => undefined);
  }
}
