// The seam between HTTP and the write path. `server/http` calls only this; `server/engagements`
// implements it (load → authorize → decide → append in one transaction → evolve → publish after commit).
// The bodies it shares with the wire are the domain's (server/domain/wireContract.ts), which the tab reads too.
import type { AppError } from '../appError.js';
import type { Command } from '../domain/commands.js';
import type { PublishedSummary } from '../domain/summaryReview/state.js';
import type { Actor, Viewer } from '../domain/context.js';
import type { StoredEvent } from '../domain/events.js';
import type { ReplanStrategy, Role } from '../domain/vocabulary.js';
import type { CreateEngagementBody, CreateInvitationBody, EngagementListRow, ReplanPreviewResponse } from '../domain/wireContract.js';
import type { EngagementView } from '../domain/view.js';

export interface SignedInUser {
  userId: string;
  displayName: string;
}

export interface CommandResult {
  version: number;
  events: StoredEvent[];
}

export interface CreatedInvitation {
  invitationId: string;
  /** The secret, shown once; only its sha256 is stored. */
  code: string;
  expiresAt: string;
}

export interface RedeemedInvitation {
  engagementId: string;
  role: Role;
  participantId: string;
  user: SignedInUser;
}

/** One committed event as a subscriber sees it; `event` null: a change this viewer may not see (the version still advances). */
export interface StreamChange {
  version: number;
  event: StoredEvent | null;
}

/** Where the hub writes a subscriber's stream. Framing (SSE) belongs to the HTTP layer. */
export interface StreamSink {
  /** Returns the bytes it queued: a snapshot may be larger than the slow-reader limit, and must not count against it. */
  snapshot(view: EngagementView, serverNow: string): number;
  /**
   * Changes in version order, to be written together. The hub hands the SAME array to every subscriber
   * who sees a batch alike, so a transport can encode it once for all of them.
   */
  changes(batch: readonly StreamChange[]): void;
  /** The hub ends the stream (shutdown, slow reader, revoked): the client should reconnect after `retryMs`. */
  end(retryMs: number, reason: string): void;
  /** Bytes queued but not yet taken by the socket: the hub cuts off readers that fall too far behind. */
  bufferedBytes(): number;
}

export interface EngagementService {
  create(user: SignedInUser, input: CreateEngagementBody): Promise<EngagementView>;
  list(user: SignedInUser): EngagementListRow[];
  /**
   * Several instances on one database: loads an engagement created on another instance that this one has not
   * heard of yet, so that the synchronous reads below find it (a no-op for a known id, and on SQLite). The HTTP
   * layer awaits it before any route naming an engagement.
   */
  lookUp(engagementId: string): Promise<void>;
  /** Throws NOT_FOUND for an unknown engagement. */
  get(engagementId: string, viewer: Viewer): EngagementView;
  /**
   * LIMIT-1: takes a token from the caller's command bucket for this engagement, before the command is even
   * parsed. Returns null, or the RATE_LIMITED refusal (`extra.retryAfterSeconds`) when the caller sends too
   * quickly. Staff and the server are never throttled; an unknown engagement is left to `execute` (404).
   */
  admitCommand(engagementId: string, actor: Actor): AppError | null;
  execute(
    engagementId: string,
    actor: Actor,
    command: Command,
    options?: { commandId?: string; expectedVersion?: number },
  ): Promise<CommandResult>;
  /** SUMMARY-8: issues the internal `summary.publish` as this signed-in user (authorized like any command). */
  publishSummary(
    engagementId: string,
    user: SignedInUser,
    input: { content: string; contentHash: string },
    options?: { expectedVersion?: number },
  ): Promise<CommandResult>;
  /** SUMMARY-VIEW-4: one published version with its content (no view carries it); FORBIDDEN / NOT_FOUND otherwise. */
  publishedSummary(engagementId: string, viewer: Viewer, version?: number): PublishedSummary & { content: string };
  /**
   * SUMMARY-VIEW-2: the engagement as the Chair's team sees it, to build the draft summary for someone who may
   * read the draft (staff, or a reviewer while it is circulated). The body of a summary names no one, so every
   * reader gets the same draft; FORBIDDEN for anyone else.
   */
  draftSummarySource(engagementId: string, viewer: Viewer): EngagementView;
  createInvitation(engagementId: string, user: SignedInUser, input: CreateInvitationBody): Promise<CreatedInvitation>;
  /** Single use: a second redemption, an expired or revoked code → UNAUTHENTICATED (no oracle). */
  redeemInvitation(code: string, displayName?: string): Promise<RedeemedInvitation>;
  replanPreview(
    engagementId: string,
    viewer: Viewer,
    strategy: ReplanStrategy,
    minSeconds?: number,
    questionId?: string,
  ): ReplanPreviewResponse;
  /** Snapshot first unless `lastEventId` can be replayed; then one change per committed event. */
  subscribe(engagementId: string, viewer: Viewer, lastEventId: string | null, sink: StreamSink): () => void;
  /**
   * Several instances: call before `breakoutRound` for a webhook — loads and catches up the round's engagement
   * (found in the log if this instance has not heard of the round yet). A no-op on SQLite.
   */
  lookUpBreakoutRound(roundId: string): Promise<void>;
  /** The engagement a breakout round belongs to and when the round ended (LiveKit webhooks name only a room), or null. */
  breakoutRound(roundId: string): { engagementId: string; endedAt: string | null } | null;
  /** Graceful shutdown: end every stream with a retry hint, wait for in-flight commands, stop timers. */
  close(): Promise<void>;
}
