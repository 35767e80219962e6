import type { EngagementState } from '../../../../server/domain/index.js';
import { emptyBreakouts, type BreakoutRound, type BreakoutsState } from '../../../../server/domain/breakouts/index.js';

// The lead adds `breakouts` to EngagementState; until then the live state may carry it untyped (or not at
// all, before the slice is wired). This accessor is the one place that knows, so the views stay typed.

export type StateWithBreakouts = EngagementState & { breakouts: BreakoutsState };

export function breakoutsOf(state: EngagementState): BreakoutsState {
  return (state as unknown as { breakouts?: BreakoutsState | null }).breakouts ?? emptyBreakouts();
}

/** The state with its breakouts present (an empty record when the slice has not reached this state yet). */
export function withBreakouts(state: EngagementState): StateWithBreakouts {
  return { ...state, breakouts: breakoutsOf(state) };
}

/**
 * The round the surfaces are about: the running one, else the latest still planned, else the latest ended
 * (its reports are still being written).
 */
export function currentRound(breakouts: BreakoutsState): BreakoutRound | null {
  if (breakouts.runningRoundId) return breakouts.rounds[breakouts.runningRoundId] ?? null;
  const rounds = breakouts.order.map((id) => breakouts.rounds[id]).filter((r): r is BreakoutRound => Boolean(r));
  for (let i = rounds.length - 1; i >= 0; i -= 1) if (rounds[i].status === 'planned') return rounds[i];
  return rounds.at(-1) ?? null;
}

/**
 * Who is in each room now, by LiveKit's account (webhooks and reconciliation, BREAKOUT-23..27): per room id,
 * the participants with a connection that joined and has not left. Null when the round has no attendance
 * at all (no LiveKit configured, or nobody joined yet). Staff alone see attendance (BREAKOUT-VIEW-6).
 */
export function attendanceOf(round: BreakoutRound): Record<string, string[]> | null {
  const records = Object.values(round.attendance ?? {});
  if (records.length === 0) return null;
  const inRoom: Record<string, Set<string>> = {};
  for (const record of records) {
    if (record.joinedAt === null || record.leftAt !== null) continue;
    (inRoom[record.roomId] ??= new Set()).add(record.participantId);
  }
  return Object.fromEntries(Object.entries(inRoom).map(([roomId, people]) => [roomId, [...people].sort()]));
}
