import { addSeconds } from '../floor/instants.js';
import type { BreakoutCommandOf } from './commands.js';
import { WARNING_SECONDS } from './decideBreakouts.js';
import type { WithBreakouts } from './state.js';

/** A command the server issues itself when `dueAt` passes (BREAKOUT-15, BREAKOUT-16). */
export interface BreakoutDeadline {
  dueAt: string;
  command: BreakoutCommandOf<'breakouts.warn' | 'breakouts.expire'>;
}

/**
 * The running round's next timer: the one-minute warning at deadline − 60 s while it is still due, else
 * the expiry at the deadline; null when no round runs. A warning that fires late (after a restart) is
 * still recorded once, then the expiry follows at once; a duplicate or stale one is refused by the rule it
 * meets, harmlessly. The lead adds this as one more source in `pendingDeadlines` (floor/nextDeadline.ts).
 */
export function nextBreakoutDeadline(state: WithBreakouts): BreakoutDeadline | null {
  const id = state.breakouts.runningRoundId;
  const round = id === null ? undefined : state.breakouts.rounds[id];
  if (!round || round.status !== 'running' || round.deadline === null) return null;
  if (round.warnedAt === null) {
    return { dueAt: addSeconds(round.deadline, -WARNING_SECONDS), command: { type: 'breakouts.warn', roundId: round.id } };
  }
  return { dueAt: round.deadline, command: { type: 'breakouts.expire', roundId: round.id } };
}
