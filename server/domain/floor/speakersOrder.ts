import { assertNever } from '../events.js';
import type { EngagementState, FloorRequest, Participant } from '../state.js';
import type { Constituency, OrderPolicy } from '../vocabulary.js';
import { ms } from './instants.js';

// The speakers list is a STORED order (`state.waiting[questionId]`, head first). The policy decides where a
// NEW request goes (FLOOR-5..7) and a policy change re-sorts every list once (FLOOR-8); after that the
// Chair's manual moves are respected and never silently undone (OpenSlides semantics). The positions in
// `floor.requested` and `floor.policyChanged` come from these functions, so `evolve` only inserts.

type ParticipantLike = Pick<Participant, 'category' | 'role'>;

/** FLOOR-7: member states (a delegation, or anyone of category `member-state`) versus everyone else. */
export function constituencyOf(participant: ParticipantLike | undefined): Constituency {
  if (!participant) return 'stakeholders';
  return participant.category === 'member-state' || participant.role === 'delegation' ? 'member-states' : 'stakeholders';
}

const constituencyOfRequest = (state: EngagementState, requestId: string): Constituency =>
  constituencyOf(state.participants[state.requests[requestId]?.participantId ?? '']);

/** FLOOR-6: a first-time speaker has never had the floor in this engagement, on any question. */
export function isFirstTimeSpeaker(state: EngagementState, participantId: string): boolean {
  return !Object.values(state.interventions).some((i) => i.participantId === participantId);
}

/** The participant who last had the floor on this question (the one speaking now counts), or null. */
export function lastSpeakerOn(state: EngagementState, questionId: string): string | null {
  let last: { participantId: string; startedMs: number } | null = null;
  for (const i of Object.values(state.interventions)) {
    if (i.questionId !== questionId) continue;
    const startedMs = ms(i.startedAt);
    if (!last || startedMs >= last.startedMs) last = { participantId: i.participantId, startedMs };
  }
  return last?.participantId ?? null;
}

/** Where a new request of `newRequest.participantId` goes in the waiting list of `questionId`. */
export function insertionPosition(
  state: EngagementState,
  questionId: string,
  newRequest: Pick<FloorRequest, 'participantId'>,
  policy: OrderPolicy = state.policy,
): number {
  const list = state.waiting[questionId] ?? [];
  switch (policy) {
    case 'inscription':
      return list.length;
    case 'first-time-first': {
      if (!isFirstTimeSpeaker(state, newRequest.participantId)) return list.length;
      // After the waiting first-timers, before the first waiting repeat speaker.
      const firstRepeat = list.findIndex((id) => !isFirstTimeSpeaker(state, state.requests[id]?.participantId ?? ''));
      return firstRepeat < 0 ? list.length : firstRepeat;
    }
    case 'alternate': {
      const mine = constituencyOf(state.participants[newRequest.participantId]);
      const lastSpeaker = lastSpeakerOn(state, questionId);
      const before0: Constituency | null = lastSpeaker === null ? null : constituencyOf(state.participants[lastSpeaker]);
      for (let i = 0; i <= list.length; i++) {
        const before = i === 0 ? before0 : constituencyOfRequest(state, list[i - 1]);
        // Nobody heard yet: the first inscribed keeps first place (i = 0 only into an empty list).
        if (before === null) {
          if (list.length === 0) return 0;
          continue;
        }
        const at = i < list.length ? constituencyOfRequest(state, list[i]) : null;
        if (before !== mine && (at === null || at !== mine)) return i;
      }
      return list.length;
    }
    default:
      return assertNever(policy);
  }
}

/** The waiting requests of a question in order of inscription (the order every policy starts from). */
function inscriptionOrder(state: EngagementState, questionId: string): string[] {
  const list = state.waiting[questionId] ?? [];
  const rank = new Map(Object.keys(state.requests).map((id, index) => [id, index]));
  return list.slice().sort((a, b) => {
    const ra = state.requests[a];
    const rb = state.requests[b];
    const byTime = ra && rb ? ms(ra.requestedAt) - ms(rb.requestedAt) : 0;
    if (byTime !== 0) return byTime;
    return (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  });
}

/** The one-time re-sort of `floor.policyChanged`: per question, the waiting order `policy` gives (FLOOR-8). */
export function reorderByPolicy(state: EngagementState, policy: OrderPolicy): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const questionId of Object.keys(state.waiting)) {
    const ordered = inscriptionOrder(state, questionId);
    switch (policy) {
      case 'inscription':
        result[questionId] = ordered;
        break;
      case 'first-time-first': {
        const first = ordered.filter((id) => isFirstTimeSpeaker(state, state.requests[id]?.participantId ?? ''));
        const repeat = ordered.filter((id) => !first.includes(id));
        result[questionId] = [...first, ...repeat];
        break;
      }
      case 'alternate':
        result[questionId] = alternateMerge(state, questionId, ordered);
        break;
      default:
        assertNever(policy);
    }
  }
  return result;
}

/**
 * A stable merge that alternates the two constituencies, starting with the one opposite the last speaker
 * on the question (nobody heard yet: the constituency of the first inscribed); when one side runs out the
 * rest follows in inscription order. Inserting the same requests one by one with `insertionPosition`
 * gives the same list.
 */
function alternateMerge(state: EngagementState, questionId: string, ordered: string[]): string[] {
  if (ordered.length === 0) return [];
  const queues: Record<Constituency, string[]> = { 'member-states': [], stakeholders: [] };
  for (const id of ordered) queues[constituencyOfRequest(state, id)].push(id);
  const lastSpeaker = lastSpeakerOn(state, questionId);
  let turn: Constituency =
    lastSpeaker === null ? constituencyOfRequest(state, ordered[0]) : other(constituencyOf(state.participants[lastSpeaker]));
  const merged: string[] = [];
  while (queues['member-states'].length + queues.stakeholders.length > 0) {
    const next = queues[turn].shift() ?? queues[other(turn)].shift();
    if (next !== undefined) merged.push(next);
    turn = other(turn);
  }
  return merged;
}

const other = (c: Constituency): Constituency => (c === 'member-states' ? 'stakeholders' : 'member-states');
