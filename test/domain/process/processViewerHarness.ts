import type { Actor } from '../../../server/domain/context.js';
import { DomainError } from '../../../server/domain/errors.js';
import type { ProcessCommand } from '../../../server/domain/process/commands.js';
import { decideProcess } from '../../../server/domain/process/decideProcess.js';
import type { ProcessEvent, StoredProcessEvent } from '../../../server/domain/process/events.js';
import { evolveProcess } from '../../../server/domain/process/evolveProcess.js';
import { authorizeProcess, processAccessOf } from '../../../server/domain/process/policies.js';
import { emptyProcessState, type ProcessState } from '../../../server/domain/process/state.js';
import { projectProcess, redactProcessEvent } from '../../../server/domain/process/visibility.js';
import { differences, sameAsJson } from '../support/viewerHarness.js';
import { T0 } from './processWorld.js';

// The process's write path (authorizeProcess → decideProcess → evolveProcess) and, beside it, one client per
// viewer folding what `redactProcessEvent` sends it (over JSON) with `evolveProcess` from `projectProcess`.
// After every event each client must hold exactly `projectProcess(after, viewer)` (PROCESS-VIEW-6).
// A viewer named `portal` reads without signing in (viewer null).

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const viewerOf = (name: string) => (name === 'portal' ? null : { userId: `dev:${name}` });

export class ProcessViewerHarness {
  state: ProcessState = emptyProcessState();
  now = T0;
  version = 0;
  accepted = 0;
  readonly types = new Set<string>();
  readonly resyncs = new Map<string, number>();
  private n = 0;
  private readonly views: Map<string, ProcessState>;

  constructor(readonly viewers: readonly string[]) {
    this.views = new Map(viewers.map((name) => [name, projectProcess(this.state, viewerOf(name))]));
  }

  /** Issues a command; returns the events, or null when a rule or the policy refused it. */
  issue(actor: Actor, command: ProcessCommand): ProcessEvent[] | null {
    let events: ProcessEvent[];
    try {
      authorizeProcess(this.state, actor, command);
      events = decideProcess(this.state, command, { now: this.now, actor, newId: () => `id-${++this.n}` });
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
    this.accepted += 1;
    this.now = new Date(Date.parse(this.now) + 60_000).toISOString();
    for (const event of events) this.commit(event, command);
    return events;
  }

  private commit(event: ProcessEvent, command: ProcessCommand): void {
    const before = this.state;
    const after = evolveProcess(before, event);
    const stored = { ...event, version: ++this.version } as StoredProcessEvent;
    this.types.add(stored.type);
    for (const name of this.viewers) {
      const viewer = viewerOf(name);
      const redacted = redactProcessEvent(stored, before, after, viewer);
      const expected = projectProcess(after, viewer);
      let view: ProcessState;
      if (redacted === 'resync') {
        view = expected;
        this.resyncs.set(stored.type, (this.resyncs.get(stored.type) ?? 0) + 1);
      } else if (redacted === null) {
        view = this.views.get(name)!;
      } else {
        const sent = wire(redacted);
        if (processAccessOf(after, viewer).audience !== 'staff') {
          // PROCESS-VIEW-2/3: nothing sent outside the staff carries someone else's sign-in id or who acted.
          const text = JSON.stringify(sent);
          for (const other of this.viewers)
            if (other !== name) if (text.includes(`"dev:${other}"`)) throw new Error(`${stored.type} to ${name} carries dev:${other}`);
          if (/"byMemberId":"/.test(text)) throw new Error(`${stored.type} to ${name} carries byMemberId`);
        }
        view = evolveProcess(this.views.get(name)!, sent);
      }
      if (!sameAsJson(view, expected)) {
        const audience = processAccessOf(after, viewer).audience;
        throw new Error(
          `PROCESS-VIEW-6 broken after ${command.type} → ${stored.type} (v${stored.version}), as ${name} (${audience}); redact gave ${JSON.stringify(redacted)?.slice(0, 300)}:\n` +
            differences(view, expected).join('\n'),
        );
      }
      this.views.set(name, view);
    }
    this.state = after;
  }
}
