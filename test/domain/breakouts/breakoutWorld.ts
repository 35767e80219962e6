import type { Actor, DecideContext, Membership } from '../../../server/domain/context.js';
import type { EngagementEvent } from '../../../server/domain/events.js';
import { evolve } from '../../../server/domain/evolve.js';
import { emptyState, type EngagementState, type Participant } from '../../../server/domain/state.js';
import type { Category, Region, Role } from '../../../server/domain/vocabulary.js';
import { BREAKOUT_ALLOWED, BreakoutCommand } from '../../../server/domain/breakouts/commands.js';
import { decideBreakouts } from '../../../server/domain/breakouts/decideBreakouts.js';
import { isBreakoutEvent, type BreakoutEvent } from '../../../server/domain/breakouts/events.js';
import { evolveBreakouts } from '../../../server/domain/breakouts/evolveBreakouts.js';
import { emptyBreakouts, type BreakoutRound, type WithBreakouts } from '../../../server/domain/breakouts/state.js';

// A small world for breakout tests. The shared `decide` and `evolve` are being rewritten while this slice is
// built, so the "given" is made by hand — a live engagement with approved people — and every breakout step
// goes through the real pieces of this slice: the zod schema, the BREAKOUT_ALLOWED table, decideBreakouts
// and evolveBreakouts. The agenda events a breakout command produces are folded by the ordinary `evolve`.

export const T0 = '2026-11-28T09:00:00.000Z';
export type World = EngagementState & WithBreakouts;

export interface PersonSpec {
  role?: Role;
  category?: Category;
  region?: Region | null;
  status?: Participant['status'];
}

export const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();

export class BreakoutWorld {
  state: World;
  now = T0;
  readonly events: (EngagementEvent | BreakoutEvent)[] = [];
  private nextId = 1;

  constructor(status: EngagementState['status'] = 'live') {
    this.state = {
      ...emptyState(),
      id: 'eng-1',
      createdAt: T0,
      status,
      startedAt: status === 'live' ? T0 : null,
      settings: { ...emptyState().settings, title: 'Informal consultation on capacity-building' },
      breakouts: emptyBreakouts(),
    };
    this.person('chair', { role: 'chair', category: 'other' });
    this.person('secretariat', { role: 'secretariat', category: 'other' });
  }

  /** Adds a participant with id `p-<name>`, signed in as `dev:<name>`. */
  person(name: string, spec: PersonSpec = {}): this {
    const role = spec.role ?? 'stakeholder';
    const p: Participant = {
      id: `p-${name}`,
      userId: `dev:${name}`,
      role,
      displayName: name,
      organization: `${name} organisation`,
      category: spec.category ?? (role === 'delegation' ? 'member-state' : 'ngo'),
      region: spec.region === undefined ? null : spec.region,
      country: null,
      accreditation: null,
      status: spec.status ?? 'approved',
      registeredAt: T0,
      decidedAt: T0,
      declineReason: null,
      invitationId: null,
    };
    this.state = { ...this.state, participants: { ...this.state.participants, [p.id]: p } };
    return this;
  }

  /** Folds engagement events (agenda items, say) with the ordinary evolve. */
  given(...events: EngagementEvent[]): this {
    for (const e of events) this.apply(e);
    return this;
  }

  apply(event: EngagementEvent | BreakoutEvent): void {
    this.events.push(event);
    this.state = isBreakoutEvent(event)
      ? evolveBreakouts(this.state, event)
      : ({ ...evolve(this.state, event), breakouts: this.state.breakouts } as World);
  }

  advance(seconds: number): this {
    this.now = new Date(Date.parse(this.now) + seconds * 1000).toISOString();
    return this;
  }

  actor(name: string): Actor {
    return name === 'system' ? { kind: 'system' } : { kind: 'user', userId: `dev:${name}`, displayName: name };
  }

  ctx(name: string): DecideContext {
    return { now: this.now, actor: this.actor(name), newId: () => `id${this.nextId++}` };
  }

  /** Parses (strictly), authorizes by BREAKOUT_ALLOWED, decides and folds a command issued by `name`. */
  run(name: string, input: unknown): (EngagementEvent | BreakoutEvent)[] {
    const command = BreakoutCommand.parse(input);
    const allowed = BREAKOUT_ALLOWED[command.type];
    const actor = this.actor(name);
    const me = Object.values(this.state.participants).find((p) => actor.kind === 'user' && p.userId === actor.userId);
    const principal = actor.kind === 'system' ? 'system' : me?.status === 'approved' ? me.role : null;
    if (principal === null || !allowed.includes(principal)) {
      throw Object.assign(new Error(`AUTH-1: ${name} may not ${command.type}`), { rule: 'AUTH-1', kind: 'FORBIDDEN' });
    }
    const events = decideBreakouts(this.state, command, this.ctx(name));
    for (const e of events) this.apply(e);
    return events;
  }

  /** The refusal a command meets (fails when it is accepted). */
  refusal(name: string, input: unknown): { rule: string; kind: string; detail: string } {
    const before = this.state;
    try {
      this.run(name, input);
    } catch (error) {
      const e = error as { rule?: string; kind?: string; detail?: string; message?: string };
      if (!e.rule) throw error;
      if (this.state !== before) throw new Error('a refused command changed the state');
      return { rule: e.rule, kind: e.kind ?? '', detail: e.detail ?? e.message ?? '' };
    }
    throw new Error(`expected ${(input as { type: string }).type} by ${name} to be refused, but it was accepted`);
  }

  round(id?: string): BreakoutRound {
    const roundId = id ?? this.state.breakouts.order[this.state.breakouts.order.length - 1];
    const round = this.state.breakouts.rounds[roundId];
    if (!round) throw new Error(`no round ${roundId}`);
    return round;
  }

  roomId(index: number, roundId?: string): string {
    return this.round(roundId).rooms[index - 1].id;
  }

  membership(name: string): Membership {
    const p = this.state.participants[`p-${name}`];
    if (!p) return { participantId: null, role: null, status: null, audience: 'public' };
    const audience =
      p.status !== 'approved'
        ? 'applicant'
        : p.role === 'chair' || p.role === 'secretariat'
          ? 'staff'
          : p.role === 'delegation'
            ? 'delegation'
            : 'member';
    return { participantId: p.id, role: p.role, status: p.status, audience };
  }
}

/** A two-room plan (capacity 2 each) in `mode`, planned by the Chair; returns the round id. */
export function planTwoRooms(w: BreakoutWorld, mode: 'self-select' | 'manual' | 'balanced', extra: Record<string, unknown> = {}): string {
  const [planned] = w.run('chair', {
    type: 'breakouts.plan',
    mode,
    durationMinutes: 20,
    rooms: [
      { theme: 'Capacity-building needs', capacity: 2 },
      { theme: 'Public-private partnerships', capacity: 2 },
    ],
    ...extra,
  });
  return (planned as Extract<BreakoutEvent, { type: 'breakouts.planned' }>).roundId;
}
