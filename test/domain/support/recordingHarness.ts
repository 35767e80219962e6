import type { Command } from '../../../server/domain/commands.js';
import type { Actor } from '../../../server/domain/context.js';
import type { EngagementEvent } from '../../../server/domain/events.js';
import { runSession, type Step } from './randomSession.js';
import { ViewerHarness } from './viewerHarness.js';

/** A harness without viewers (only authorize → decide → evolve) that records the events it commits. */
export class RecordingHarness extends ViewerHarness {
  readonly events: EngagementEvent[] = [];
  constructor() {
    super([]);
  }
  override issue(actor: Actor, command: Command): EngagementEvent[] | null {
    const events = super.issue(actor, command);
    if (events) this.events.push(...events);
    return events;
  }
}

/** A random session's events and the write path's state after them (evolve per event). */
export const recordSession = (steps: Step[], approved: number | null): RecordingHarness =>
  runSession(steps, approved, new RecordingHarness()) as RecordingHarness;
