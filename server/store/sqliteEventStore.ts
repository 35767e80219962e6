// The event log on SQLite (better-sqlite3 12): WAL with synchronous=FULL so that an acknowledged command
// survives a power cut (writes are human-rate, one fsync per commit is affordable), one writer connection,
// prepared statements. better-sqlite3 is synchronous: each method does its work at once and returns a settled
// promise (EventStore is asynchronous for stores that are not), and a failure becomes a rejection.
import Database from 'better-sqlite3';
import { AppError } from '../appError.js';
import type { EngagementEvent, StoredEvent } from '../domain/events.js';
import { applyMigrations } from './applyMigrations.js';
import {
  CommandAlreadyRecorded,
  STREAM_NAMESPACES,
  type CommandRecord,
  type EventStore,
  type LoggedEvent,
  type StoredCommand,
  type StoredSnapshot,
} from './EventStore.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export interface SqliteEventStoreOptions {
  /** The schema to bring the file up to; tests pass a longer list to prove that a newer migration applies. */
  migrations?: readonly Migration[];
  busyTimeoutMs?: number;
}

/** SQLite result codes that mean "the disk or the file cannot take writes", not a bug of ours. */
const STORAGE_CODES = /^SQLITE_(READONLY|FULL|CANTOPEN|IOERR|BUSY|LOCKED|NOMEM|PERM|CORRUPT|NOTADB)/;

function isStorageFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return STORAGE_CODES.test(code);
  // better-sqlite3 reports these before SQLite is reached.
  return /directory does not exist|connection is not open/.test(error.message);
}

/** Maps an I/O failure to STORAGE_UNAVAILABLE (503, plain words); anything else is rethrown unchanged. */
function guard<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AppError || error instanceof CommandAlreadyRecorded) throw error;
    if (isStorageFailure(error)) {
      const code = (error as { code?: string }).code ?? 'closed';
      throw new AppError(
        'STORAGE_UNAVAILABLE',
        `The server could not ${what}: its database cannot be written or read right now (${code}). Nothing was changed; try again shortly, and tell the operator if it persists.`,
        { cause: code },
      );
    }
    throw error;
  }
}

export function openSqliteEventStore(file: string, options: SqliteEventStoreOptions = {}): EventStore {
  const db = guard('open the event log', () => {
    const handle = new Database(file);
    try {
      handle.pragma('journal_mode = WAL');
      handle.pragma('synchronous = FULL');
      handle.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
      handle.pragma('foreign_keys = ON');
      applyMigrations(handle, options.migrations ?? MIGRATIONS);
      return handle;
    } catch (error) {
      handle.close();
      throw error;
    }
  });

  const head = db.prepare('SELECT COALESCE(MAX(version), 0) FROM events WHERE engagement_id = ?').pluck();
  const insertEvent = db.prepare('INSERT INTO events (engagement_id, version, type, at, data) VALUES (?, ?, ?, ?, ?)');
  const insertCommand = db.prepare('INSERT INTO commands (command_id, engagement_id, fingerprint, result) VALUES (?, ?, ?, ?)');
  const selectEvents = db.prepare('SELECT version, data FROM events WHERE engagement_id = ? AND version > ? ORDER BY version');
  // Namespaced streams (`process:<id>`, EventStore.ts) are not engagements.
  const selectIds = db
    .prepare(
      `SELECT DISTINCT engagement_id FROM events WHERE ${STREAM_NAMESPACES.map(() => 'substr(engagement_id, 1, ?) <> ?').join(' AND ')} ORDER BY engagement_id`,
    )
    .pluck();
  const namespaceArgs = STREAM_NAMESPACES.flatMap((namespace) => [namespace.length + 1, `${namespace}:`]);
  const selectStreamIds = db
    .prepare('SELECT DISTINCT substr(engagement_id, ? + 1) FROM events WHERE substr(engagement_id, 1, ?) = ? ORDER BY engagement_id')
    .pluck();
  const selectCommand = db.prepare('SELECT command_id, engagement_id, fingerprint, result FROM commands WHERE command_id = ?');
  const upsertSnapshot = db.prepare(
    `INSERT INTO snapshots (engagement_id, version, schema, state) VALUES (?, ?, ?, ?)
     ON CONFLICT (engagement_id) DO UPDATE SET version = excluded.version, schema = excluded.schema, state = excluded.state`,
  );
  const selectSnapshot = db.prepare('SELECT version, schema, state FROM snapshots WHERE engagement_id = ?');
  let closed = false;

  const readCommand = (commandId: string): StoredCommand | null => {
    const row = selectCommand.get(commandId) as
      | { command_id: string; engagement_id: string; fingerprint: string; result: string }
      | undefined;
    return row
      ? { commandId: row.command_id, engagementId: row.engagement_id, fingerprint: row.fingerprint, result: JSON.parse(row.result) }
      : null;
  };

  const readEvents = (engagementId: string, afterVersion = 0): StoredEvent[] =>
    guard('read the event log', () =>
      (selectEvents.all(engagementId, afterVersion) as { version: number; data: string }[]).map(
        (row) => ({ ...(JSON.parse(row.data) as EngagementEvent), version: row.version }) as StoredEvent,
      ),
    );

  const appendTx = db.transaction(
    (
      engagementId: string,
      expectedVersion: number,
      events: readonly LoggedEvent[],
      commands: readonly CommandRecord[],
    ): (LoggedEvent & { version: number })[] => {
      const current = head.get(engagementId) as number;
      if (current !== expectedVersion) throw conflict(engagementId, expectedVersion, current);
      const stored = events.map((event, i) => ({ ...event, version: expectedVersion + 1 + i }));
      for (const event of stored) {
        const { version, ...body } = event;
        insertEvent.run(engagementId, version, event.type, event.at, JSON.stringify(body));
      }
      for (const command of commands) {
        insertCommand.run(command.commandId, engagementId, command.fingerprint, JSON.stringify(command.result));
      }
      return stored;
    },
  );

  return {
    kind: 'sqlite',
    async engagementIds() {
      return guard('read the event log', () => selectIds.all(...namespaceArgs) as string[]);
    },
    async streamIds(namespace) {
      const prefix = `${namespace}:`;
      return guard('read the event log', () => selectStreamIds.all(prefix.length, prefix.length, prefix) as string[]);
    },
    async load(engagementId, afterVersion) {
      return readEvents(engagementId, afterVersion);
    },
    async append<E extends LoggedEvent>(
      engagementId: string,
      expectedVersion: number,
      events: readonly E[],
      command?: CommandRecord | readonly CommandRecord[],
    ) {
      const commands =
        command === undefined ? [] : 'commandId' in command ? [command as CommandRecord] : (command as readonly CommandRecord[]);
      return guard('record the change', () => {
        try {
          return appendTx.immediate(engagementId, expectedVersion, events, commands) as (E & { version: number })[];
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
            const message = (error as Error).message;
            if (message.includes('commands.')) {
              for (const { commandId } of commands) {
                const existing = readCommand(commandId);
                if (existing) throw new CommandAlreadyRecorded(existing);
              }
            }
            if (message.includes('events.')) throw conflict(engagementId, expectedVersion, head.get(engagementId) as number);
          }
          throw error;
        }
      });
    },
    async findCommand(commandId) {
      return guard('read the event log', () => readCommand(commandId));
    },
    async saveSnapshot(engagementId, version, schema, stateJson) {
      guard('save a snapshot of the state', () => {
        upsertSnapshot.run(engagementId, version, schema, stateJson);
      });
    },
    async loadSnapshot(engagementId) {
      return guard('read a snapshot of the state', () => (selectSnapshot.get(engagementId) as StoredSnapshot | undefined) ?? null);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        // Folds the WAL back into the file so that a copy of the closed database is whole; a failure here
        // (read-only disk) loses nothing, since the WAL itself is durable and replayed on the next open.
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // see above
      }
      db.close();
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
