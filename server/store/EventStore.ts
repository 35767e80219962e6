// The event log's contract. SQLite implements it today (sqliteEventStore.ts); PostgreSQL can follow behind
// the same interface (DATABASE_URL). The log is append-only: versions are contiguous per engagement (1, 2, 3,
// …), a conflict is caught by the UNIQUE(engagement_id, version) key, and a command's idempotency row is
// written in the same transaction as its events, so a crash can never separate them. Every method returns a
// promise, so that a store whose driver is asynchronous (a database over the network) fits the same write path.
import type { EngagementEvent, StoredEvent } from '../domain/events.js';

/** A command that was applied, as remembered for safe retries (same commandId → same result). */
export interface StoredCommand {
  commandId: string;
  engagementId: string;
  /** sha256 (hex) of the canonical command, engagement and actor: a different body under the same id is 422. */
  fingerprint: string;
  result: unknown;
}

export interface CommandRecord {
  commandId: string;
  fingerprint: string;
  result: unknown;
}

/**
 * An engagement's folded state at `version`, as last saved. A cache beside the log, never the truth: the
 * reader checks `schema` against STATE_SCHEMA_VERSION and `version` against the log's head, and folds
 * from the start when either is off.
 */
export interface StoredSnapshot {
  version: number;
  schema: number;
  /** The state as JSON text, exactly as given to saveSnapshot (parsed by the reader). */
  state: string;
}

/** What the log needs of an event: its type and time are columns, the rest is kept as JSON. */
export interface LoggedEvent {
  type: string;
  at: string;
}

/**
 * Aggregates other than the engagement keep their streams in the same tables, under `<namespace>:<id>` (a
 * process: `process:<id>`). An engagement id is a UUID and never has this shape, so the streams cannot meet;
 * versions, the UNIQUE key, the command rows and the advisory lock are then the same code on both adapters.
 */
export const STREAM_NAMESPACES = ['process'] as const;
export type StreamNamespace = (typeof STREAM_NAMESPACES)[number];
export const streamKey = (namespace: StreamNamespace, id: string): string => `${namespace}:${id}`;

export interface EventStore {
  readonly kind: 'sqlite' | 'postgres';
  /** The id of every engagement that has events, in a stable order (start-up reads each from its snapshot); no namespaced stream. */
  engagementIds(): Promise<string[]>;
  /** The ids (without the prefix) of every stream of this namespace that has events, in a stable order. */
  streamIds(namespace: StreamNamespace): Promise<string[]>;
  /** The events of one engagement with a version above `afterVersion` (default 0), in order. */
  load(engagementId: string, afterVersion?: number): Promise<StoredEvent[]>;
  /**
   * Appends `events` as versions expectedVersion+1 … in one transaction, together with the command row(s)
   * when given (several when commands are group-committed). Throws AppError VERSION_CONFLICT when the
   * engagement is no longer at `expectedVersion`, CommandAlreadyRecorded when a commandId is taken, AppError
   * STORAGE_UNAVAILABLE on I/O failure. Nothing is written unless everything is.
   */
  append<E extends LoggedEvent = EngagementEvent>(
    engagementId: string,
    expectedVersion: number,
    events: readonly E[],
    command?: CommandRecord | readonly CommandRecord[],
  ): Promise<(E & { version: number })[]>;
  findCommand(commandId: string): Promise<StoredCommand | null>;
  /**
   * Keeps `stateJson` as the engagement's snapshot at `version`, replacing the one before (one per
   * engagement). Its own small transaction, never a command's: a failure (STORAGE_UNAVAILABLE) loses
   * nothing but start-up time.
   */
  saveSnapshot(engagementId: string, version: number, schema: number, stateJson: string): Promise<void>;
  /** The engagement's latest snapshot, or null. Unchecked: see StoredSnapshot. */
  loadSnapshot(engagementId: string): Promise<StoredSnapshot | null>;
  /**
   * Several instances (PostgreSQL only): the engagement whose log created the invitation with this code hash,
   * or null; lets an instance redeem a code created on another one before it heard of it. Absent on SQLite,
   * whose one process holds every invitation in memory.
   */
  engagementOfInvitation?(codeHash: string): Promise<string | null>;
  /** Several instances (PostgreSQL only): the engagement that planned this breakout round, or null (LiveKit webhooks). */
  engagementOfBreakoutRound?(roundId: string): Promise<string | null>;
  /** Idempotent. */
  close(): Promise<void>;
}

/** The commandId was recorded meanwhile (another engagement, another instance): the caller compares fingerprints. */
export class CommandAlreadyRecorded extends Error {
  constructor(readonly existing: StoredCommand) {
    super(`Command ${existing.commandId} was already recorded`);
    this.name = 'CommandAlreadyRecorded';
  }
}
