// A process's write path (docs/processes.md, docs/write-path.md): the engagement's commit stage
// (server/engagements/groupCommit.ts) run over `processAggregate`, on the same event store, in the stream
// `process:<id>` (EventStore.ts: the same tables, versions, UNIQUE key and command rows on SQLite and
// PostgreSQL). prepare = the checks across aggregates (crossChecks.ts) → commit = group commit (authorize →
// decide → evolve → one append) → afterCommit = the process hub (processHub.ts). Nothing is published before
// the append resolved; a refusal leaves the state, the version and the log as they were.
import { randomUUID } from 'node:crypto';
import { AppError, asAppError } from '../appError.js';
import type { Clock } from '../clock.js';
import { processAggregate } from '../domain/process/aggregate.js';
import { isInternalProcessCommand, type ProcessCommand } from '../domain/process/commands.js';
import type { ProcessEvent } from '../domain/process/events.js';
import { processAccessOf } from '../domain/process/policies.js';
import { draftFromBreakoutReport, draftFromIntervention, draftFromWrittenInput } from '../domain/process/proposalDrafts.js';
import { emptyProcessState, memberOfUser, type ProcessState } from '../domain/process/state.js';
import { createGroupCommit, emptyQueue, type AggregateInMemory, type CommitAggregate } from '../engagements/groupCommit.js';
import { streamKey, type EventStore } from '../store/EventStore.js';
import { createCommandIntake } from '../engagements/commandIntake.js';
import { checkAcrossAggregates, checkLink, type CrossCheckDeps } from './crossChecks.js';
import { createProcessHub } from './processHub.js';
import { createProcessSnapshots, loadProcess } from './processSnapshots.js';
import type { DraftSource, ProcessService } from './ProcessService.js';
import type { EngagementState } from '../domain/state.js';

type ProcessInMemory = AggregateInMemory<ProcessState, ProcessCommand, ProcessEvent>;

export const processNotFound = () => new AppError('NOT_FOUND', 'There is no such process.');

const processCommitAggregate: CommitAggregate<ProcessState, ProcessCommand, ProcessEvent> = {
  noun: 'process',
  createType: 'process.create',
  streamOf: (id) => streamKey('process', id),
  notFound: processNotFound,
  authorize: processAggregate.authorize,
  decide: processAggregate.decide,
  evolve: processAggregate.evolve,
};

function draftFrom(process: ProcessState, engagement: EngagementState, source: DraftSource) {
  switch (source.kind) {
    case 'intervention':
      return draftFromIntervention(process, engagement, source.requestId);
    case 'written-input':
      return draftFromWrittenInput(process, engagement, source.inputId);
    case 'breakout-report':
      return draftFromBreakoutReport(process, engagement, source.roundId, source.roomId, source.index);
  }
}

export interface ProcessServiceDeps extends CrossCheckDeps {
  store: EventStore;
  clock: Clock;
  newId?: () => string;
  log?: (message: string, error?: unknown) => void;
  random?: () => number;
  /** A state snapshot every this many events (default 200; 0: never), as for an engagement. */
  snapshotEvery?: number;
}

/** Builds the service and loads every process from the store; resolves once it can take commands. */
export async function createProcessService(deps: ProcessServiceDeps): Promise<ProcessService & { whenIdle(): Promise<void> }> {
  const { store, clock } = deps;
  const newId = deps.newId ?? randomUUID;
  const log = deps.log ?? ((message, error) => console.error(`[processes] ${message}`, error ?? ''));
  const processes = new Map<string, ProcessInMemory>();

  const current = (id: string) => {
    const entry = processes.get(id);
    return entry && entry.version > 0 ? { state: entry.state, version: entry.version } : undefined;
  };
  const existing = (id: string): ProcessInMemory => {
    const entry = processes.get(id);
    if (!entry || entry.version === 0) throw processNotFound();
    return entry;
  };

  const hub = createProcessHub({ clock, current, log, random: deps.random });
  const snapshots = createProcessSnapshots({ store, every: deps.snapshotEvery ?? 200, log, track: (write) => intake.track(write) });
  const commit = createGroupCommit<ProcessState, ProcessCommand, ProcessEvent>({
    store,
    clock,
    newId,
    log,
    aggregate: processCommitAggregate,
    afterCommit: (entry, transitions) => {
      try {
        hub.publish(entry.id, transitions);
        snapshots.afterCommit(entry);
      } catch (error) {
        log(`after committing version ${entry.version} of process ${entry.id}, the hub or the snapshot failed`, error);
      }
    },
  });

  // Start-up: each process from its state snapshot and the events after it (processSnapshots.ts).
  for (const id of await store.streamIds('process')) {
    const loaded = await loadProcess(store, id);
    if (loaded.rejected) log(`the state snapshot of process ${id} was set aside (${loaded.rejected}); folding its whole log`);
    const entry: ProcessInMemory = { id, state: loaded.state, version: loaded.version, queue: emptyQueue(), scheduled: false };
    processes.set(id, entry);
    await snapshots.loaded(entry, loaded);
  }
  // The hub's resume window starts empty: a stream resumed across a restart starts from a snapshot.

  const intake = createCommandIntake<ProcessState, ProcessCommand, ProcessEvent>({
    engagements: processes,
    commit,
    isInternal: isInternalProcessCommand,
    empty: emptyProcessState,
    notFound: processNotFound,
  });

  /** prepare (checks across aggregates) → commit. */
  const execute: ProcessService['execute'] = async (processId, actor, command, options = {}) => {
    if (intake.closing) return intake.submit(processId, actor, command, options, false);
    const entry = existing(processId);
    try {
      // Who may issue it is asked first (PROCESS-2), so that the checks below tell nothing to someone who may not;
      // the commit stage asks again against the state it commits on.
      processAggregate.authorize(entry.state, actor, command);
      await checkAcrossAggregates(deps, entry.state, actor, command);
    } catch (error) {
      throw asAppError(error);
    }
    return intake.submit(processId, actor, command, options, false);
  };

  return {
    async create(user, input) {
      const id = newId();
      const actor = { kind: 'user', userId: user.userId, displayName: user.displayName } as const;
      await intake.submit(id, actor, { type: 'process.create', processId: id, ...input }, {}, true, true);
      return processAggregate.viewFor(existing(id).state, existing(id).version, { userId: user.userId });
    },

    get(processId, viewer) {
      const entry = existing(processId);
      return processAggregate.viewFor(entry.state, entry.version, viewer);
    },

    list(user) {
      const rows: { id: string; title: string; role: string }[] = [];
      for (const entry of processes.values()) {
        const member = entry.version > 0 ? memberOfUser(entry.state, user.userId) : undefined;
        if (member) rows.push({ id: entry.id, title: entry.state.settings.title, role: member.role });
      }
      return rows.sort((a, b) => a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id));
    },

    stateOf(processId) {
      const entry = existing(processId);
      return { state: entry.state, version: entry.version };
    },

    execute,

    async linkEngagement(processId, user, engagementId) {
      const actor = { kind: 'user', userId: user.userId, displayName: user.displayName } as const;
      let title: string;
      try {
        processAggregate.authorize(existing(processId).state, actor, { type: 'process.linkEngagement', engagementId, title: engagementId });
        title = checkLink(deps, actor, engagementId).settings.title;
      } catch (error) {
        throw asAppError(error);
      }
      return execute(processId, actor, { type: 'process.linkEngagement', engagementId, title: title.slice(0, 200) || engagementId });
    },

    draft(processId, viewer, source) {
      const entry = existing(processId);
      if (processAccessOf(entry.state, viewer).audience !== 'staff') {
        throw new AppError(
          'FORBIDDEN',
          'Staff of the process (Chair, secretariat) file proposals from an engagement’s record (PROPOSAL-12).',
          {
            rule: 'PROPOSAL-12',
          },
        );
      }
      const engagement = deps.engagementState(source.engagementId);
      if (!engagement) throw new AppError('NOT_FOUND', `There is no engagement ${source.engagementId}.`);
      try {
        return draftFrom(entry.state, engagement, source);
      } catch (error) {
        throw asAppError(error);
      }
    },

    subscribe(processId, viewer, lastEventId, sink) {
      existing(processId);
      if (intake.closing) {
        sink.end(500 + Math.round((deps.random ?? Math.random)() * 4500), 'shutdown');
        return () => undefined;
      }
      return hub.subscribe(processId, viewer, lastEventId, sink);
    },

    whenIdle: () => intake.drained(),

    /** Ends every stream and waits for the commands in flight; the store is the engagement service's to close (close this first). */
    async close() {
      intake.shutDown();
      hub.close();
      await intake.drained();
    },
  };
}
