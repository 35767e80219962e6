import type { Actor, DecideContext } from '../../../server/domain/context.js';
import { authorize } from '../../../server/domain/policies.js';
import type { EngagementState } from '../../../server/domain/state.js';
import type { SummaryCommand } from '../../../server/domain/summaryReview/commands.js';
import { decideSummary } from '../../../server/domain/summaryReview/decideSummary.js';
import type { SummaryEvent } from '../../../server/domain/summaryReview/events.js';
import { evolveSummary } from '../../../server/domain/summaryReview/evolveSummary.js';
import { emptySummaryReview, type WithSummaryReview } from '../../../server/domain/summaryReview/state.js';
import { given, userActor, type EngagementBuilder } from '../support/engagementBuilder.js';

// An ended engagement with everyone the summary cycle cares about, then the summary commands played through
// the same steps as the write path: authorize → decideSummary → evolveSummary.
//
//   chair, sec (secretariat), del (delegation), spoke (stakeholder, was heard), deferred (stakeholder, asked
//   to speak but was deferred when the meeting ended), obs (observer), applicant (registered, not approved).

export type SummaryState = EngagementState & WithSummaryReview;

export class SummaryWorld {
  state: SummaryState;
  readonly log: { event: SummaryEvent; before: SummaryState; after: SummaryState }[] = [];
  now: string;
  private nextId = 1;

  constructor(readonly g: EngagementBuilder) {
    this.state = { ...g.state, summaryReview: emptySummaryReview() };
    this.now = g.now;
  }

  ctx(actor: Actor): DecideContext {
    return { now: this.now, actor, newId: () => `s-${this.nextId++}` };
  }

  run(who: string, command: SummaryCommand): SummaryEvent[] {
    const actor = userActor(who);
    authorize(this.state, actor, command);
    const events = decideSummary(this.state, command, this.ctx(actor));
    for (const event of events) {
      const before = this.state;
      this.state = evolveSummary(this.state, event);
      this.log.push({ event, before, after: this.state });
    }
    return events;
  }

  refusal(who: string, command: SummaryCommand): { rule: string; kind: string; detail: string } {
    try {
      this.run(who, command);
    } catch (error) {
      const e = error as { rule?: string; kind?: string; detail?: string };
      if (e.rule) return { rule: e.rule, kind: e.kind ?? '', detail: e.detail ?? '' };
      throw error;
    }
    throw new Error(`expected ${command.type} by ${who} to be refused, but it was accepted`);
  }

  advance(seconds: number): this {
    this.now = new Date(Date.parse(this.now) + seconds * 1000).toISOString();
    return this;
  }

  in(seconds: number): string {
    return new Date(Date.parse(this.now) + seconds * 1000).toISOString();
  }

  participantId(name: string): string {
    return this.g.participantId(name);
  }

  requestOf(name: string): string {
    const id = this.participantId(name);
    return Object.values(this.state.requests).find((r) => r.participantId === id)!.id;
  }

  get questionId(): string {
    return this.g.questionId('q1');
  }
}

/** A meeting that ran and ended: `spoke` was heard on q1, `deferred` was not (deferred at the end). */
export function endedMeeting(options: { end?: boolean } = {}): SummaryWorld {
  const g = given()
    .engagement()
    .question('q1')
    .question('q2')
    .open()
    .participant('sec', { role: 'secretariat', category: 'other' })
    .participant('del', { role: 'delegation' })
    .participant('del2', { role: 'delegation' })
    .participant('spoke', { role: 'stakeholder' })
    .participant('deferred', { role: 'stakeholder' })
    .participant('obs', { role: 'observer', category: 'academia' })
    .participant('applicant', { approve: false })
    .start()
    .openQuestion('q1');
  g.with('spoke', { type: 'floor.request', questionId: g.questionId('q1'), note: 'On capacity-building' });
  g.with('deferred', { type: 'floor.request', questionId: g.questionId('q1') });
  g.with('chair', { type: 'floor.give' });
  g.advance(150);
  g.with('chair', { type: 'floor.end' });
  g.with('chair', {
    type: 'note.add',
    questionId: g.questionId('q1'),
    text: 'Several participants stressed regional hubs.',
    visibility: 'public',
  });
  g.advance(60);
  if (options.end !== false) g.end();
  return new SummaryWorld(g);
}
