import type { AssignmentPerson, AssignmentRoom } from './balancedAssignment.js';

// The working state of one attempt of balancedAssignment (balancedAssignment.ts): who is in which room, the
// counts and bounds each pass reads, and the two moves every pass makes.

const NO_REGION = 'unstated';
export type Attribute = 'category' | 'region';
const attributeValue = (p: AssignmentPerson, attribute: Attribute): string =>
  attribute === 'category' ? p.category : (p.region ?? NO_REGION);

/**
 * The people to place and the rooms as small integers, with counts and bounds in typed arrays (the inner
 * loops do arithmetic only), and the moves every pass makes: place one person, swap two.
 */
export interface Placement {
  /** Rooms, people, category values and region values. */
  R: number;
  N: number;
  C: number;
  G: number;
  sizes: readonly number[];
  names: Record<Attribute, string[]>;
  /** Per person: category and region codes, room (-1: none yet), preferred rooms. */
  cat: Int32Array;
  reg: Int32Array;
  roomOf: Int32Array;
  prefs: number[][];
  /** Per room × value: the even share, its upper bound and the count now. */
  shareCat: Float64Array;
  shareReg: Float64Array;
  hiCat: Int32Array;
  hiReg: Int32Array;
  countCat: Int32Array;
  countReg: Int32Array;
  members: number[][];
  prefers(i: number, r: number): boolean;
  place(i: number, r: number): void;
  /** Change in total violation if i (in ra) and j (in rb) swap rooms. */
  swapDelta(i: number, j: number): number;
  swap(i: number, j: number): void;
  roomViolation(r: number): number;
  prefGain(i: number, j: number): number;
}

export function createPlacement(
  toPlace: readonly AssignmentPerson[],
  rooms: readonly AssignmentRoom[],
  sizes: readonly number[],
): Placement {
  const R = rooms.length;
  const N = toPlace.length;
  const roomIndex = new Map(rooms.map((r, i) => [r.roomId, i]));

  const names: Record<Attribute, string[]> = { category: [], region: [] };
  const code = (a: Attribute, v: string) => {
    let i = names[a].indexOf(v);
    if (i < 0) i = names[a].push(v) - 1;
    return i;
  };
  const cat = Int32Array.from(toPlace, (p) => code('category', attributeValue(p, 'category')));
  const reg = Int32Array.from(toPlace, (p) => code('region', attributeValue(p, 'region')));
  const C = names.category.length;
  const G = names.region.length;
  const totalCat = new Int32Array(C);
  const totalReg = new Int32Array(G);
  for (let i = 0; i < N; i += 1) {
    totalCat[cat[i]] += 1;
    totalReg[reg[i]] += 1;
  }
  const shareCat = new Float64Array(R * C);
  const shareReg = new Float64Array(R * G);
  const loCat = new Int32Array(R * C);
  const hiCat = new Int32Array(R * C);
  const loReg = new Int32Array(R * G);
  const hiReg = new Int32Array(R * G);
  for (let r = 0; r < R; r += 1) {
    for (let c = 0; c < C; c += 1) {
      const x = N === 0 ? 0 : (totalCat[c] * sizes[r]) / N;
      shareCat[r * C + c] = x;
      loCat[r * C + c] = Math.floor(x + 1e-9);
      hiCat[r * C + c] = Math.ceil(x - 1e-9);
    }
    for (let g = 0; g < G; g += 1) {
      const x = N === 0 ? 0 : (totalReg[g] * sizes[r]) / N;
      shareReg[r * G + g] = x;
      loReg[r * G + g] = Math.floor(x + 1e-9);
      hiReg[r * G + g] = Math.ceil(x - 1e-9);
    }
  }
  const countCat = new Int32Array(R * C);
  const countReg = new Int32Array(R * G);
  const roomOf = new Int32Array(N).fill(-1);
  const members: number[][] = rooms.map(() => []);
  const prefs = toPlace.map((p) => p.preferences.map((id) => roomIndex.get(id) ?? -1));
  const prefers = (i: number, r: number) => prefs[i].includes(r);

  const place = (i: number, r: number) => {
    roomOf[i] = r;
    members[r].push(i);
    countCat[r * C + cat[i]] += 1;
    countReg[r * G + reg[i]] += 1;
  };

  const vCat = (r: number, c: number) => {
    const k = r * C + c;
    const n = countCat[k];
    return n > hiCat[k] ? n - hiCat[k] : n < loCat[k] ? loCat[k] - n : 0;
  };
  const vReg = (r: number, g: number) => {
    const k = r * G + g;
    const n = countReg[k];
    return n > hiReg[k] ? n - hiReg[k] : n < loReg[k] ? loReg[k] - n : 0;
  };
  /** Change in total violation if i (in ra) and j (in rb) swap rooms. */
  const swapDelta = (i: number, j: number): number => {
    const ra = roomOf[i];
    const rb = roomOf[j];
    let delta = 0;
    if (cat[i] !== cat[j]) {
      const before = vCat(ra, cat[i]) + vCat(ra, cat[j]) + vCat(rb, cat[i]) + vCat(rb, cat[j]);
      countCat[ra * C + cat[i]] -= 1;
      countCat[ra * C + cat[j]] += 1;
      countCat[rb * C + cat[i]] += 1;
      countCat[rb * C + cat[j]] -= 1;
      delta += vCat(ra, cat[i]) + vCat(ra, cat[j]) + vCat(rb, cat[i]) + vCat(rb, cat[j]) - before;
      countCat[ra * C + cat[i]] += 1;
      countCat[ra * C + cat[j]] -= 1;
      countCat[rb * C + cat[i]] -= 1;
      countCat[rb * C + cat[j]] += 1;
    }
    if (reg[i] !== reg[j]) {
      const before = vReg(ra, reg[i]) + vReg(ra, reg[j]) + vReg(rb, reg[i]) + vReg(rb, reg[j]);
      countReg[ra * G + reg[i]] -= 1;
      countReg[ra * G + reg[j]] += 1;
      countReg[rb * G + reg[i]] += 1;
      countReg[rb * G + reg[j]] -= 1;
      delta += vReg(ra, reg[i]) + vReg(ra, reg[j]) + vReg(rb, reg[i]) + vReg(rb, reg[j]) - before;
      countReg[ra * G + reg[i]] += 1;
      countReg[ra * G + reg[j]] -= 1;
      countReg[rb * G + reg[i]] -= 1;
      countReg[rb * G + reg[j]] += 1;
    }
    return delta;
  };
  const swap = (i: number, j: number) => {
    const ra = roomOf[i];
    const rb = roomOf[j];
    countCat[ra * C + cat[i]] -= 1;
    countCat[ra * C + cat[j]] += 1;
    countCat[rb * C + cat[i]] += 1;
    countCat[rb * C + cat[j]] -= 1;
    countReg[ra * G + reg[i]] -= 1;
    countReg[ra * G + reg[j]] += 1;
    countReg[rb * G + reg[i]] += 1;
    countReg[rb * G + reg[j]] -= 1;
    roomOf[i] = rb;
    roomOf[j] = ra;
    members[ra][members[ra].indexOf(i)] = j;
    members[rb][members[rb].indexOf(j)] = i;
  };
  const roomViolation = (r: number) => {
    let v = 0;
    for (let c = 0; c < C; c += 1) v += vCat(r, c);
    for (let g = 0; g < G; g += 1) v += vReg(r, g);
    return v;
  };
  const prefGain = (i: number, j: number) => {
    const ra = roomOf[i];
    const rb = roomOf[j];
    return (prefers(i, rb) ? 1 : 0) + (prefers(j, ra) ? 1 : 0) - (prefers(i, ra) ? 1 : 0) - (prefers(j, rb) ? 1 : 0);
  };

  return {
    R,
    N,
    C,
    G,
    sizes,
    names,
    cat,
    reg,
    shareCat,
    shareReg,
    hiCat,
    hiReg,
    countCat,
    countReg,
    roomOf,
    members,
    prefs,
    prefers,
    place,
    swapDelta,
    swap,
    roomViolation,
    prefGain,
  };
}
