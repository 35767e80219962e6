import type { Actor, DecideContext } from '../../../server/domain/context.js';
import type { EngagementEvent, ParticipantRecord } from '../../../server/domain/events.js';
import { decide } from '../../../server/domain/decide.js';
import { evolve } from '../../../server/domain/evolve.js';
import type { FloorOrTimeCommand } from '../../../server/domain/floor/decideFloor.js';
import { emptyState, type EngagementState } from '../../../server/domain/state.js';
import type { AgendaKind, Category, Region, Role } from '../../../server/domain/vocabulary.js';

// Builds engagement states for the floor's tests: the setup (creation, questions, agenda, participants)
// is recorded as events, and floor/time commands go through the real `decide` (which hands them to
// `decideFloor`); everything folds through the real `evolve`. Authorization (policies.ts) is not part of
// these tests: who may issue a command is checked before `decide`. Time is explicit: `tick(seconds)`.

export const T0 = '2026-11-28T10:00:00.000Z';
export const isoAfter = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();

/** Folds with the real `evolve` (floor.* and time.* reach `evolveFloor` through it). */
export function fold(state: EngagementState, event: EngagementEvent): EngagementState {
  return evolve(state, event);
}

export interface PersonOptions {
  category?: Category;
  role?: Role;
  region?: Region | null;
  approved?: boolean;
}

export class FloorScenario {
  state: EngagementState = emptyState();
  seconds = 0;
  readonly log: EngagementEvent[] = [];
  private counter = 0;
  readonly chair: Actor = { kind: 'user', userId: 'dev:chair', displayName: 'Chair' };

  constructor(options: { speakingSeconds?: number; status?: 'draft' | 'open' | 'live' } = {}) {
    this.record({
      type: 'engagement.created',
      at: this.now,
      engagementId: 'e1',
      settings: {
        title: 'Capacity-building',
        theme: null,
        description: null,
        scheduledStart: null,
        plannedMinutes: 90,
        speakingSeconds: options.speakingSeconds ?? 180,
        timeZone: 'UTC',
      },
      chair: { id: 'chair', userId: 'dev:chair', role: 'chair', ...profile('Chair', 'other', null) },
    });
    const status = options.status ?? 'live';
    if (status !== 'draft') this.record({ type: 'engagement.opened', at: this.now });
    if (status === 'live') this.record({ type: 'engagement.started', at: this.now });
  }

  get now(): string {
    return isoAfter(this.seconds);
  }

  tick(seconds: number): this {
    this.seconds += seconds;
    return this;
  }

  record(...events: EngagementEvent[]): EngagementEvent[] {
    for (const e of events) {
      this.state = fold(this.state, e);
      this.log.push(e);
    }
    return events;
  }

  ctx(actor: Actor = this.chair): DecideContext {
    return { now: this.now, actor, newId: () => `r${++this.counter}` };
  }

  /** Decides a floor/time command at the scenario's time and folds the result; throws what decide throws. */
  run(command: FloorOrTimeCommand, actor: Actor = this.chair): EngagementEvent[] {
    return this.record(...decide(this.state, command, this.ctx(actor)));
  }

  /** The participant `name` asks for the floor on the open question; returns the new request id. */
  request(name: string, note?: string): string {
    const events = this.run(
      { type: 'floor.request', questionId: this.state.openQuestionId ?? 'none', ...(note ? { note } : {}) },
      userOf(name),
    );
    const requested = events[0];
    if (requested.type !== 'floor.requested') throw new Error('expected floor.requested');
    return requested.requestId;
  }

  person(name: string, options: PersonOptions = {}): string {
    const participant: ParticipantRecord = {
      id: name,
      userId: `dev:${name}`,
      role: options.role ?? 'stakeholder',
      ...profile(name, options.category ?? 'ngo', options.region === undefined ? 'weog' : options.region),
    };
    this.record({ type: 'participant.registered', at: this.now, participant });
    if (options.approved !== false) {
      this.record({ type: 'participant.approved', at: this.now, participantId: name, role: participant.role, profile: participant });
    }
    return name;
  }

  question(id: string, open = true): string {
    this.record({
      type: 'question.added',
      at: this.now,
      question: { id, text: `Question ${id}`, context: null, plannedMinutes: null },
      position: this.state.questions.length,
    });
    if (open) this.open(id);
    return id;
  }

  /** Opens `id`, closing the question open before (one open question at a time). */
  open(id: string): void {
    const previous = this.state.openQuestionId;
    if (previous) this.record({ type: 'question.closed', at: this.now, questionId: previous });
    this.record({ type: 'question.opened', at: this.now, questionId: id });
  }

  agendaItem(id: string, plannedMinutes: number, kind: AgendaKind = 'other', questionId: string | null = null): string {
    this.record({
      type: 'agenda.added',
      at: this.now,
      item: { id, kind, title: id, plannedMinutes, questionId },
      position: this.state.agenda.length,
    });
    return id;
  }

  beginAgenda(itemId: string): void {
    this.record({ type: 'agenda.begun', at: this.now, itemId, previousItemId: this.state.currentAgendaItemId });
  }

  /** `engagement.end` through the real `decide` (it calls `floorClosingEvents`). */
  endEngagement(): EngagementEvent[] {
    return this.record(...decide(this.state, { type: 'engagement.end' }, this.ctx()));
  }

  waiting(questionId = this.state.openQuestionId ?? ''): string[] {
    return this.state.waiting[questionId] ?? [];
  }

  /** The participants of the waiting list, head first (easier to read than request ids). */
  waitingNames(questionId = this.state.openQuestionId ?? ''): string[] {
    return this.waiting(questionId).map((id) => this.state.requests[id].participantId);
  }

  /** Gives the floor to `requestId` (or the head), lets `seconds` pass, ends it. */
  speak(requestId: string | undefined, seconds: number): void {
    this.run(requestId === undefined ? { type: 'floor.give' } : { type: 'floor.give', requestId });
    this.tick(seconds);
    this.run({ type: 'floor.end' });
  }
}

export const userOf = (name: string): Actor => ({ kind: 'user', userId: `dev:${name}`, displayName: name });

function profile(displayName: string, category: Category, region: Region | null) {
  return { displayName, organization: `${displayName} org`, category, region, country: null, accreditation: null };
}

/** Runs `fn` and returns the DomainError's rule it throws (fails the test when nothing is thrown). */
export function ruleOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    const rule = (error as { rule?: string }).rule;
    if (rule) return rule;
    throw error;
  }
  throw new Error('expected a DomainError, but the command was accepted');
}
