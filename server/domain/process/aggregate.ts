import type { z } from 'zod';
import type { Actor, DecideContext, Viewer } from '../context.js';
import { isInternalProcessCommand, ProcessCommand } from './commands.js';
import { decideProcess } from './decideProcess.js';
import type { ProcessEvent, StoredProcessEvent } from './events.js';
import { evolveProcess } from './evolveProcess.js';
import { authorizeProcess } from './policies.js';
import { emptyProcessState, type ProcessState } from './state.js';
import { processViewFor, redactProcessEvent, type ProcessView } from './visibility.js';

// What a write path needs to run an aggregate, written out for the process: the same seven things it uses
// for an engagement (id, empty state, command schema, authorize, decide, evolve, view and redact), with the
// engagement's own signatures, so that the store, the group commit and the live hub can take either.

export interface AggregateDefinition<S, C extends { type: string }, E extends { type: string; at: string }, V> {
  readonly kind: string;
  empty(): S;
  idOf(state: S): string;
  /** The edge's validation of a command body (400 INVALID_INPUT on failure). */
  command: z.ZodType<C>;
  /** Issued by their own endpoints, refused at POST /commands. */
  isInternal(type: string): boolean;
  authorize(state: S, actor: Actor, command: C): void;
  decide(state: S, command: C, ctx: DecideContext): E[];
  evolve(state: S, event: E): S;
  viewFor(state: S, version: number, viewer: Viewer | null): V;
  redact(event: E & { version: number }, before: S, after: S, viewer: Viewer | null): (E & { version: number }) | null | 'resync';
}

export const processAggregate: AggregateDefinition<ProcessState, ProcessCommand, ProcessEvent, ProcessView> = {
  kind: 'process',
  empty: emptyProcessState,
  idOf: (state) => state.id,
  command: ProcessCommand,
  isInternal: isInternalProcessCommand,
  authorize: authorizeProcess,
  decide: decideProcess,
  evolve: evolveProcess,
  viewFor: processViewFor,
  redact: (event, before, after, viewer) => redactProcessEvent(event as StoredProcessEvent, before, after, viewer),
};
