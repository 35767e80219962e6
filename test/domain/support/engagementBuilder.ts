import { authorize } from '../../../server/domain/policies.js';
import { decide } from '../../../server/domain/decide.js';
import { evolve } from '../../../server/domain/evolve.js';
import type { Command } from '../../../server/domain/commands.js';
import type { Actor, DecideContext, DomainLimits } from '../../../server/domain/context.js';
import type { EngagementEvent, StoredEvent } from '../../../server/domain/events.js';
import { emptyState, type EngagementState } from '../../../server/domain/state.js';
import type { Category, Role } from '../../../server/domain/vocabulary.js';

// A fluent builder of engagements for domain tests: every step goes through authorize → decide → evolve,
// exactly like the write path, so a test's "given" is a state the real rules can reach.
//
//   const g = given().engagement().question('q1').open().start()
//     .participant('ngo', { role: 'stakeholder' }).openQuestion('q1');
//   g.as('ngo').run({ type: 'floor.request', questionId: g.questionId('q1') });

export const T0 = '2026-11-28T09:00:00.000Z';

export const userActor = (name: string): Actor => ({ kind: 'user', userId: `dev:${name}`, displayName: name });
export const SYSTEM: Actor = { kind: 'system' };

export interface ParticipantOptions {
  role?: Role;
  category?: Category;
  accreditation?: 'ecosoc' | 'non-objection';
  /** false: leave the registration pending. Default true. */
  approve?: boolean;
  organization?: string;
}

export class EngagementBuilder {
  state: EngagementState = emptyState();
  readonly events: StoredEvent[] = [];
  now = T0;
  private nextId = 1;
  private readonly questions = new Map<string, string>();
  private readonly people = new Map<string, string>();
  private current: Actor = userActor('chair');
  /** The server's limits decide applies (LIMIT-3); none unless a test sets them. */
  limits: DomainLimits | undefined;

  /** A fresh context at the builder's clock; ids are `id-1`, `id-2`, … (deterministic). */
  ctx(actor: Actor = this.current): DecideContext {
    return { now: this.now, actor, newId: () => `id-${this.nextId++}`, limits: this.limits };
  }

  /** From now on, decide applies these limits (LIMIT-3). */
  withLimits(limits: DomainLimits): this {
    this.limits = limits;
    return this;
  }

  /** Who issues the next commands: a participant's name (as given to `participant`), `chair`, or `system`. */
  as(name: string | Actor): this {
    this.current = typeof name === 'string' ? (name === 'system' ? SYSTEM : userActor(name)) : name;
    return this;
  }

  /** Authorizes, decides and folds one command; throws the DomainError when refused. */
  run(command: Command): EngagementEvent[] {
    authorize(this.state, this.current, command);
    const events = decide(this.state, command, this.ctx());
    for (const event of events) this.apply(event);
    return events;
  }

  /** Folds one event as the log would (numbering it). */
  apply(event: EngagementEvent): StoredEvent {
    const stored = { ...event, version: this.events.length + 1 } as StoredEvent;
    this.events.push(stored);
    this.state = evolve(this.state, event);
    return stored;
  }

  /** The error a command is refused with (fails the test if it is accepted). */
  refusal(command: Command): { rule: string; kind: string; detail: string } {
    try {
      this.run(command);
    } catch (error) {
      const e = error as { rule?: string; kind?: string; detail?: string };
      if (e.rule) return { rule: e.rule, kind: e.kind ?? '', detail: e.detail ?? '' };
      throw error;
    }
    throw new Error(`expected ${command.type} to be refused, but it was accepted`);
  }

  advance(seconds: number): this {
    this.now = new Date(Date.parse(this.now) + seconds * 1000).toISOString();
    return this;
  }

  engagement(title = 'Informal consultation on capacity-building'): this {
    return this.with('chair', { type: 'engagement.create', title, speakingSeconds: 180, plannedMinutes: 90 });
  }
  open(): this {
    return this.with('chair', { type: 'engagement.open' });
  }
  start(): this {
    return this.with('chair', { type: 'engagement.start' });
  }
  end(): this {
    return this.with('chair', { type: 'engagement.end' });
  }

  /** Adds a guiding question known to the test as `name`. */
  question(name: string, text = `Guiding question ${name}?`): this {
    const [event] = this.as('chair').run({ type: 'question.add', text });
    if (event.type === 'question.added') this.questions.set(name, event.question.id);
    return this;
  }
  openQuestion(name: string): this {
    return this.with('chair', { type: 'question.open', questionId: this.questionId(name) });
  }
  questionId(name: string): string {
    const id = this.questions.get(name);
    if (!id) throw new Error(`no question named ${name}`);
    return id;
  }

  /** Registers `name` (user `dev:<name>`) and, unless `approve: false`, approves them with `role`. */
  participant(name: string, options: ParticipantOptions = {}): this {
    const role = options.role ?? 'stakeholder';
    const category = options.category ?? (role === 'delegation' ? 'member-state' : 'ngo');
    const [event] = this.as(name).run({
      type: 'participant.register',
      organization: options.organization ?? `${name} organisation`,
      category,
      ...(options.accreditation ? { accreditation: options.accreditation } : {}),
    });
    if (event.type === 'participant.registered') this.people.set(name, event.participant.id);
    if (options.approve !== false) this.with('chair', { type: 'participant.approve', participantId: this.participantId(name), role });
    return this;
  }
  participantId(name: string): string {
    if (name === 'chair') return Object.values(this.state.participants).find((p) => p.userId === 'dev:chair')!.id;
    const id = this.people.get(name);
    if (!id) throw new Error(`no participant named ${name}`);
    return id;
  }

  /** Runs one command as `who`, keeps the chain going. */
  with(who: string | Actor, command: Command): this {
    this.as(who).run(command);
    return this;
  }
}

export const given = (): EngagementBuilder => new EngagementBuilder();
