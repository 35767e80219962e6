import { beforeAll, describe, expect, it } from 'vitest';
import { buildSummary } from '../../server/summary/buildSummary.js';
import { Summary } from '../../server/summary/Summary.js';
import { SECRET_MARKER, type FullDayLedger } from './support/fullDayEngagement.js';
import { fullDaySummary, GENERATED_AT } from './support/fullDaySummary.js';
import { smallEngagement } from './support/smallEngagement.js';
import type { EngagementState } from '../../server/domain/state.js';

// The Chair's summary from a full day (300 interventions, 6 questions, 200 written inputs). Expected numbers
// come from the generator's ledger, counted while it generated the day, not re-derived from the state.

let state: EngagementState;
let ledger: FullDayLedger;
let summary: Summary;

beforeAll(() => {
  ({ state, ledger, summary } = fullDaySummary());
});

/** Every numbered paragraph of the body, in document order. */
const bodyParagraphs = (s: Summary) => [
  ...s.opening,
  ...s.questions.flatMap((q) => q.paragraphs),
  ...s.generalDiscussion,
  ...(s.breakouts?.paragraphs ?? []),
  ...s.closing,
];

const minutes = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

describe('buildSummary on a full day', () => {
  it('given the full day, when built, then the result satisfies the Summary schema (it is the JSON export)', () => {
    expect(() => Summary.parse(summary)).not.toThrow();
    expect(summary.schema).toBe('convene.summary/1');
    expect(summary.metadata.generatedAt).toBe(GENERATED_AT);
  });

  it('given six questions, when built, then each counts its interventions, seconds spoken, deferrals and written answers exactly', () => {
    expect(summary.questions).toHaveLength(6);
    expect(summary.questions.reduce((n, q) => n + q.interventions, 0)).toBe(300);
    for (const [i, expected] of ledger.questions.entries()) {
      const q = summary.questions[i];
      expect(q.questionId).toBe(expected.questionId);
      expect(q.number).toBe(i + 1);
      expect(q.interventions).toBe(expected.interventions);
      expect(q.timeUsedSeconds).toBe(expected.spokeSeconds);
      expect(q.deferred).toEqual({ count: expected.deferred, submittedInWriting: expected.deferredSubmitted });
    }
  });

  it('given deferrals, when built, then the counts paragraph says how many were heard, over how long, and who answered in writing', () => {
    for (const [i, expected] of ledger.questions.entries()) {
      const first = summary.questions[i].paragraphs[0].text;
      const head = `${expected.interventions} interventions were made on this question over ${Math.round(expected.spokeSeconds / 60)} minutes`;
      if (expected.deferred > 0) {
        expect(first).toContain(
          `${head}; ${expected.deferred} requests to speak could not be heard and were invited to submit in writing, of which ${expected.deferredSubmitted} did so.`,
        );
      } else {
        expect(first.startsWith(`${head}.`)).toBe(true);
      }
    }
    // Question 3 had six deferred, three answered (one answer was later withdrawn and no longer counts).
    expect(summary.questions[2].deferred).toEqual({ count: 6, submittedInWriting: 3 });
  });

  it('given the whole document, when numbered, then paragraphs run 1, 2, 3, … without a gap across sections', () => {
    const numbers = bodyParagraphs(summary).map((p) => p.number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(summary.opening[0].text).toContain("issued under the Chair's own responsibility");
  });

  it("given public notes that name organisations and people, when built, then no participant's name appears in the body", () => {
    // The check means something only if the notes did name participants.
    const naming = state.notes.filter((n) => ledger.publicNoteIdsMentioningNames.includes(n.id));
    expect(naming.length).toBeGreaterThan(20);
    expect(naming.every((n) => ledger.names.some((name) => n.text.includes(name)))).toBe(true);

    const body = [...bodyParagraphs(summary).map((p) => p.text), ...summary.questions.flatMap((q) => q.proposals.map((p) => p.text))].map(
      (t) => t.toLowerCase(),
    );
    for (const name of ledger.names) {
      const offending = body.find((t) => t.includes(name.toLowerCase()));
      expect(offending, `"${name}" appears in: ${offending}`).toBeUndefined();
    }
    expect(body.filter((t) => t.startsWith('a participant stressed') || t.startsWith('a delegation stressed'))).toHaveLength(naming.length);
  });

  it('given secretariat notes and private request notes (VIEW-6), when built, then neither appears anywhere in the summary', () => {
    expect(state.notes.some((n) => n.visibility === 'secretariat' && n.text.includes(SECRET_MARKER))).toBe(true);
    expect(JSON.stringify(summary)).not.toContain(SECRET_MARKER);
  });

  it('given notes starting "Proposal:", "Action:" or "Recommendation:", when built, then they form each question\'s proposals list, not paragraphs', () => {
    for (const [i, expected] of ledger.questions.entries()) {
      const q = summary.questions[i];
      const fromNotes = q.proposals.filter((p) => p.breakout === undefined);
      expect(fromNotes.map((p) => p.kind)).toEqual(['proposal', 'action', 'recommendation']);
      expect(fromNotes).toHaveLength(expected.proposals);
      expect(q.proposals.slice(0, fromNotes.length)).toEqual(fromNotes);
      expect(q.paragraphs).toHaveLength(1 + expected.publicDiscussionNotes);
      expect(q.paragraphs.some((p) => /^(proposal|action|recommendation):/i.test(p.text))).toBe(false);
      expect(fromNotes[0].text).toMatch(/as suggested by a (participant|delegation)\.$/);
    }
  });

  it('given every request, when built, then the speakers-list annex records each with its outcome, allowance and overrun', () => {
    const rows = summary.annexes.speakersList;
    expect(rows).toHaveLength(ledger.requests);
    const byOutcome = (o: string) => rows.filter((r) => r.outcome === o).length;
    expect(byOutcome('heard')).toBe(300);
    expect(byOutcome('withdrawn')).toBe(ledger.questions.reduce((n, q) => n + q.withdrawn, 0));
    expect(byOutcome('skipped')).toBe(ledger.questions.reduce((n, q) => n + q.skipped, 0));
    expect(byOutcome('deferred')).toBe(ledger.questions.reduce((n, q) => n + q.deferred, 0));
    expect(rows.filter((r) => (r.overrunSeconds ?? 0) > 0)).toHaveLength(ledger.overruns);
    expect(rows.filter((r) => r.outcome === 'skipped').map((r) => r.reason)).toContain('audio failure');
    expect(new Set(rows.filter((r) => r.outcome === 'deferred').map((r) => r.reason))).toEqual(
      new Set(['replan', 'chair', 'engagement-ended']),
    );
    // In order of inscription: the audit reads as a log.
    expect(rows.map((r) => r.requestedAt)).toEqual([...rows.map((r) => r.requestedAt)].sort());
    const heard = rows.find((r) => r.outcome === 'heard')!;
    expect(heard.givenAt).not.toBeNull();
    expect(heard.spokeSeconds).toBe(state.interventions[heard.requestId].spokeSeconds);
  });

  it('given 200 written inputs, some withdrawn (DEFER-2), when built, then the annex lists the live ones with author organisation and attachments', () => {
    const rows = summary.annexes.writtenInputs;
    expect(ledger.inputsTotal).toBe(200);
    expect(rows).toHaveLength(ledger.inputsTotal - ledger.inputsWithdrawn);
    expect(rows.filter((r) => r.answersDeferredRequest)).toHaveLength(ledger.questions.reduce((n, q) => n + q.deferredSubmitted, 0));
    expect(rows.some((r) => r.attachments.length === 2)).toBe(true);
    expect(rows.every((r) => r.organization !== 'Unknown')).toBe(true);
  });

  it('given approved, pending and declined participants, when built, then participation counts the approved by role, category and region', () => {
    const p = summary.participation;
    expect(p.total).toBe(ledger.approvedParticipants);
    expect(p.byRole).toEqual(ledger.approvedByRole);
    expect(Object.values(p.byCategory).reduce((a, b) => a + b, 0)).toBe(ledger.approvedParticipants);
    expect(Object.values(p.byRegion).reduce((a, b) => a + b, 0)).toBe(ledger.approvedParticipants);
    expect(Object.values(p.byCategory).every((n) => n > 0)).toBe(true);
    const all = p.organizations.flatMap((g) => g.names);
    expect(all).not.toContain('Pending Review Society');
    expect(all).not.toContain('Declined Applicant Group');
    expect(all).not.toContain('Office of the Chair');
    expect(p.organizations.find((g) => g.category === 'member-state')!.names).toContain('Kenya');
  });

  it('given the agenda as it ran, when built, then planned and actual minutes are exact, the last item ending with the engagement', () => {
    expect(summary.agenda.map((a) => a.itemId)).toEqual(state.agenda.map((a) => a.id));
    for (const row of summary.agenda) {
      const item = state.agenda.find((a) => a.id === row.itemId)!;
      const end = item.endedAt ?? state.endedAt!;
      expect(row.actualMinutes).toBe(minutes(item.startedAt!, end));
      expect(row.plannedMinutes).toBe(item.plannedMinutes);
    }
    expect(summary.agenda.at(-1)!.endedAt).toBe(state.endedAt);
    expect(summary.timeUse).toEqual(
      summary.agenda.map((a) => ({ label: a.title, plannedMinutes: a.plannedMinutes, actualMinutes: a.actualMinutes })),
    );
    expect(summary.metadata.actualMinutes).toBe(minutes(state.startedAt!, state.endedAt!));
    // 535 minutes of plenary and two 30-minute breakout items.
    expect(summary.metadata.plannedMinutes).toBe(595);
    expect(summary.metadata.date).toBe('2026-11-30');
  });

  it('given no option, when built, then there is no attributive annex; given { attributive: true }, then it names who spoke and who was not heard', () => {
    expect(summary.annexes.attributive).toBeNull();
    const withAnnex = buildSummary(state, { generatedAt: GENERATED_AT, attributive: true });
    const annex = withAnnex.annexes.attributive!;
    expect(annex.questions).toHaveLength(6);
    const deferred = annex.questions.flatMap((q) => q.deferredSpeakers);
    expect(deferred).toHaveLength(ledger.questions.reduce((n, q) => n + q.deferred, 0));
    expect(deferred.filter((d) => d.submittedInWriting)).toHaveLength(ledger.questions.reduce((n, q) => n + q.deferredSubmitted, 0));
    expect(annex.questions.flatMap((q) => q.statements).some((s) => ledger.names.includes(s.organization))).toBe(true);
    // The body stays non-attributive either way.
    expect(withAnnex.questions).toEqual(summary.questions);
  });

  it('given the same state twice, when built, then the summaries are identical (pure)', () => {
    expect(buildSummary(state, { generatedAt: GENERATED_AT })).toEqual(summary);
  });
});

describe('buildSummary on a small engagement', () => {
  it('given a request still waiting, when built, then the audit says "waiting" and the closing paragraph says it is still open', () => {
    const s = smallEngagement();
    s.status = 'live';
    s.requests.r7.status = 'waiting';
    s.requests.r7.deferralReason = null;
    s.waiting.q2 = ['r7'];
    const built = buildSummary(s, { generatedAt: GENERATED_AT });
    expect(built.annexes.speakersList.find((r) => r.requestId === 'r7')).toMatchObject({ outcome: 'waiting', reason: null });
    expect(built.closing[0].text).toContain('1 was still open when this summary was generated');
  });

  it('given "Name (Organisation)" in a note, when built, then it becomes one neutral phrase, capitalised at the start of a sentence', () => {
    const built = buildSummary(smallEngagement(), { generatedAt: GENERATED_AT });
    expect(built.questions[0].paragraphs[1].text).toBe('A delegation stressed that needs assessments should come first.');
    expect(built.questions[0].paragraphs[2].text).toBe('A participant called for *sustained* funding_and mentoring.');
    expect(built.questions[0].proposals).toEqual([
      { kind: 'proposal', text: 'a voluntary needs-and-offers portal, as a delegation suggested.' },
    ]);
  });

  it('given a status and a version, when built, then the metadata carries them (the summary slice fills them later)', () => {
    const built = buildSummary(smallEngagement(), { generatedAt: GENERATED_AT, status: 'published', version: 2 });
    expect(built.metadata).toMatchObject({ status: 'published', version: 2 });
    expect(buildSummary(smallEngagement(), { generatedAt: GENERATED_AT }).metadata).toMatchObject({ status: 'draft', version: null });
  });

  it('given no breakout round in the state, when built, then there is no breakouts section and the closing follows the general discussion', () => {
    const built = buildSummary(smallEngagement(), { generatedAt: GENERATED_AT });
    expect(built.breakouts).toBeNull();
    const last = built.generalDiscussion.at(-1) ?? built.questions.at(-1)!.paragraphs.at(-1)!;
    expect(built.closing[0].number).toBe(last.number + 1);
  });
});
