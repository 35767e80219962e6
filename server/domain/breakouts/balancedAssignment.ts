import type { Category, Region } from '../vocabulary.js';
import { createPlacement, type Placement } from './placement.js';
import { seededRandom, seededShuffle } from './seededRandom.js';

// Balanced breakout assignment (BREAKOUT rules in SPEC.md). Everyone goes to exactly one room, within
// capacity; each room's count of every constituency category and every region stays within 1 of its even
// share (the share is proportional to the room's size) wherever that is feasible; stated preferences are
// honoured whenever honouring them keeps that balance. Deterministic for a given seed, and it explains
// itself: each room's mix and how many preferences were honoured.
//
// Method: rooms get sizes in proportion to capacity (largest remainder); a greedy pass places people in a
// seeded order, preferring their chosen rooms among those that break no balance bound; a repair pass swaps
// pairs to remove any bound still broken; a last pass swaps pairs that honour one more preference without
// breaking a bound or un-honouring anyone. Swaps keep room sizes, so the shares never move.

export interface AssignmentPerson {
  participantId: string;
  category: Category;
  region: Region | null;
  /** Room ids this person would like, most wanted first (may be empty). */
  preferences: readonly string[];
}

export interface AssignmentRoom {
  roomId: string;
  capacity: number;
}

export interface RoomMix {
  roomId: string;
  capacity: number;
  size: number;
  byCategory: Record<string, number>;
  byRegion: Record<string, number>;
  preferencesHonoured: number;
}

export interface AssignmentResult {
  /** participantId → roomId for everyone placed. */
  assignment: Record<string, string>;
  rooms: RoomMix[];
  /** People who could not be placed because the rooms' capacity is too small (then nobody is balanced). */
  unassigned: string[];
  preferencesStated: number;
  preferencesHonoured: number;
  /** True when every room is within 1 of the even share for every category and region. */
  balanced: boolean;
  /** The largest |count − even share| over rooms and values, per attribute. */
  maxDeviation: { category: number; region: number };
}

/** Room sizes in proportion to capacity (largest remainder), never above capacity. */
export function roomSizes(people: number, capacities: readonly number[]): number[] {
  const total = capacities.reduce((a, b) => a + b, 0);
  const placed = Math.min(people, total);
  if (total === 0) return capacities.map(() => 0);
  const exact = capacities.map((c) => (placed * c) / total);
  const sizes = exact.map(Math.floor);
  let left = placed - sizes.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (sizes[i] < capacities[i]) {
      sizes[i] += 1;
      left -= 1;
    }
  }
  return sizes;
}

/**
 * Swaps of one pair can stall where balance needs several at once (a cycle of constraints), so an attempt
 * that ends unbalanced is retried from seeds derived from the given one (still deterministic); the first
 * balanced attempt wins, else the one closest to balance.
 */
export function balancedAssignment(people: readonly AssignmentPerson[], rooms: readonly AssignmentRoom[], seed: number): AssignmentResult {
  const ATTEMPTS = 12;
  let best: AssignmentResult | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const result = assignOnce(people, rooms, attempt === 0 ? seed : (Math.imul(seed ^ 0x9e3779b9, attempt + 1) ^ attempt) | 0);
    if (result.balanced || result.unassigned.length > 0) return result;
    const distance = (r: AssignmentResult) => r.maxDeviation.category + r.maxDeviation.region;
    if (!best || distance(result) < distance(best)) best = result;
  }
  return best!;
}

function assignOnce(people: readonly AssignmentPerson[], rooms: readonly AssignmentRoom[], seed: number): AssignmentResult {
  const random = seededRandom(seed);
  const ordered = seededShuffle(
    [...people].sort((a, b) => (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0)),
    random,
  );
  const sizes = roomSizes(
    ordered.length,
    rooms.map((r) => r.capacity),
  );
  const placedCount = sizes.reduce((a, b) => a + b, 0);
  const toPlace = ordered.slice(0, placedCount);
  const unassigned = ordered.slice(placedCount).map((p) => p.participantId);
  const placement = createPlacement(toPlace, rooms, sizes);
  placeGreedily(placement);
  repairBySwaps(placement);
  repairByBestSwap(placement);
  honourPreferences(placement);
  return summarize(placement, toPlace, rooms, unassigned);
}

function placeGreedily(p: Placement): void {
  const { R, N, C, G, sizes, cat, reg, shareCat, shareReg, hiCat, hiReg, countCat, countReg, members, prefs } = p;
  // 1. Greedy: a broken bound costs more than any preference is worth; a preference outweighs the soft pull
  //    towards the exact share.
  for (let i = 0; i < N; i += 1) {
    let best = -1;
    let bestCost = Infinity;
    for (let r = 0; r < R; r += 1) {
      if (members[r].length >= sizes[r]) continue;
      const kc = r * C + cat[i];
      const kg = r * G + reg[i];
      let cost = 10 * (countCat[kc] + 1 - shareCat[kc]) + 10 * (countReg[kg] + 1 - shareReg[kg]);
      if (countCat[kc] + 1 > hiCat[kc]) cost += 1000;
      if (countReg[kg] + 1 > hiReg[kg]) cost += 1000;
      const rank = prefs[i].indexOf(r);
      if (rank >= 0) cost -= 50 - Math.min(rank, 4) * 5;
      cost += members[r].length / Math.max(1, sizes[r]);
      if (cost < bestCost) {
        bestCost = cost;
        best = r;
      }
    }
    p.place(i, best);
  }
}

function repairBySwaps(p: Placement): void {
  const { R, cat, reg, members, swapDelta, swap, roomViolation, prefGain } = p;
  // 2. Repair: passes over the broken rooms, applying each swap that lowers the total violation as it is
  //    found (one that also keeps preferences first), until a pass changes nothing.
  for (let pass = 0, changed = true; changed && pass < 50; pass += 1) {
    changed = false;
    for (let ra = 0; ra < R; ra += 1) {
      for (let k = 0; k < members[ra].length && roomViolation(ra) > 0; k += 1) {
        const i = members[ra][k];
        let fallback = -1;
        let taken = false;
        for (let rb = 0; rb < R && !taken; rb += 1) {
          if (rb === ra) continue;
          for (const j of members[rb]) {
            if (cat[i] === cat[j] && reg[i] === reg[j]) continue;
            if (swapDelta(i, j) >= 0) continue;
            if (prefGain(i, j) >= 0) {
              swap(i, j);
              taken = true;
              break;
            }
            if (fallback < 0) fallback = j;
          }
        }
        if (!taken && fallback >= 0) {
          swap(i, fallback);
          taken = true;
        }
        changed ||= taken;
      }
    }
  }
}

function repairByBestSwap(p: Placement): void {
  const { R, members, swapDelta, swap, roomViolation, prefGain } = p;
  // 2b. Rarely the passes stall in a local minimum: then search every pair out of a broken room for the
  //     swap that helps most (slower, bounded).
  const broken = () => members.some((_, r) => roomViolation(r) > 0);
  for (let guard = 0; broken() && guard < 200; guard += 1) {
    let best: [number, number] | null = null;
    let bestScore = 0;
    for (let ra = 0; ra < R; ra += 1) {
      if (roomViolation(ra) === 0) continue;
      for (const i of members[ra]) {
        for (let rb = 0; rb < R; rb += 1) {
          if (rb === ra) continue;
          for (const j of members[rb]) {
            const score = swapDelta(i, j) - prefGain(i, j) * 0.01;
            if (score < bestScore) {
              bestScore = score;
              best = [i, j];
            }
          }
        }
      }
    }
    if (!best || bestScore > -0.5) break;
    swap(best[0], best[1]);
  }
}

function honourPreferences(p: Placement): void {
  const { N, roomOf, members, prefs, prefers, swapDelta, swap } = p;
  // 3. Preferences: swap when it honours one more preference, un-honours nobody and breaks no bound.
  for (let changed = true, rounds = 0; changed && rounds < 20; rounds += 1) {
    changed = false;
    for (let i = 0; i < N; i += 1) {
      if (prefs[i].length === 0 || prefers(i, roomOf[i])) continue;
      outer: for (const rb of prefs[i]) {
        if (rb < 0 || rb === roomOf[i]) continue;
        for (const j of members[rb]) {
          if (prefers(j, rb) && !prefers(j, roomOf[i])) continue;
          if (swapDelta(i, j) > 0) continue;
          swap(i, j);
          changed = true;
          break outer;
        }
      }
    }
  }
}

function summarize(
  p: Placement,
  toPlace: readonly AssignmentPerson[],
  rooms: readonly AssignmentRoom[],
  unassigned: string[],
): AssignmentResult {
  const { R, N, C, G, sizes, names, cat, reg, shareCat, shareReg, countCat, countReg, roomOf, members, prefers, roomViolation } = p;
  const assignment: Record<string, string> = {};
  for (let i = 0; i < N; i += 1) assignment[toPlace[i].participantId] = rooms[roomOf[i]].roomId;
  let deviationCategory = 0;
  let deviationRegion = 0;
  let totalViolation = 0;
  for (let r = 0; r < R; r += 1) {
    totalViolation += roomViolation(r);
    for (let c = 0; c < C; c += 1) deviationCategory = Math.max(deviationCategory, Math.abs(countCat[r * C + c] - shareCat[r * C + c]));
    for (let g = 0; g < G; g += 1) deviationRegion = Math.max(deviationRegion, Math.abs(countReg[r * G + g] - shareReg[r * G + g]));
  }
  const tally = (codes: Int32Array, list: string[], r: number) => {
    const out: Record<string, number> = {};
    for (const i of members[r]) out[list[codes[i]]] = (out[list[codes[i]]] ?? 0) + 1;
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
  };
  const mixes: RoomMix[] = rooms.map((room, r) => ({
    roomId: room.roomId,
    capacity: room.capacity,
    size: sizes[r],
    byCategory: tally(cat, names.category, r),
    byRegion: tally(reg, names.region, r),
    preferencesHonoured: members[r].filter((i) => prefers(i, r)).length,
  }));
  return {
    assignment,
    rooms: mixes,
    unassigned,
    preferencesStated: toPlace.filter((p) => p.preferences.length > 0).length,
    preferencesHonoured: mixes.reduce((s, m) => s + m.preferencesHonoured, 0),
    balanced: unassigned.length === 0 && totalViolation === 0,
    maxDeviation: { category: Math.round(deviationCategory * 1000) / 1000, region: Math.round(deviationRegion * 1000) / 1000 },
  };
}
