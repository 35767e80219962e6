// The schema, as numbered migrations applied in order, each in its own transaction, and recorded in
// `schema_migrations`. Add a new entry at the end; never edit one that has shipped.

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'events and commands',
    sql: `
      -- The log: one row per event, stored forever. The primary key is the optimistic-concurrency guard.
      CREATE TABLE events (
        engagement_id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (engagement_id, version)
      ) WITHOUT ROWID;

      -- Idempotency: one row per applied command that carried a commandId, written with its events.
      CREATE TABLE commands (
        command_id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        result TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    id: 2,
    name: 'state snapshots',
    sql: `
      -- A cache, never the truth: an engagement's folded state (JSON) at one version, so that a start-up folds
      -- only the events after it. One row per engagement, the latest. Column schema holds the
      -- STATE_SCHEMA_VERSION it was written under (server/domain/stateSchemaVersion.ts); a row with another
      -- number is ignored. Dropping the table loses nothing but start-up time. A rowid table, not WITHOUT
      -- ROWID: its rows are large (megabytes for a long meeting).
      CREATE TABLE snapshots (
        engagement_id TEXT NOT NULL PRIMARY KEY,
        version INTEGER NOT NULL CHECK (version >= 1),
        schema INTEGER NOT NULL,
        state TEXT NOT NULL
      );
    `,
  },
];
