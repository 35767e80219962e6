import fc from 'fast-check';
import type { Actor } from '../../../server/domain/context.js';
import type { EngagementState } from '../../../server/domain/state.js';
import type { Role } from '../../../server/domain/vocabulary.js';
import { SYSTEM, userActor } from './engagementBuilder.js';
import {
  BREAKOUT_TEMPLATES,
  CATEGORY,
  REGISTRANTS,
  ROLE_ON_APPROVAL,
  SPEAKERS,
  STAFF,
  SUMMARY_TEMPLATES,
  TEMPLATES,
  USERS,
  VIEWERS,
  pick,
  type Template,
  type User,
} from './sessionTemplates.js';
import { ViewerHarness } from './viewerHarness.js';

// The generator of test/domain/redaction.property.test.ts (VIEW-9): a random step picks a template, an
// actor and its numbers; `runSession` plays the steps through a ViewerHarness, which checks every viewer
// on every event.

export interface Step {
  template: number;
  actor: number;
  /** 1 in 10 steps are issued by anyone at all, to exercise refusals. */
  wild: boolean;
  a: number;
  b: number;
  seconds: number;
}

export const stepArb: fc.Arbitrary<Step> = fc.record({
  // Weighted, so that most runs reach a live meeting with approved speakers early.
  template: fc.constantFrom(...TEMPLATES.flatMap((t, i) => Array.from({ length: t.weight ?? 1 }, () => i))),
  actor: fc.nat({ max: 50 }),
  wild: fc.nat({ max: 9 }).map((n) => n === 0),
  a: fc.nat({ max: 1000 }),
  b: fc.nat({ max: 1000 }),
  seconds: fc.oneof(fc.constant(0), fc.nat({ max: 240 })),
});

/** Those of `users` who are approved in one of `roles` now; issuing as them makes acceptance likely. */
const inRole = (state: EngagementState, users: readonly User[], roles: readonly Role[]): User[] =>
  users.filter((u) =>
    Object.values(state.participants).some((p) => p.userId === `dev:${u}` && p.status === 'approved' && roles.includes(p.role)),
  );

function actorOf(step: Step, template: Template, state: EngagementState): Actor {
  const plausible = (who: User[]): User[] => {
    if (who === STAFF) return inRole(state, USERS, ['chair', 'secretariat']);
    if (who === SPEAKERS) return inRole(state, USERS, ['stakeholder', 'delegation']);
    return who;
  };
  const pool: (User | 'system')[] = step.wild ? [...USERS, 'system'] : template.who === 'system' ? ['system'] : plausible(template.who);
  if (pool.length === 0) pool.push(...USERS);
  const name = pick(pool, step.actor)!;
  return name === 'system' ? SYSTEM : userActor(name);
}

/**
 * A live meeting to start from (in two runs out of three), so that random steps spend their time on the
 * floor, breakouts and the summary rather than on getting there: two questions, the first open; everyone in
 * REGISTRANTS registered, and approved where their bit of `approved` is set (the others stay applicants);
 * mostly a breakout round planned.
 * Every command of it goes through the harness too, so VIEW-9 is checked on the way.
 */
function warmUp(h: ViewerHarness, approved: number): void {
  const chair = userActor('chair');
  h.issue(chair, { type: 'question.add', text: 'First question?' });
  h.issue(chair, { type: 'question.add', text: 'Second question?' });
  h.issue(chair, { type: 'agenda.add', kind: 'breakouts', plannedMinutes: 20 });
  h.issue(chair, { type: 'engagement.open' });
  REGISTRANTS.forEach((user, i) => {
    h.issue(userActor(user), { type: 'participant.register', organization: `Org of ${user}`, category: CATEGORY[user] });
    const id = Object.values(h.state.participants).find((p) => p.userId === `dev:${user}`)?.id;
    const role = ROLE_ON_APPROVAL[`dev:${user}`];
    if (id && approved & (1 << i)) h.issue(chair, { type: 'participant.approve', participantId: id, ...(role ? { role } : {}) });
  });
  h.issue(chair, { type: 'engagement.start' });
  h.issue(chair, { type: 'question.open', questionId: h.state.questions[0].id });
  // Two runs in three also have a self-select round ready (it can start whoever has no room).
  if (approved % 3 !== 0) {
    h.issue(chair, {
      type: 'breakouts.plan',
      rooms: [
        { theme: 'Finance', capacity: 4 },
        { theme: 'Hubs', capacity: 4, questionId: h.state.questions[1].id },
      ],
      durationMinutes: 3,
      mode: 'self-select',
    });
  }
}

/**
 * The step's template, except that a share of the steps goes to the slice the meeting is in: after the
 * end, half to the summary cycle (nothing else moves much then); while a breakout round is planned or
 * running, a third to breakouts. Otherwise the runs would rarely get far into either.
 */
function inFocus(state: EngagementState, step: Step): Template {
  const roundOpen = state.breakouts.order.some((id) => state.breakouts.rounds[id].status !== 'ended');
  if (state.status === 'ended' && step.b % 2 === 0) return SUMMARY_TEMPLATES[step.template % SUMMARY_TEMPLATES.length];
  if (state.status === 'live' && roundOpen && step.b % 3 === 0) return BREAKOUT_TEMPLATES[step.template % BREAKOUT_TEMPLATES.length];
  return TEMPLATES[step.template];
}

/** Plays `steps` through `h` (by default one that checks every viewer; a harness without viewers only folds). */
export function runSession(steps: Step[], approved: number | null, h = new ViewerHarness(VIEWERS)): ViewerHarness {
  h.issue(userActor('chair'), { type: 'engagement.create', engagementId: 'eng', title: 'Informal consultation' });
  if (approved !== null) warmUp(h, approved);
  for (const step of steps) {
    h.advance(step.seconds);
    const template = inFocus(h.state, step);
    const actor = actorOf(step, template, h.state);
    const command = template.make(h.state, step.a, step.b, h.now, actor.kind === 'user' ? actor.userId : 'system');
    if (command) h.issue(actor, command);
  }
  return h;
}
