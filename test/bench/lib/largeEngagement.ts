// A long engagement for the replay benchmark, generated through the real rules: every command goes through
// authorize → decide → evolve, as the write path does, so the log holds only events the server could have
// written. Deterministic (seeded, ids `e-1`, `e-2`, …, a clock that moves by seconds), so every run folds
// the same log. The state is folded with an open fold (linear: the state between two commands is not kept),
// so generating 50,000 events takes seconds rather than minutes.
import type { Command } from '../../../server/domain/commands.js';
import type { Actor } from '../../../server/domain/context.js';
import { decide } from '../../../server/domain/decide.js';
import type { EngagementEvent } from '../../../server/domain/events.js';
import { openFold } from '../../../server/domain/foldEvents.js';
import { authorize } from '../../../server/domain/policies.js';
import { emptyState, type EngagementState } from '../../../server/domain/state.js';
import type { Category, Region, Role } from '../../../server/domain/vocabulary.js';
import { seededRandom } from '../../../server/domain/breakouts/seededRandom.js';

export interface LargeEngagement {
  engagementId: string;
  events: EngagementEvent[];
  /** The state after the last event, folded while generating (to check the replay against). */
  state: EngagementState;
  chairUserId: string;
  stakeholderUserId: string;
  /** How many events of each type, to print the mix. */
  mix: Record<string, number>;
}

const CATEGORIES: Category[] = ['ngo', 'academia', 'private-sector', 'technical-community', 'intergovernmental'];
const REGIONS: Region[] = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog'];
const user = (name: string): Actor => ({ kind: 'user', userId: `dev:${name}`, displayName: name });

/**
 * An engagement with `participants` people (≈ 70% stakeholders, 25% delegations, 5% observers) that runs
 * question after question — requests, withdrawals, give / end cycles with the occasional pause or
 * extension, the secretariat's notes, written inputs — until the log holds at least `targetEvents`.
 */
export function largeEngagement(targetEvents: number, participants = 300, seed = 2026): LargeEngagement {
  const random = seededRandom(seed);
  const fold = openFold(emptyState());
  let state = fold.state;
  const events: EngagementEvent[] = [];
  let now = Date.parse('2026-11-30T08:00:00.000Z');
  let nextId = 1;
  const run = (actor: Actor, command: Command): EngagementEvent[] => {
    authorize(state, actor, command);
    const produced = decide(state, command, { now: new Date(now).toISOString(), actor, newId: () => `e-${nextId++}` });
    for (const event of produced) {
      state = fold.add(event);
      events.push(event);
    }
    return produced;
  };
  const tick = (seconds: number) => (now += seconds * 1000);
  const chair = user('chair');
  const secretariat = user('secretariat');

  const [created] = run(chair, {
    type: 'engagement.create',
    title: 'Informal consultation on capacity-building',
    speakingSeconds: 180,
    plannedMinutes: 480,
  });
  const engagementId = created.type === 'engagement.created' ? created.engagementId : state.id;
  run(chair, { type: 'engagement.open' });

  // Registration and approval, the secretariat first so it can take notes.
  const people: { actor: Actor; id: string; role: Role }[] = [];
  for (let i = 0; i <= participants; i += 1) {
    const actor = i === 0 ? secretariat : user(`p${i}`);
    const role: Role = i === 0 ? 'secretariat' : i % 20 === 0 ? 'observer' : i % 4 === 0 ? 'delegation' : 'stakeholder';
    const [registered] = run(actor, {
      type: 'participant.register',
      organization: role === 'delegation' ? `Member State ${i}` : `Organization ${i} for Digital Cooperation`,
      category: role === 'delegation' ? 'member-state' : CATEGORIES[i % CATEGORIES.length],
      region: REGIONS[i % REGIONS.length],
      displayName: `Participant ${i}`,
    });
    if (registered.type !== 'participant.registered') throw new Error('participant.register produced no registration');
    tick(30);
    run(chair, { type: 'participant.approve', participantId: registered.participant.id, role });
    people.push({ actor, id: registered.participant.id, role });
  }
  const speakers = people.filter((p) => p.role === 'stakeholder' || p.role === 'delegation');
  const authors = people.filter((p) => p.role !== 'observer');
  run(chair, { type: 'engagement.start' });

  let round = 0;
  while (events.length < targetEvents) {
    round += 1;
    const [added] = run(chair, {
      type: 'question.add',
      text: `Guiding question ${round}: how can capacity-building be made needs-based?`,
      plannedMinutes: 60,
    });
    const questionId = added.type === 'question.added' ? added.question.id : '';
    run(chair, { type: 'question.open', questionId });
    // About a third of the speakers ask for the floor; one in ten withdraws.
    const asking = speakers.filter(() => random() < 0.33);
    const requestIds: string[] = [];
    for (const speaker of asking) {
      tick(2);
      const [requested] = run(speaker.actor, { type: 'floor.request', questionId });
      if (requested.type === 'floor.requested') requestIds.push(requested.requestId);
      if (random() < 0.1) run(speaker.actor, { type: 'floor.withdraw', requestId: requestIds.pop()! });
    }
    for (let heard = 0; (state.waiting[questionId] ?? []).length > 0 && events.length < targetEvents; heard += 1) {
      run(chair, { type: 'floor.give' });
      tick(20);
      if (heard % 7 === 3) {
        run(chair, { type: 'floor.pause' });
        tick(10);
        run(chair, { type: 'floor.resume' });
      }
      if (heard % 5 === 2) run(chair, { type: 'floor.extend', seconds: 30 });
      tick(60 + Math.floor(random() * 90));
      const requestId = state.currentRequestId!;
      run(chair, { type: 'floor.end' });
      if (heard % 2 === 0) {
        run(secretariat, {
          type: 'note.add',
          requestId,
          text: `The speaker stressed predictable funding and regional approaches (${heard}).`,
          visibility: heard % 6 === 0 ? 'secretariat' : 'public',
        });
      }
      tick(5);
    }
    for (let k = 0; k < 10 && events.length < targetEvents; k += 1) {
      const author = authors[Math.floor(random() * authors.length)];
      run(author.actor, {
        type: 'input.submit',
        questionId,
        title: `Written statement ${round}.${k}`,
        text: 'Our delegation supports a needs-based, demand-driven approach. '.repeat(4),
      });
    }
    run(chair, { type: 'note.add', questionId, text: `Proposal: a regular exchange on question ${round}.`, visibility: 'public' });
    run(chair, { type: 'question.close', questionId });
    tick(120);
  }

  const mix: Record<string, number> = {};
  for (const event of events) mix[event.type] = (mix[event.type] ?? 0) + 1;
  return { engagementId, events, state, chairUserId: 'dev:chair', stakeholderUserId: 'dev:p1', mix };
}
