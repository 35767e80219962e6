import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isolatePassages, passages } from '../../server/summary/render/passages.js';

// Issue 11 (LIFE-7: a summary in any of the six languages holds names in any script): the passages of a line
// written in the other direction than the document's, which HTML and Markdown isolate with <bdi>.

const bdi = (text: string, dir: 'ltr' | 'rtl') => isolatePassages(text, dir, (t) => t);

describe('passages in the other direction than the document (issue 11, LIFE-7)', () => {
  it('given an Arabic organization inside an English sentence, then the Arabic words are one passage without the spaces and brackets around them', () => {
    expect(passages('Statement by مؤسسة الحوار الرقمي (Digital Dialogue Foundation).', 'ltr')).toEqual([
      { text: 'Statement by ', isolate: false },
      { text: 'مؤسسة الحوار الرقمي', isolate: true },
      { text: ' (Digital Dialogue Foundation).', isolate: false },
    ]);
  });

  it('given an English name inside an Arabic sentence, then it is isolated, with the numbers written onto it', () => {
    expect(bdi('أحد الوفود stressed COVID-19 first.', 'rtl')).toBe('أحد الوفود <bdi>stressed COVID-19 first</bdi>.');
    expect(bdi('أُعِدّ في 2026-12-03T12:00:00.000Z.', 'rtl')).toBe('أُعِدّ في <bdi>2026-12-03T12:00:00.000Z</bdi>.');
  });

  it('given a text with no letter in the document direction, then it is one passage with its punctuation, left bare inside a dir="auto" container', () => {
    expect(bdi('Open_Net *Lab*', 'rtl')).toBe('<bdi>Open_Net *Lab*</bdi>');
    expect(isolatePassages('فاطمة الزهراء', 'ltr', (t) => t, true)).toBe('فاطمة الزهراء');
  });

  it('given text in left-to-right scripts only (Latin, Cyrillic, Chinese, Korean, Japanese) in an English document, then nothing is isolated', () => {
    expect(bdi('Ольга Петрова, 王小明, 김민준, 佐藤ゆき — 12:00', 'ltr')).toBe('Ольга Петрова, 王小明, 김민준, 佐藤ゆき — 12:00');
  });

  it('given a combining mark after the last letter of a passage, then it stays in the passage', () => {
    expect(passages('Name: بِ', 'ltr')).toEqual([
      { text: 'Name: ', isolate: false },
      { text: 'بِ', isolate: true },
    ]);
  });

  it('given any text, then the passages concatenated give it back, and only passages of the other direction are isolated', () => {
    const piece = fc.constantFrom('Kenya', ' ', 'مصر', '(', ')', '2026-12-03', 'T12', '.', '王', 'é', '\u0301', '-', '19', 'Ω');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.constantFrom('ltr' as const, 'rtl' as const), (pieces, dir) => {
        const text = pieces.join('');
        const parts = passages(text, dir);
        expect(parts.map((p) => p.text).join('')).toBe(text);
        for (const p of parts.filter((q) => q.isolate)) expect(/[\u0600-\u06FF]/.test(p.text)).toBe(dir === 'ltr');
      }),
    );
  });
});
