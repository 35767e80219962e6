import { describe, expect, it } from 'vitest';
import { append, memoized, omit, put, withOwnership } from '../../server/domain/foldOwnership.js';

// The write helpers of the linear fold (server/domain/foldOwnership.ts): outside a fold they are the
// spreads they replaced (a new object, the input untouched, the same keys in the same order); inside a
// fold they write in place only into objects that fold created.

describe('foldOwnership', () => {
  it('given no fold, when put, omit and append write, then they return copies equal to the spreads and leave the frozen inputs alone', () => {
    const record = Object.freeze({ b: 1, a: 2, 10: 3 }) as Record<string, number>;
    expect(JSON.stringify(put(record, 'a', 5))).toBe(JSON.stringify({ ...record, a: 5 }));
    expect(JSON.stringify(put(record, 'c', 6))).toBe(JSON.stringify({ ...record, c: 6 }));
    const { a: _a, ...withoutA } = record;
    expect(JSON.stringify(omit(record, 'a'))).toBe(JSON.stringify(withoutA));
    expect(omit(record, 'missing')).toStrictEqual(record);
    const list = Object.freeze([1, 2]) as number[];
    expect(append(list, 3)).toStrictEqual([1, 2, 3]);
    expect(record).toStrictEqual({ b: 1, a: 2, 10: 3 });
    expect(list).toStrictEqual([1, 2]);
  });

  it('given an id "__proto__", when put stores it, then it is an own data property as with a spread, never the prototype', () => {
    const stored = put({ a: { n: 1 } } as Record<string, { n: number }>, '__proto__', { n: 2 });
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.keys(stored)).toEqual(['a', '__proto__']);
    expect(JSON.stringify(stored)).toBe(JSON.stringify({ ...{ a: { n: 1 } }, ['__proto__']: { n: 2 } }));
    // Copied again (a later event outside a fold), it stays data.
    expect(Object.getPrototypeOf(put(stored, 'b', { n: 3 }))).toBe(Object.prototype);
    expect(Object.keys(put(stored, 'b', { n: 3 }))).toEqual(['a', '__proto__', 'b']);
  });

  it('given a fold, when it writes twice into a record, then the first write copies the given record and the second writes into that copy', () => {
    const given = Object.freeze({ a: 1 }) as Record<string, number>;
    withOwnership(new WeakSet(), () => {
      const first = put(given, 'b', 2);
      expect(first).not.toBe(given);
      const second = put(first, 'c', 3);
      expect(second).toBe(first);
      expect(omit(second, 'a')).toBe(first);
      expect(first).toStrictEqual({ b: 2, c: 3 });
      const list = append(Object.freeze([] as number[]), 1);
      expect(append(list, 2)).toBe(list);
    });
    expect(given).toStrictEqual({ a: 1 });
  });

  it('given a value memoized for a record, when a fold writes into that record in place, then the memo is derived again', () => {
    withOwnership(new WeakSet(), () => {
      const record = put({}, 'a', 1);
      expect(memoized(record, 'size', () => Object.keys(record).length)).toBe(1);
      put(record, 'b', 2);
      expect(memoized(record, 'size', () => Object.keys(record).length)).toBe(2);
    });
  });
});
