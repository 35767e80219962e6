// The prepare step of `breakouts.start` (BREAKOUT-21): the round's LiveKit rooms open before
// `breakouts.started` is appended, so LiveKit being down leaves no half-started round. A dry run of the same
// decision names the rooms (room names come from the round id, so the real decision names the same rooms); a
// refusal here opens nothing, and a refusal of the real command closes what was opened.
import type { StoredEvent } from '../domain/events.js';
import { decide } from '../domain/decide.js';
import { evolve } from '../domain/evolve.js';
import { authorize } from '../domain/policies.js';
import { openMediaBeforeAppend, type BreakoutMediaAdapter } from './breakoutMedia.js';
import { asAppError } from '../appError.js';
import type { PrepareStep } from './prepareStage.js';

export function openRoomsBeforeStart(media: BreakoutMediaAdapter, newId: () => string): PrepareStep {
  return async ({ state, actor, command, now }) => {
    let dryRun: ReturnType<typeof decide>;
    try {
      authorize(state, actor, command);
      dryRun = decide(state, command, { now, actor, newId });
    } catch (error) {
      throw asAppError(error);
    }
    let after = state;
    for (const event of dryRun) after = evolve(after, { ...event, version: 0 } as StoredEvent);
    const opened = await openMediaBeforeAppend(media, dryRun, after, now);
    return opened.rollback;
  };
}
