// The seam between HTTP and a process's write path (docs/processes.md), as EngagementService.ts is for an
// engagement: `server/http/processRoutes.ts` calls only this; `createProcessService.ts` implements it on the
// same commit stage (server/engagements/groupCommit.ts) and the same event store.
import type { Actor, Viewer } from '../domain/context.js';
import type { ProcessCommand, ProcessCommandOf } from '../domain/process/commands.js';
import type { StoredProcessEvent } from '../domain/process/events.js';
import type { ProcessState } from '../domain/process/state.js';
import type { ProcessView } from '../domain/process/visibility.js';
import type { SignedInUser } from '../engagements/EngagementService.js';

export interface ProcessCommandResult {
  version: number;
  events: StoredProcessEvent[];
}

/** One committed event as a subscriber sees it; `event` null: a change this viewer may not see (the version still advances). */
export interface ProcessStreamChange {
  version: number;
  event: StoredProcessEvent | null;
}

/** Where the process hub writes a subscriber's stream (the SSE framing is the engagement's: http/sseStream.ts). */
export interface ProcessStreamSink {
  snapshot(view: ProcessView, serverNow: string): number;
  changes(batch: readonly ProcessStreamChange[]): void;
  end(retryMs: number, reason: string): void;
  bufferedBytes(): number;
}

/** Where a proposal is drafted from (PROPOSAL-12): an intervention, a written input or a line of a room's report. */
export type DraftSource =
  | { kind: 'intervention'; engagementId: string; requestId: string }
  | { kind: 'written-input'; engagementId: string; inputId: string }
  | { kind: 'breakout-report'; engagementId: string; roundId: string; roomId: string; index: number };

export interface ProcessService {
  /** PROCESS-1: issues the internal `process.create`; the creator becomes the process's Chair. */
  create(user: SignedInUser, input: { title: string; description?: string }): Promise<ProcessView>;
  /** NOT_FOUND for an unknown process. A viewer of null is the portal (PROCESS-VIEW-5). */
  get(processId: string, viewer: Viewer | null): ProcessView;
  /** The processes the user is a member of. */
  list(user: SignedInUser): { id: string; title: string; role: string }[];
  /** The whole state, for the annex (ANNEX-2 applies its own non-attribution) and the portal's listing; NOT_FOUND otherwise. */
  stateOf(processId: string): { state: ProcessState; version: number };
  execute(
    processId: string,
    actor: Actor,
    command: ProcessCommand,
    options?: { commandId?: string; expectedVersion?: number },
  ): Promise<ProcessCommandResult>;
  /** Links an engagement the user is staff of (PROCESS-6), with the engagement's own title. */
  linkEngagement(processId: string, user: SignedInUser, engagementId: string): Promise<ProcessCommandResult>;
  /** PROPOSAL-12: a draft of `proposal.putForward` from the engagement's record, for staff to edit and issue. */
  draft(processId: string, viewer: Viewer, source: DraftSource): ProcessCommandOf<'proposal.putForward'>;
  subscribe(processId: string, viewer: Viewer, lastEventId: string | null, sink: ProcessStreamSink): () => void;
  close(): Promise<void>;
}
