import type Database from 'better-sqlite3';
import type { Migration } from './migrations/index.js';

/**
 * Brings the schema up to date: applies, in id order, every migration not yet recorded in
 * `schema_migrations`, each inside one transaction with its record (a failed migration leaves nothing).
 * Returns the ids applied now; a second run is a no-op.
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`);
  const done = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as number[]);
  const record = db.prepare('INSERT INTO schema_migrations (id, name) VALUES (?, ?)');
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
    if (done.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, migration.name);
    }).immediate();
    applied.push(migration.id);
  }
  return applied;
}
