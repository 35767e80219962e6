import { expect } from 'vitest';
import type { Command } from '../../../server/domain/commands.js';
import type { Actor } from '../../../server/domain/context.js';
import { decide } from '../../../server/domain/decide.js';
import { DomainError } from '../../../server/domain/errors.js';
import type { EngagementEvent, StoredEvent } from '../../../server/domain/events.js';
import { evolve } from '../../../server/domain/evolve.js';
import { authorize } from '../../../server/domain/policies.js';
import { emptyState, type EngagementState } from '../../../server/domain/state.js';
import { membershipOf, project, redact } from '../../../server/domain/view.js';
import { T0 } from './engagementBuilder.js';

// Plays the write path (authorize → decide → evolve) and, beside it, one stream client per viewer that
// folds what `redact` sends it (over JSON, as the stream does) with `evolve`, starting from `project`.
// After every event each client must hold exactly `project(after, viewer)` (VIEW-9).

/** What goes over the stream: JSON, so fields that are undefined vanish. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Deep equality as JSON sees it (an undefined field equals a missing one); fast, for property runs. */
export function sameAsJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ra), ...Object.keys(rb)])) if (!sameAsJson(ra[key], rb[key])) return false;
  return true;
}

/** Up to `limit` paths where the folded view and the projection differ, with both values. */
export function differences(a: unknown, b: unknown, path = '$', out: string[] = [], limit = 6): string[] {
  if (out.length >= limit || sameAsJson(a, b)) return out;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && Array.isArray(a) === Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const key of new Set([...Object.keys(ra), ...Object.keys(rb)])) differences(ra[key], rb[key], `${path}.${key}`, out, limit);
    return out;
  }
  out.push(`  ${path}: folded ${JSON.stringify(a)?.slice(0, 200)} ≠ projected ${JSON.stringify(b)?.slice(0, 200)}`);
  return out;
}

export class ViewerHarness {
  state: EngagementState = emptyState();
  now = T0;
  version = 0;
  accepted = 0;
  readonly types = new Set<string>();
  readonly resyncs = new Map<string, number>();
  private n = 0;
  private readonly views: Map<string, EngagementState>;

  constructor(readonly viewers: readonly string[]) {
    this.views = new Map(viewers.map((userId) => [userId, project(this.state, { userId })]));
  }

  advance(seconds: number): void {
    this.now = new Date(Date.parse(this.now) + seconds * 1000).toISOString();
  }

  /** Issues a command; returns the events, or null when a rule or the policy refused it. */
  issue(actor: Actor, command: Command): EngagementEvent[] | null {
    let events: EngagementEvent[];
    try {
      authorize(this.state, actor, command);
      events = decide(this.state, command, { now: this.now, actor, newId: () => `id-${++this.n}` });
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
    this.accepted += 1;
    for (const event of events) this.commit(event, command);
    return events;
  }

  private commit(event: EngagementEvent, command: Command): void {
    const before = this.state;
    const after = evolve(before, event);
    const stored = { ...event, version: ++this.version } as StoredEvent;
    this.types.add(stored.type);
    for (const userId of this.viewers) {
      const viewer = { userId };
      const redacted = redact(stored, before, after, viewer);
      const expected = project(after, viewer);
      let view: EngagementState;
      if (redacted === 'resync') {
        view = expected;
        this.resyncs.set(stored.type, (this.resyncs.get(stored.type) ?? 0) + 1);
      } else if (redacted === null) {
        view = this.views.get(userId)!;
      } else {
        const sent = wire(redacted);
        if (membershipOf(after, viewer).audience !== 'staff') {
          // VIEW-3/7: nothing sent to a non-staff viewer carries a code hash or someone else's sign-in id.
          const text = JSON.stringify(sent);
          expect(text, `${stored.type} to ${userId}`).not.toContain('codeHash');
          for (const other of this.viewers) if (other !== userId) expect(text, `${stored.type} to ${userId}`).not.toContain(`"${other}"`);
        }
        view = evolve(this.views.get(userId)!, sent);
      }
      if (!sameAsJson(view, expected)) {
        const audience = membershipOf(after, viewer).audience;
        // A plain, short error: a large diff would make fast-check's shrinking crawl.
        throw new Error(
          `VIEW-9 broken after ${command.type} → ${stored.type} (v${stored.version}), as ${userId} (${audience}); redact gave ${JSON.stringify(redacted)}:\n` +
            differences(view, expected).join('\n'),
        );
      }
      this.views.set(userId, view);
    }
    this.state = after;
  }
}
