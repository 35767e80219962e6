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

/** Who is in each room by LiveKit's account, when the state carries it (participant ids per room id). */
export function attendanceOf(round: BreakoutRound): Record<string, string[]> | null {
  const raw = (round as unknown as { attendance?: unknown }).attendance;
  if (!raw || typeof raw !== 'object') return null;
  const out: Record<string, string[]> = {};
  for (const [roomId, value] of Object.entries(raw as Record<string, unknown>)) {
    if (Array.isArray(value)) out[roomId] = value.filter((v): v is string => typeof v === 'string');
  }
  return out;
}
