import { describe, expect, it } from 'vitest';
import {
  correctionTarget,
  draftSections,
  instantFromLocalInput,
  localInputValue,
  sectionOfKey,
  type DraftSummary,
} from '../../../plugin/src/features/summary/draftSections.js';
import { draftRefreshKey } from '../../../plugin/src/features/summary/draftRefreshKey.js';
import { emptySummaryReview } from '../../../server/domain/summaryReview/index.js';
import { emptyState } from '../../../server/domain/state.js';

const draft: DraftSummary = {
  metadata: { title: 'Consultation', status: 'draft', version: null, generatedAt: '2026-11-28T12:00:00.000Z' },
  opening: [{ number: 1, text: 'The Chair opened the meeting.' }],
  questions: [
    {
      questionId: 'q1',
      number: 1,
      text: 'What capacity is needed?',
      paragraphs: [
        { number: 2, text: 'Five interventions were made.' },
        { number: 3, text: 'Several participants stressed needs.' },
      ],
    },
  ],
  generalDiscussion: [],
  breakouts: null,
  closing: [{ number: 4, text: 'The Chair closed the meeting.' }],
};

describe('the draft’s paragraphs for editing and review', () => {
  it('SUMMARY-2: given a draft, then paragraphs keep their running numbers and get section keys, grouped under headings', () => {
    const sections = draftSections(draft, {});
    expect(sections.map((s) => s.title)).toEqual(['Opening', 'Guiding question 1: What capacity is needed?', 'Closing']);
    expect(sections[1].paragraphs.map((p) => [p.key, p.number])).toEqual([
      ['question:q1:1', 2],
      ['question:q1:2', 3],
    ]);
    expect(sectionOfKey('question:q1:2')).toBe('question:q1');
  });

  it('SUMMARY-1: given the Chair reworded one paragraph and cleared another, then only the reworded one is marked as the Chair’s wording', () => {
    const sections = draftSections(draft, { 'question:q1:2': { text: 'Many stressed needs.' }, 'closing:1': { text: '' } });
    const flat = sections.flatMap((s) => s.paragraphs);
    expect(flat.filter((p) => p.edited).map((p) => p.key)).toEqual(['question:q1:2']);
  });

  it('SUMMARY-6: given a correction on a paragraph, then it reads "paragraph N"; on a floor request, "an entry in the speakers list"', () => {
    const sections = draftSections(draft, {});
    expect(correctionTarget({ paragraphKey: 'question:q1:2', requestId: null }, sections)).toBe('paragraph 3');
    expect(correctionTarget({ paragraphKey: null, requestId: 'r1' }, sections)).toBe('an entry in the speakers list');
  });

  it('SUMMARY-3: given a local date and time from the form, then reviewUntil is an ISO instant; an empty value is none', () => {
    const iso = instantFromLocalInput('2026-12-01T17:30');
    expect(iso).toBe(new Date(2026, 11, 1, 17, 30).toISOString());
    expect(instantFromLocalInput('')).toBeNull();
    expect(instantFromLocalInput('tomorrow')).toBeNull();
    expect(localInputValue(new Date(2026, 10, 28, 9, 5).getTime(), 72)).toBe('2026-12-01T09:05');
  });

  it('given a floor change during the meeting, then the draft is not refetched; given an edit or a new note, then it is', () => {
    const state = emptyState();
    const review = emptySummaryReview();
    const before = draftRefreshKey(state, review);
    expect(draftRefreshKey({ ...state, currentRequestId: 'r9' }, review)).toBe(before);
    expect(
      draftRefreshKey(state, { ...review, edits: { 'opening:1': { text: 'x', at: '2026-11-28T12:00:00.000Z', byParticipantId: null } } }),
    ).not.toBe(before);
    expect(
      draftRefreshKey(
        {
          ...state,
          notes: [{ id: 'n', requestId: null, questionId: null, text: 't', visibility: 'public', byParticipantId: 'c', at: '' }],
        },
        review,
      ),
    ).not.toBe(before);
  });
});
