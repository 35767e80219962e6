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

/** One attribute's per-room counts and the bounds a fair share allows (the floor and ceiling of its share). */
interface AttributeTable {
  /** Number of distinct values. */
  K: number;
  share: Float64Array;
  lo: Int32Array;
  hi: Int32Array;
  count: Int32Array;
}

function attributeTable(codes: Int32Array, K: number, sizes: readonly number[]): AttributeTable {
  const R = sizes.length;
  const N = codes.length;
  const total = new Int32Array(K);
  for (let i = 0; i < N; i += 1) total[codes[i]] += 1;
  const t: AttributeTable = {
    K,
    share: new Float64Array(R * K),
    lo: new Int32Array(R * K),
    hi: new Int32Array(R * K),
    count: new Int32Array(R * K),
  };
  for (let r = 0; r < R; r += 1) {
    for (let k = 0; k < K; k += 1) {
      const x = N === 0 ? 0 : (total[k] * sizes[r]) / N;
      t.share[r * K + k] = x;
      t.lo[r * K + k] = Math.floor(x + 1e-9);
      t.hi[r * K + k] = Math.ceil(x - 1e-9);
    }
  }
  return t;
}

/** How far room r's count of value k lies outside its bounds. */
function violation(t: AttributeTable, r: number, k: number): number {
  const i = r * t.K + k;
  const n = t.count[i];
  return n > t.hi[i] ? n - t.hi[i] : n < t.lo[i] ? t.lo[i] - n : 0;
}

/** Moves the counts as if a person of value a in room ra and one of value b in room rb swapped (sign -1 undoes it). */
function exchangeCounts(t: AttributeTable, ra: number, a: number, rb: number, b: number, sign: 1 | -1): void {
  t.count[ra * t.K + a] -= sign;
  t.count[ra * t.K + b] += sign;
  t.count[rb * t.K + a] += sign;
  t.count[rb * t.K + b] -= sign;
}

/** Change in this attribute's violation if a person of value a in ra and one of value b in rb swap rooms. */
function exchangeDelta(t: AttributeTable, ra: number, a: number, rb: number, b: number): number {
  if (a === b) return 0;
  const sum = () => violation(t, ra, a) + violation(t, ra, b) + violation(t, rb, a) + violation(t, rb, b);
  const before = sum();
  exchangeCounts(t, ra, a, rb, b, 1);
  const after = sum();
  exchangeCounts(t, ra, a, rb, b, -1);
  return after - before;
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
  const catTable = attributeTable(cat, C, sizes);
  const regTable = attributeTable(reg, G, sizes);
  const roomOf = new Int32Array(N).fill(-1);
  const members: number[][] = rooms.map(() => []);
  const prefs = toPlace.map((p) => p.preferences.map((id) => roomIndex.get(id) ?? -1));
  const prefers = (i: number, r: number) => prefs[i].includes(r);

  const place = (i: number, r: number) => {
    roomOf[i] = r;
    members[r].push(i);
    catTable.count[r * C + cat[i]] += 1;
    regTable.count[r * G + reg[i]] += 1;
  };
  /** Change in total violation if i (in ra) and j (in rb) swap rooms. */
  const swapDelta = (i: number, j: number): number =>
    exchangeDelta(catTable, roomOf[i], cat[i], roomOf[j], cat[j]) + exchangeDelta(regTable, roomOf[i], reg[i], roomOf[j], reg[j]);
  const swap = (i: number, j: number) => {
    const ra = roomOf[i];
    const rb = roomOf[j];
    exchangeCounts(catTable, ra, cat[i], rb, cat[j], 1);
    exchangeCounts(regTable, ra, reg[i], rb, reg[j], 1);
    roomOf[i] = rb;
    roomOf[j] = ra;
    members[ra][members[ra].indexOf(i)] = j;
    members[rb][members[rb].indexOf(j)] = i;
  };
  const roomViolation = (r: number) => {
    let v = 0;
    for (let c = 0; c < C; c += 1) v += violation(catTable, r, c);
    for (let g = 0; g < G; g += 1) v += violation(regTable, r, g);
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
    shareCat: catTable.share,
    shareReg: regTable.share,
    hiCat: catTable.hi,
    hiReg: regTable.hi,
    countCat: catTable.count,
    countReg: regTable.count,
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
