import { nextBreakoutDeadline } from '../breakouts/nextBreakoutDeadline.js';
import type { Command } from '../commands.js';
import type { EngagementState } from '../state.js';
import { ms } from './instants.js';

/** A command the server must issue itself when `dueAt` passes (FLOOR-14). */
export interface Deadline {
  dueAt: string;
  command: Command;
}

/**
 * Every deadline the state holds now. One source per kind of timer; later kinds (a breakout round's end,
 * its one-minute warning) add a source here and the scheduler needs no change.
 */
export function pendingDeadlines(state: EngagementState): Deadline[] {
  const deadlines: Deadline[] = [];
  const current = state.currentRequestId === null ? undefined : state.interventions[state.currentRequestId];
  // A paused intervention has no running deadline; an overrun is recorded once, so then there is none either.
  if (current && current.endedAt === null && current.pausedAt === null && current.overranAt === null) {
    deadlines.push({ dueAt: current.deadline, command: { type: 'floor.recordOverrun', requestId: current.requestId } });
  }
  const breakout = nextBreakoutDeadline(state);
  if (breakout) deadlines.push(breakout);
  return deadlines;
}

/**
 * The next server-issued command and when it falls due, or null. The scheduler sets one timer for it and,
 * when it fires, sends the command through the write path; the rule it meets (FLOOR-14) refuses a
 * duplicate or late one harmlessly.
 */
export function nextDeadline(state: EngagementState): Deadline | null {
  let next: Deadline | null = null;
  for (const d of pendingDeadlines(state)) if (!next || ms(d.dueAt) < ms(next.dueAt)) next = d;
  return next;
}
