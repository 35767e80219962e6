// The PostgreSQL schema, numbered like the SQLite one (migrations/index.ts) so that a given id means the same
// tables on both adapters. Applied by applyPostgresMigrations.ts under an advisory lock. Add a new entry at
// the end; never edit one that has shipped.
import type { Migration } from './index.js';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'events and commands',
    sql: `
      -- The log: one row per event, stored forever. The primary key is the optimistic-concurrency guard.
      -- data is TEXT, not jsonb: the event's JSON comes back byte for byte as written, as on SQLite.
      CREATE TABLE events (
        engagement_id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (engagement_id, version)
      );

      -- Idempotency: one row per applied command that carried a commandId, written with its events.
      CREATE TABLE commands (
        command_id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        result TEXT NOT NULL
      );
    `,
  },
  {
    id: 2,
    name: 'state snapshots',
    sql: `
      -- A cache, never the truth (see migrations/index.ts, id 2): one row per engagement, the latest.
      CREATE TABLE snapshots (
        engagement_id TEXT NOT NULL PRIMARY KEY,
        version INTEGER NOT NULL CHECK (version >= 1),
        schema INTEGER NOT NULL,
        state TEXT NOT NULL
      );
    `,
  },
];
