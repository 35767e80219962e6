import type { EngagementState, Intervention } from '../state.js';
import { CATEGORIES, REGIONS, type Category, type Constituency, type Region } from '../vocabulary.js';
import { ms } from './instants.js';
import { constituencyOf } from './speakersOrder.js';

// FLOOR-17: the fairness record the Chair sees beside the speakers list: who was heard how often and for
// how long, per participant and per group, from the interventions (not from the plan).

export interface ParticipantFairness {
  participantId: string;
  timesHeard: number;
  secondsUsed: number;
  /** Requests still waiting, on any question. */
  waiting: number;
}

export interface GroupFairness {
  timesHeard: number;
  secondsUsed: number;
  /** How many distinct participants of the group were heard. */
  participants: number;
}

/** Participants without a stated region are counted under `unspecified`. */
export type RegionKey = Region | 'unspecified';

export interface FairnessRecord {
  /** Everyone who asked for the floor, in order of their first request. */
  participants: ParticipantFairness[];
  byCategory: Record<Category, GroupFairness>;
  byRegion: Record<RegionKey, GroupFairness>;
  byConstituency: Record<Constituency, GroupFairness>;
}

const emptyGroups = <K extends string>(keys: readonly K[]): Record<K, GroupFairness> =>
  Object.fromEntries(keys.map((k) => [k, { timesHeard: 0, secondsUsed: 0, participants: 0 }])) as Record<K, GroupFairness>;

/** Seconds an intervention used: as recorded once ended; with `now`, the running one up to now. */
function secondsOf(intervention: Intervention, now: string | undefined): number | null {
  if (intervention.spokeSeconds !== null) return intervention.spokeSeconds;
  if (now === undefined) return null;
  const pausedMs = intervention.pausedSeconds * 1000 + (intervention.pausedAt ? Math.max(0, ms(now) - ms(intervention.pausedAt)) : 0);
  return Math.max(0, Math.floor((ms(now) - ms(intervention.startedAt) - pausedMs) / 1000));
}

/**
 * Counts ended interventions (their `spokeSeconds`) and, when `now` is given, the running one up to now.
 */
export function fairness(state: EngagementState, now?: string): FairnessRecord {
  const perParticipant = new Map<string, ParticipantFairness>();
  const entry = (participantId: string): ParticipantFairness => {
    let e = perParticipant.get(participantId);
    if (!e) {
      e = { participantId, timesHeard: 0, secondsUsed: 0, waiting: 0 };
      perParticipant.set(participantId, e);
    }
    return e;
  };
  for (const request of Object.values(state.requests)) {
    const e = entry(request.participantId);
    if (request.status === 'waiting') e.waiting += 1;
  }
  for (const intervention of Object.values(state.interventions)) {
    const seconds = secondsOf(intervention, now);
    if (seconds === null) continue;
    const e = entry(intervention.participantId);
    e.timesHeard += 1;
    e.secondsUsed += seconds;
  }

  const byCategory = emptyGroups(CATEGORIES);
  const byRegion = emptyGroups<RegionKey>([...REGIONS, 'unspecified']);
  const byConstituency = emptyGroups<Constituency>(['member-states', 'stakeholders']);
  for (const e of perParticipant.values()) {
    if (e.timesHeard === 0) continue;
    const p = state.participants[e.participantId];
    const groups = [byCategory[p?.category ?? 'other'], byRegion[p?.region ?? 'unspecified'], byConstituency[constituencyOf(p)]];
    for (const g of groups) {
      g.timesHeard += e.timesHeard;
      g.secondsUsed += e.secondsUsed;
      g.participants += 1;
    }
  }
  return { participants: [...perParticipant.values()], byCategory, byRegion, byConstituency };
}
