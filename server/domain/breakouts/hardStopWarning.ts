import { addSeconds, ms } from '../floor/instants.js';
import type { HardStopWarning } from './events.js';

// BREAKOUT-14: a round is never refused for the hard stop (the Chair decides), but its start and every
// extension say plainly when the round and its report-back slots would run past it, and by how much.

const clockTime = (iso: string): string => `${iso.slice(11, 16)} UTC`;

const minutesWords = (seconds: number): string => {
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
};

/**
 * The warning for a round ending at `roundEndsAt` whose `rooms` report back for `reportBackMinutes` each,
 * or null when there is no hard stop or everything fits before it.
 */
export function hardStopWarning(
  hardStop: string | null,
  roundEndsAt: string,
  rooms: number,
  reportBackMinutes: number,
): HardStopWarning | null {
  if (hardStop === null) return null;
  const reportBackEndsAt = addSeconds(roundEndsAt, rooms * reportBackMinutes * 60);
  const overSeconds = Math.floor((ms(reportBackEndsAt) - ms(hardStop)) / 1000);
  if (overSeconds <= 0) return null;
  const roundOver = ms(roundEndsAt) > ms(hardStop);
  const message = roundOver
    ? `The round would end at ${clockTime(roundEndsAt)}, after the hard stop at ${clockTime(hardStop)}, and its report-back would take ${minutesWords(rooms * reportBackMinutes * 60)} more. Shorten the round or move the hard stop.`
    : `The round ends at ${clockTime(roundEndsAt)}, but its report-back slots would end at ${clockTime(reportBackEndsAt)}, ${minutesWords(overSeconds)} after the hard stop at ${clockTime(hardStop)}. Shorten the round or plan less report-back time.`;
  return { rule: 'BREAKOUT-14', hardStop, roundEndsAt, reportBackEndsAt, overSeconds, message };
}
