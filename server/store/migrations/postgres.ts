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
  {
    id: 3,
    name: 'append in one round trip',
    sql: `
      -- One append as one statement (its own transaction when called alone): the engagement's advisory lock
      -- (class 1131376247, see postgresEventStore.ts), the head check, the events, the command rows and the
      -- wake-up. A stale expectedVersion raises SQLSTATE CV409 with the current head as DETAIL; the UNIQUE keys
      -- raise 23505 as before. Seven round trips become one.
      CREATE FUNCTION convene_append(
        p_engagement TEXT, p_expected INTEGER, p_types TEXT[], p_ats TEXT[], p_data TEXT[],
        p_command_ids TEXT[], p_fingerprints TEXT[], p_results TEXT[]
      ) RETURNS VOID LANGUAGE plpgsql AS $fn$
      DECLARE
        head INTEGER;
        n INTEGER := COALESCE(array_length(p_types, 1), 0);
      BEGIN
        PERFORM pg_advisory_xact_lock(1131376247, hashtext(p_engagement));
        SELECT COALESCE(MAX(version), 0) INTO head FROM events WHERE engagement_id = p_engagement;
        IF head <> p_expected THEN
          RAISE EXCEPTION 'version conflict' USING ERRCODE = 'CV409', DETAIL = head::text;
        END IF;
        INSERT INTO events (engagement_id, version, type, at, data)
          SELECT p_engagement, p_expected + e.i, e.type, e.at, e.data
          FROM unnest(p_types, p_ats, p_data) WITH ORDINALITY AS e(type, at, data, i);
        INSERT INTO commands (command_id, engagement_id, fingerprint, result)
          SELECT c.id, p_engagement, c.fingerprint, c.result FROM unnest(p_command_ids, p_fingerprints, p_results) AS c(id, fingerprint, result);
        IF n > 0 THEN
          PERFORM pg_notify('convene_events', p_engagement || ':' || (p_expected + n));
        END IF;
      END
      $fn$;
    `,
  },
  {
    id: 4,
    name: 'invitations by code hash',
    // Several instances: an invitation created on another instance is found by its code's hash before this
    // one has heard of it (redemption, INV-3). Partial: only the rows that name a code.
    sql: `
      CREATE INDEX events_invitation_code ON events (((data::jsonb) ->> 'codeHash')) WHERE type = 'invitation.created';
    `,
  },
  {
    id: 5,
    name: 'attachments',
    // Several instances: an upload to one is read by every other (server/attachments/postgresAttachmentStore.ts).
    // The metadata as the same JSON text the file store keeps beside each blob.
    sql: `
      CREATE TABLE attachments (
        engagement_id TEXT NOT NULL,
        id UUID NOT NULL,
        meta TEXT NOT NULL,
        bytes BYTEA NOT NULL,
        PRIMARY KEY (engagement_id, id)
      );
    `,
  },
  {
    id: 6,
    name: 'breakout rounds by id',
    // Several instances: a LiveKit webhook names only a room (`breakout-<roundId>-<n>`); an instance that has not
    // heard of the round yet finds its engagement here.
    sql: `
      CREATE INDEX events_breakout_round ON events (((data::jsonb) ->> 'roundId')) WHERE type = 'breakouts.planned';
    `,
  },
];
