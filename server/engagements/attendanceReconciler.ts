// BREAKOUT-28: while a round runs, its attendance is checked against LiveKit's own participant lists every
// so often, because webhooks get lost (BREAKOUT-28: dropped after 30 s in LiveKit's queue, lost in
// Cloud incidents). One timer per engagement with a running round, through the clock; what a check finds is
// recorded through the one write path as the system, with the commands and command ids of the staff's
// reconcile (`breakouts.recordAttendance`, `source: 'reconcile'`, `reconcile-<sid>-joined|left`).
import { AppError } from '../appError.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { Command } from '../domain/commands.js';
import type { BreakoutRound, WithBreakouts } from '../domain/breakouts/state.js';
import type { EngagementState } from '../domain/state.js';

/** One connection as LiveKit lists it (`LiveKitParticipant` has these and more). */
export interface ListedConnection {
  sid: string;
  identity: string;
  /** Unix milliseconds; 0 when LiveKit did not say. */
  joinedAtMs: number;
}

export interface AttendanceObservation {
  command: Command;
  commandId: string;
}

/**
 * The attendance commands that LiveKit's lists (room name → connections listed, for every room of the round)
 * imply against what the round already holds: a listed connection not yet known as joined has joined; a
 * connection held open that LiveKit no longer lists has left, at `now`. Connections already known as they
 * are give nothing, nor do identities that are not participants (BREAKOUT-23 would refuse them on every
 * check): a check that finds nothing new sends nothing, so it appends nothing.
 */
export function attendanceObservations(
  state: EngagementState & WithBreakouts,
  round: BreakoutRound,
  listed: Readonly<Record<string, ReadonlyArray<ListedConnection>>>,
  now: string,
): AttendanceObservation[] {
  const attendance = round.attendance ?? {};
  const out: AttendanceObservation[] = [];
  for (const [roomId, roomName] of Object.entries(round.roomNames)) {
    const present = listed[roomName];
    if (!present) continue;
    for (const p of present) {
      if (attendance[p.sid]?.joinedAt || !state.participants[p.identity]) continue;
      const joinedAt = new Date(p.joinedAtMs > 0 ? p.joinedAtMs : Date.parse(now)).toISOString();
      out.push({
        command: {
          type: 'breakouts.recordAttendance',
          roomName,
          participantSid: p.sid,
          identity: p.identity,
          joinedAt,
          source: 'reconcile',
        },
        commandId: `reconcile-${p.sid}-joined`,
      });
    }
    const sids = new Set(present.map((p) => p.sid));
    for (const [sid, record] of Object.entries(attendance)) {
      if (record.roomId !== roomId || record.joinedAt === null || record.leftAt !== null || sids.has(sid)) continue;
      out.push({
        command: {
          type: 'breakouts.recordAttendance',
          roomName,
          participantSid: sid,
          identity: record.participantId,
          leftAt: now,
          source: 'reconcile',
        },
        commandId: `reconcile-${sid}-left`,
      });
    }
  }
  return out;
}

export interface AttendanceReconcilerOptions {
  clock: Clock;
  adapter: { listParticipants(name: string): Promise<ReadonlyArray<ListedConnection>> };
  /** Milliseconds between the end of one check and the start of the next (> 0). */
  everyMs: number;
  current(engagementId: string): { state: EngagementState } | undefined;
  /** Runs one command through the write path as `{ kind: 'system' }` under this command id. */
  record(engagementId: string, command: Command, commandId: string): Promise<unknown>;
  /** Told of every check in progress, so that `whenIdle` and a shutdown's drain wait for it. */
  track?(work: Promise<unknown>): void;
  /**
   * Several instances: asked before each check; false skips it (another instance holds the reconciler's lease
   * and checks every running round). Absent: always.
   */
  mayCheck?(): Promise<boolean>;
  log(message: string, error?: unknown): void;
}

export interface AttendanceReconciler {
  /** Arms the engagement's timer if it has a running round (none armed yet), disarms it if not. */
  watch(engagementId: string): void;
  armedCount(): number;
  /** Cancels every timer (shutdown); a check in progress records nothing more. */
  stop(): void;
}

/** A refusal means "nothing new" (someone recorded it first, the round ended meanwhile): not a failure. */
const harmless = (error: unknown): boolean =>
  error instanceof AppError && ['RULE_VIOLATION', 'NOT_FOUND', 'FORBIDDEN', 'IDEMPOTENCY_KEY_REUSED'].includes(error.code);

const runningRoundOf = (state: EngagementState | undefined): BreakoutRound | null => {
  const breakouts = (state as (EngagementState & Partial<WithBreakouts>) | undefined)?.breakouts;
  const id = breakouts?.runningRoundId ?? null;
  return id === null ? null : (breakouts?.rounds[id] ?? null);
};

interface Slot {
  roundId: string;
  timer: TimerHandle | null;
}

export function createAttendanceReconciler(options: AttendanceReconcilerOptions): AttendanceReconciler {
  const { clock, adapter, everyMs, log } = options;
  if (!(everyMs > 0)) throw new Error(`createAttendanceReconciler needs everyMs > 0, got ${everyMs}`);
  const armed = new Map<string, Slot>();
  let stopped = false;

  const stillRunning = (engagementId: string, roundId: string): boolean =>
    !stopped && armed.get(engagementId)?.roundId === roundId && runningRoundOf(options.current(engagementId)?.state)?.id === roundId;

  /** One check: every room listed first (all or nothing), then what changed recorded, one command each. */
  const check = async (engagementId: string, roundId: string): Promise<void> => {
    // The state is read before LiveKit is asked: a connection that joins in between is then not in the
    // state, so it can never be taken for one that left.
    if (options.mayCheck && !(await options.mayCheck())) return;
    const state = options.current(engagementId)?.state as (EngagementState & WithBreakouts) | undefined;
    const round = runningRoundOf(state);
    if (!state || round?.id !== roundId) return;
    const names = Object.values(round.roomNames);
    let listed: Record<string, ReadonlyArray<ListedConnection>>;
    try {
      const lists = await Promise.all(names.map((name) => adapter.listParticipants(name)));
      listed = Object.fromEntries(names.map((name, i) => [name, lists[i]]));
    } catch (error) {
      log(
        `attendance of breakout round ${roundId} (${engagementId}) not checked: LiveKit did not answer; next try in ${everyMs / 1000} s`,
        error,
      );
      return;
    }
    // A round that ended while LiveKit was asked: its end closed every open connection (BREAKOUT-26).
    if (!stillRunning(engagementId, roundId)) return;
    for (const { command, commandId } of attendanceObservations(state, round, listed, clock.now().toISOString())) {
      if (stopped) return;
      try {
        await options.record(engagementId, command, commandId);
      } catch (error) {
        if (harmless(error)) continue;
        log(`attendance of breakout round ${roundId} (${engagementId}) not recorded; next try in ${everyMs / 1000} s`, error);
        return;
      }
    }
  };

  const arm = (engagementId: string, slot: Slot): void => {
    // Only the slot still armed for the engagement goes on: a disarmed one (round ended, shutdown) stops here.
    if (stopped || armed.get(engagementId) !== slot) return;
    slot.timer = clock.setTimer(everyMs, () => {
      slot.timer = null;
      const work = check(engagementId, slot.roundId)
        .catch((error: unknown) => log(`attendance check of breakout round ${slot.roundId} (${engagementId}) failed`, error))
        .finally(() => arm(engagementId, slot));
      options.track?.(work);
    });
  };

  const disarm = (engagementId: string): void => {
    armed.get(engagementId)?.timer?.cancel();
    armed.delete(engagementId);
  };

  return {
    watch(engagementId) {
      if (stopped) return;
      const round = runningRoundOf(options.current(engagementId)?.state);
      const slot = armed.get(engagementId);
      if (slot && slot.roundId === round?.id) return;
      disarm(engagementId);
      if (!round) return;
      const fresh: Slot = { roundId: round.id, timer: null };
      armed.set(engagementId, fresh);
      arm(engagementId, fresh);
    },
    armedCount: () => armed.size,
    stop() {
      stopped = true;
      for (const id of [...armed.keys()]) disarm(id);
    },
  };
}
