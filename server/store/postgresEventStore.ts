// The event log on PostgreSQL (node-postgres 8), for several instances on one database (DATABASE_URL). The
// same guarantees as sqliteEventStore.ts: UNIQUE(engagement_id, version) and UNIQUE(command_id) inside the
// append's transaction, nothing written unless everything is. What several instances add:
// - an advisory transaction lock per engagement, so that appends to one engagement queue in the database
//   instead of failing each other with version conflicts (another engagement's appends do not wait);
// - a NOTIFY on `convene_events` with `<engagementId>:<last version>` at the end of each append, delivered
//   by PostgreSQL only when the transaction commits: a wake-up for the other instances, the table is the truth;
// - migrations under an advisory lock (applyPostgresMigrations.ts), so that instances may start together.
import pg from 'pg';
import { AppError } from '../appError.js';
import type { EngagementEvent, StoredEvent } from '../domain/events.js';
import { applyPostgresMigrations } from './applyPostgresMigrations.js';
import {
  CommandAlreadyRecorded,
  STREAM_NAMESPACES,
  type CommandRecord,
  type EventStore,
  type LoggedEvent,
  type StoredCommand,
  type StoredSnapshot,
} from './EventStore.js';
import type { Migration } from './migrations/index.js';
import { POSTGRES_MIGRATIONS } from './migrations/postgres.js';
import { describePostgresFailure } from './postgresFailure.js';

/** The channel of the commit wake-ups (also in migrations/postgres.ts, id 3); the payload is `<engagementId>:<version>` (the last version appended). */
export const EVENTS_CHANNEL = 'convene_events';
/** First key of the per-engagement advisory lock; the second is hashtext(engagement id). Also in migrations/postgres.ts (id 3). */
export const ENGAGEMENT_LOCK_CLASS = 0x436f6e77;

export interface PostgresEventStoreOptions {
  /** The schema to bring the database up to; tests pass a longer list to prove that a newer migration applies. */
  migrations?: readonly Migration[];
  /** Connections per instance (default 10). */
  poolSize?: number;
  /** How long a request waits for a free connection before it answers STORAGE_UNAVAILABLE (default 5 s): never a hang. */
  connectionTimeoutMs?: number;
  /** Client-side limit on one query, lock waits included (default 15 s): a silent network loses no request forever. */
  queryTimeoutMs?: number;
  /** Shown in pg_stat_activity (default `convene`): lets an operator tell Convene's connections apart. */
  applicationName?: string;
  /** Told about errors of idle connections (a restart of PostgreSQL): the pool replaces them by itself. */
  onIdleError?: (error: Error) => void;
}

export interface PostgresEventStore extends EventStore {
  readonly kind: 'postgres';
}

/** Maps a connection failure to STORAGE_UNAVAILABLE (503, plain words); anything else is rethrown unchanged. */
async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError || error instanceof CommandAlreadyRecorded) throw error;
    const reason = describePostgresFailure(error);
    if (reason === null) throw error;
    throw new AppError(
      'STORAGE_UNAVAILABLE',
      `The server could not ${what}: its database cannot be reached right now (${reason}). Nothing was changed; try again shortly, and tell the operator if it persists.`,
      { cause: reason },
    );
  }
}

/** The pool, with the schema brought up to date under the migrations' advisory lock; closed again if that fails. */
async function openMigratedPool(url: string, options: PostgresEventStoreOptions): Promise<pg.Pool> {
  const queryTimeoutMs = options.queryTimeoutMs ?? 15_000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
    // The server cancels a statement first (lock waits included, SQLSTATE 57014); the client-side limit a
    // second later covers a network that went silent. A transaction left open by a vanished client would hold
    // its engagement's lock: PostgreSQL ends it.
    statement_timeout: queryTimeoutMs,
    query_timeout: queryTimeoutMs + 1000,
    idle_in_transaction_session_timeout: 30_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: options.applicationName ?? 'convene',
  });
  // Without a listener an idle connection's error (PostgreSQL restarted) would crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    await guard('open the event log', async () => {
      const client = await pool.connect();
      try {
        await applyPostgresMigrations(client, options.migrations ?? POSTGRES_MIGRATIONS);
        client.release();
      } catch (error) {
        client.release(true);
        throw error;
      }
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return pool;
}

// Namespaced streams (`process:<id>`, EventStore.ts) are not engagements. COLLATE "C": byte order, the same
// stable order as SQLite's, whatever the database's locale.
const NAMESPACE_PREFIXES = STREAM_NAMESPACES.map((namespace) => `${namespace}:`);
const SELECT_ENGAGEMENT_IDS = `SELECT engagement_id FROM events WHERE ${NAMESPACE_PREFIXES.map((prefix, i) => `substr(engagement_id, 1, ${prefix.length}) <> $${i + 1}`).join(' AND ')}
  GROUP BY engagement_id ORDER BY engagement_id COLLATE "C"`;
const SELECT_STREAM_IDS = `SELECT engagement_id FROM events WHERE substr(engagement_id, 1, length($1)) = $1
  GROUP BY engagement_id ORDER BY engagement_id COLLATE "C"`;

/** One query on a connection of its own; a connection that failed is destroyed, never reused. */
async function onConnection<T>(pool: pg.Pool, run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const result = await run(client);
    client.release();
    return result;
  } catch (error) {
    client.release(describePostgresFailure(error) !== null ? true : undefined);
    throw error;
  }
}

async function readCommand(pool: pg.Pool, commandId: string): Promise<StoredCommand | null> {
  const { rows } = await pool.query<{ command_id: string; engagement_id: string; fingerprint: string; result: string }>(
    'SELECT command_id, engagement_id, fingerprint, result FROM commands WHERE command_id = $1',
    [commandId],
  );
  const row = rows[0];
  return row
    ? { commandId: row.command_id, engagementId: row.engagement_id, fingerprint: row.fingerprint, result: JSON.parse(row.result) }
    : null;
}

export async function openPostgresEventStore(url: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
  const pool = await openMigratedPool(url, options);

  const head = async (client: pg.Pool | pg.ClientBase, engagementId: string): Promise<number> => {
    const { rows } = await client.query<{ head: number }>('SELECT COALESCE(MAX(version), 0) AS head FROM events WHERE engagement_id = $1', [
      engagementId,
    ]);
    return rows[0]!.head;
  };

  /**
   * One statement, hence one transaction and one round trip: convene_append (migrations/postgres.ts, id 3)
   * takes the engagement's advisory lock (appends to one engagement queue across every instance until the
   * commit), checks the head, inserts the events and command rows, and sends the wake-up.
   */
  const appendTx = async <E extends LoggedEvent>(
    engagementId: string,
    expectedVersion: number,
    events: readonly E[],
    commands: readonly CommandRecord[],
  ): Promise<(E & { version: number })[]> => {
    const stored = events.map((event, i) => ({ ...event, version: expectedVersion + 1 + i }));
    try {
      await onConnection(pool, (client) =>
        client.query('SELECT convene_append($1, $2, $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])', [
          engagementId,
          expectedVersion,
          stored.map((event) => event.type),
          stored.map((event) => event.at),
          stored.map(({ version: _version, ...body }) => JSON.stringify(body)),
          commands.map((c) => c.commandId),
          commands.map((c) => c.fingerprint),
          commands.map((c) => JSON.stringify(c.result)),
        ]),
      );
    } catch (error) {
      const { code, detail } = error as { code?: string; detail?: string };
      if (code === 'CV409') throw conflict(engagementId, expectedVersion, Number(detail));
      throw error;
    }
    return stored;
  };

  let closing: Promise<void> | null = null;

  return {
    kind: 'postgres',
    engagementIds() {
      return guard('read the event log', async () => {
        const { rows } = await pool.query<{ engagement_id: string }>(SELECT_ENGAGEMENT_IDS, NAMESPACE_PREFIXES);
        return rows.map((row) => row.engagement_id);
      });
    },
    streamIds(namespace) {
      return guard('read the event log', async () => {
        const prefix = `${namespace}:`;
        const { rows } = await pool.query<{ engagement_id: string }>(SELECT_STREAM_IDS, [prefix]);
        return rows.map((row) => row.engagement_id.slice(prefix.length));
      });
    },
    load(engagementId, afterVersion = 0) {
      return guard('read the event log', async () => {
        const { rows } = await pool.query<{ version: number; data: string }>(
          'SELECT version, data FROM events WHERE engagement_id = $1 AND version > $2 ORDER BY version',
          [engagementId, afterVersion],
        );
        return rows.map((row) => ({ ...(JSON.parse(row.data) as EngagementEvent), version: row.version }) as StoredEvent);
      });
    },
    append<E extends LoggedEvent>(
      engagementId: string,
      expectedVersion: number,
      events: readonly E[],
      command?: CommandRecord | readonly CommandRecord[],
    ) {
      const commands =
        command === undefined ? [] : 'commandId' in command ? [command as CommandRecord] : (command as readonly CommandRecord[]);
      return guard('record the change', async () => {
        try {
          return await appendTx(engagementId, expectedVersion, events, commands);
        } catch (error) {
          const { code, constraint } = error as { code?: string; constraint?: string };
          if (code !== '23505') throw error;
          if (constraint === 'commands_pkey') {
            // The other transaction committed before ours failed (a unique check waits for it): the row is visible.
            for (const { commandId } of commands) {
              const existing = await readCommand(pool, commandId);
              if (existing) throw new CommandAlreadyRecorded(existing);
            }
          }
          if (constraint === 'events_pkey') throw conflict(engagementId, expectedVersion, await head(pool, engagementId));
          throw error;
        }
      });
    },
    findCommand(commandId) {
      return guard('read the event log', () => readCommand(pool, commandId));
    },
    saveSnapshot(engagementId, version, schema, stateJson) {
      return guard('save a snapshot of the state', async () => {
        await pool.query(
          `INSERT INTO snapshots (engagement_id, version, schema, state) VALUES ($1, $2, $3, $4)
           ON CONFLICT (engagement_id) DO UPDATE SET version = excluded.version, schema = excluded.schema, state = excluded.state`,
          [engagementId, version, schema, stateJson],
        );
      });
    },
    loadSnapshot(engagementId) {
      return guard('read a snapshot of the state', async () => {
        const { rows } = await pool.query<StoredSnapshot>('SELECT version, schema, state FROM snapshots WHERE engagement_id = $1', [
          engagementId,
        ]);
        return rows[0] ?? null;
      });
    },
    engagementOfInvitation(codeHash) {
      return guard('read the event log', async () => {
        const { rows } = await pool.query<{ engagement_id: string }>(
          `SELECT engagement_id FROM events WHERE type = 'invitation.created' AND ((data::jsonb) ->> 'codeHash') = $1 LIMIT 1`,
          [codeHash],
        );
        return rows[0]?.engagement_id ?? null;
      });
    },
    engagementOfBreakoutRound(roundId) {
      return guard('read the event log', async () => {
        const { rows } = await pool.query<{ engagement_id: string }>(
          `SELECT engagement_id FROM events WHERE type = 'breakouts.planned' AND ((data::jsonb) ->> 'roundId') = $1 LIMIT 1`,
          [roundId],
        );
        return rows[0]?.engagement_id ?? null;
      });
    },
    close() {
      closing ??= pool.end().catch(() => undefined);
      return closing;
    },
  };
}

function conflict(engagementId: string, expected: number, current: number): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    `The engagement is at version ${current}, not ${expected}: someone changed it meanwhile. Reload it and try again.`,
    { engagementId, expectedVersion: expected, currentVersion: current },
  );
}
