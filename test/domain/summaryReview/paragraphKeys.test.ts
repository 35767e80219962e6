import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../../server/summary/buildSummary.js';
import { Summary } from '../../../server/summary/Summary.js';
import { canonicalJson, isCanonicalJsonObject } from '../../../server/domain/summaryReview/canonicalJson.js';
import { PARAGRAPH_KEY_PATTERN } from '../../../server/domain/summaryReview/commands.js';
import { applyParagraphEdits, orphanedEditKeys, paragraphKeysOf } from '../../../server/domain/summaryReview/paragraphKeys.js';
import { endedMeeting } from './summaryWorld.js';

const GENERATED_AT = '2026-11-28T12:00:00.000Z';

describe('summary: paragraph keys over the real buildSummary', () => {
  it('SUMMARY-2: given a built summary, then every paragraph has one well-formed, unique key, in document order', () => {
    const w = endedMeeting();
    const summary = buildSummary(w.state, { generatedAt: GENERATED_AT });
    const keyed = paragraphKeysOf(summary);
    expect(keyed.map((p) => p.number)).toEqual(keyed.map((_, i) => i + 1));
    expect(new Set(keyed.map((p) => p.key)).size).toBe(keyed.length);
    for (const p of keyed) expect(p.key).toMatch(PARAGRAPH_KEY_PATTERN);
    expect(keyed.map((p) => p.key)).toContain(`question:${w.questionId}:2`);
    expect(keyed.find((p) => p.key === `question:${w.questionId}:2`)!.text).toMatch(/regional hubs/);
  });

  it('SUMMARY-2: given a note added later on an earlier question, then the keys of the paragraphs already there still name the same text', () => {
    const w = endedMeeting();
    const before = paragraphKeysOf(buildSummary(w.state, { generatedAt: GENERATED_AT }));
    w.g.state = w.state;
    w.g.with('chair', { type: 'note.add', questionId: w.questionId, text: 'A later point on capacity.', visibility: 'public' });
    const after = paragraphKeysOf(buildSummary(w.g.state, { generatedAt: GENERATED_AT }));
    const text = (list: typeof before, key: string) => list.find((p) => p.key === key)?.text;
    for (const p of before.filter((x) => !x.key.startsWith('closing'))) expect(text(after, p.key), p.key).toBe(p.text);
    // Running numbers after the new paragraph moved; the keys did not.
    expect(after.find((p) => p.key === 'closing:1')!.number).toBe(before.find((p) => p.key === 'closing:1')!.number + 1);
  });

  it('SUMMARY-1: given edits, then they replace the text of their paragraphs, numbers stay, an empty edit keeps the generated text, and the result is still a Summary', () => {
    const w = endedMeeting();
    const summary = buildSummary(w.state, { generatedAt: GENERATED_AT });
    const edited = applyParagraphEdits(summary, {
      'opening:2': { text: 'The Chair’s own wording.' },
      [`question:${w.questionId}:2`]: { text: '' },
      'question:gone:1': { text: 'orphan' },
    });
    expect(edited.opening[1]).toEqual({ number: summary.opening[1].number, text: 'The Chair’s own wording.' });
    expect(edited.questions[0].paragraphs).toEqual(summary.questions[0].paragraphs);
    expect(summary.opening[1].text).not.toBe('The Chair’s own wording.');
    expect(Summary.parse(edited)).toEqual(edited);
    expect(orphanedEditKeys(summary, { 'question:gone:1': {}, 'opening:1': {} })).toEqual(['question:gone:1']);
  });
});

describe('summary: canonical JSON and its hash', () => {
  it('SUMMARY-9: given the same summary assembled in two key orders, then the canonical text and the sha256 are the same', () => {
    const a = { schema: 'convene.summary/1', metadata: { title: 'T', version: 1, theme: null }, list: [{ b: 2, a: 1 }], skip: undefined };
    const b = { list: [{ a: 1, b: 2 }], metadata: { theme: null, version: 1, title: 'T' }, schema: 'convene.summary/1' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe(
      '{"list":[{"a":1,"b":2}],"metadata":{"theme":null,"title":"T","version":1},"schema":"convene.summary/1"}',
    );
    const hash = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
    expect(hash(canonicalJson(a))).toBe(hash(canonicalJson(b)));
    expect(isCanonicalJsonObject(canonicalJson(a))).toBe(true);
    expect(isCanonicalJsonObject(JSON.stringify(b))).toBe(false);
  });

  it('SUMMARY-9: given a real summary with non-Latin text, then canonical JSON round-trips exactly and is stable across builds', () => {
    const w = endedMeeting();
    w.state = { ...w.state, settings: { ...w.state.settings, title: 'مشاورة غير رسمية — 非正式磋商' } };
    const one = canonicalJson(buildSummary(w.state, { generatedAt: GENERATED_AT }));
    const two = canonicalJson(buildSummary(w.state, { generatedAt: GENERATED_AT }));
    expect(one).toBe(two);
    expect(canonicalJson(JSON.parse(one))).toBe(one);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
  });
});
