import { describe, expect, it } from 'vitest';
import { emptyPlanDraft, planFromDraft } from '../../../plugin/src/features/breakouts/planDraft.js';
import { draftFromReport, emptyReportDraft, linesOf, reportFromDraft } from '../../../plugin/src/features/breakouts/reportDraft.js';

// The planning and report forms check themselves with the domain's own schema and rules before sending, and
// say what to fix in words.

describe('the planning form', () => {
  it('BREAKOUT-1: given two themed rooms and a duration, when planned, then the command is exactly what the server validates', () => {
    const draft = emptyPlanDraft();
    draft.title = ' Round one ';
    draft.mode = 'self-select';
    draft.rooms[0] = { theme: 'Needs', questionId: 'q1', facilitatorId: 'p-a', rapporteurId: 'p-b', capacity: '6' };
    draft.rooms[1] = { theme: 'Partnerships', questionId: '', facilitatorId: '', rapporteurId: '', capacity: '4' };
    expect(planFromDraft(draft)).toEqual({
      ok: true,
      command: {
        type: 'breakouts.plan',
        title: 'Round one',
        mode: 'self-select',
        durationMinutes: 20,
        reportBackMinutes: 3,
        rooms: [
          { theme: 'Needs', capacity: 6, questionId: 'q1', facilitatorId: 'p-a', rapporteurId: 'p-b' },
          { theme: 'Partnerships', capacity: 4 },
        ],
      },
    });
  });

  it('BREAKOUT-1: given a room without theme, a capacity that is not a whole number and a zero duration, then each problem names its room and field', () => {
    const draft = emptyPlanDraft();
    draft.rooms[0].theme = 'Needs';
    draft.rooms[1].capacity = '2.5';
    draft.durationMinutes = '0';
    const check = planFromDraft(draft);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toEqual(
      expect.arrayContaining([
        'Room 2, Theme: is required.',
        'Room 2, Capacity: enter a whole number.',
        'Duration (minutes): must be at least 1.',
      ]),
    );
  });
});

describe('the rapporteur’s report form', () => {
  it('BREAKOUT-19: given items written one per line with list markup, then each line is one item without its bullet', () => {
    expect(linesOf('- first\n\n* second\n3. third\n  • fourth  ')).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it('BREAKOUT-19: given key points and one full who/what/when row plus an empty row, then the report holds the full row only', () => {
    const draft = {
      ...emptyReportDraft(),
      keyPoints: 'Needs differ by region',
      implementation: [
        { who: 'UNIDIR', what: 'map needs', when: '2027' },
        { who: '', what: '', when: '' },
      ],
    };
    expect(reportFromDraft(draft)).toEqual({
      ok: true,
      report: {
        keyPoints: ['Needs differ by region'],
        proposals: [],
        implementation: [{ who: 'UNIDIR', what: 'map needs', when: '2027' }],
        openQuestions: [],
      },
    });
  });

  it('BREAKOUT-19: given an empty report, or a row missing its "when", then it is not sent and says what to fill in', () => {
    expect(reportFromDraft(emptyReportDraft())).toEqual({
      ok: false,
      problems: ['Write at least one key point, proposal, implementation step or open question.'],
    });
    const partial = { ...emptyReportDraft(), proposals: 'A registry', implementation: [{ who: 'States', what: 'report', when: ' ' }] };
    expect(reportFromDraft(partial)).toEqual({
      ok: false,
      problems: ['Implementation row 1: fill in who, what and when, or clear the row.'],
    });
  });

  it('given a filed report, when revised, then the form comes back with its items', () => {
    const report = { keyPoints: ['a', 'b'], proposals: [], implementation: [], openQuestions: ['c'] };
    const draft = draftFromReport(report);
    expect(draft.keyPoints).toBe('a\nb');
    expect(reportFromDraft(draft)).toEqual({ ok: true, report });
  });
});
