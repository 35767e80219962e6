// The event log's contract. SQLite implements it today (sqliteEventStore.ts); PostgreSQL can follow behind
// the same interface (DATABASE_URL). The log is append-only: versions are contiguous per engagement (1, 2, 3,
// …), a conflict is caught by the UNIQUE(engagement_id, version) key, and a command's idempotency row is
// written in the same transaction as its events, so a crash can never separate them.
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

export interface EventStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Every engagement's events in version order, one engagement at a time (for the fold at start-up). */
  loadAll(): Iterable<{ engagementId: string; events: StoredEvent[] }>;
  /** The events of one engagement with a version above `afterVersion`, in order. */
  load(engagementId: string, afterVersion?: number): StoredEvent[];
  /**
   * Appends `events` as versions expectedVersion+1 … in one transaction, together with the command row(s)
   * when given (several when commands are group-committed). Throws AppError VERSION_CONFLICT when the
   * engagement is no longer at `expectedVersion`, CommandAlreadyRecorded when a commandId is taken, AppError
   * STORAGE_UNAVAILABLE on I/O failure. Nothing is written unless everything is.
   */
  append(
    engagementId: string,
    expectedVersion: number,
    events: EngagementEvent[],
    command?: CommandRecord | readonly CommandRecord[],
  ): StoredEvent[];
  findCommand(commandId: string): StoredCommand | null;
  /** Idempotent. */
  close(): void;
}

/** The commandId was recorded meanwhile (another engagement, another instance): the caller compares fingerprints. */
export class CommandAlreadyRecorded extends Error {
  constructor(readonly existing: StoredCommand) {
    super(`Command ${existing.commandId} was already recorded`);
    this.name = 'CommandAlreadyRecorded';
  }
}
