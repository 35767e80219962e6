import { beforeAll, describe, expect, it } from 'vitest';
import type { EngagementState } from '../../server/domain/state.js';
import { paragraphKeysOf } from '../../server/domain/summaryReview/paragraphKeys.js';
import { breakoutBlocks } from '../../server/summary/breakoutBlocks.js';
import { buildSummary } from '../../server/summary/buildSummary.js';
import { renderMarkdown } from '../../server/summary/render/renderMarkdown.js';
import { Summary } from '../../server/summary/Summary.js';
import { wordsFor } from '../../server/summary/summaryWords.js';
import type { FullDayLedger } from './support/fullDayEngagement.js';
import { fullDaySummary, GENERATED_AT } from './support/fullDaySummary.js';

// The breakouts section of the Chair's summary, read from the breakout slice of the full day's state: two
// rounds of five rooms (ten rooms), a third round planned but never started. Expected numbers come from the
// generator's ledger, counted while it put people in rooms and wrote the reports.

let state: EngagementState;
let ledger: FullDayLedger;
let summary: Summary;

beforeAll(() => {
  ({ state, ledger, summary } = fullDaySummary());
});

const rooms = (s: Summary) => (s.breakouts?.rounds ?? []).flatMap((r) => r.rooms);
const bodyNumbers = (s: Summary) =>
  [...s.opening, ...s.questions.flatMap((q) => q.paragraphs), ...s.generalDiscussion, ...(s.breakouts?.paragraphs ?? []), ...s.closing].map(
    (p) => p.number,
  );

describe('buildSummary: breakout rounds from the state', () => {
  it('given two rounds that ran and one only planned, when built, then the section holds the two rounds and their ten rooms, in the order they started', () => {
    expect(() => Summary.parse(summary)).not.toThrow();
    const section = summary.breakouts!;
    expect(ledger.breakouts.rounds).toBe(2);
    expect(section.rounds.map((r) => r.roundId)).toEqual(['round-1', 'round-2']);
    expect(rooms(summary)).toHaveLength(10);
    expect(ledger.breakouts.rooms).toHaveLength(10);
    expect(section.rounds[0]).toMatchObject({
      title: 'Regional perspectives',
      status: 'ended',
      plannedMinutes: 30,
      extendedMinutes: 5,
      actualMinutes: 35,
    });
    expect(section.rounds[1]).toMatchObject({ title: null, status: 'ended', plannedMinutes: 30, extendedMinutes: 0, actualMinutes: 25 });
    expect(section.paragraphs[0].text).toContain(
      'Breakout round 1, “Regional perspectives”, met for 35 minutes (planned 30, extended by 5 minutes) in 5 rooms',
    );
  });

  it('given who was assigned where, when built, then each room counts its participants by category and region exactly as they were placed', () => {
    for (const [i, expected] of ledger.breakouts.rooms.entries()) {
      const room = rooms(summary)[i];
      expect(room.roomId).toBe(expected.roomId);
      expect(room.theme).toBe(expected.theme);
      expect(room.questionId).toBe(expected.questionId);
      expect(room.questionNumber).toBe(expected.questionId ? Number(expected.questionId.slice(2)) : null);
      expect(room.participants).toBe(expected.assigned);
      expect(room.byCategory).toEqual(expected.byCategory);
      expect(room.byRegion).toEqual(expected.byRegion);
    }
    // Everyone who takes part (141 speakers, 10 observers) in the morning; half the speakers in the afternoon.
    expect(summary.breakouts!.rounds.map((r) => r.rooms.reduce((n, room) => n + room.participants, 0))).toEqual([151, 71]);
  });

  it('given attendance recorded for the first round only (BREAKOUT-23..26), when built, then rooms count distinct non-staff joiners there and say nothing for the second', () => {
    for (const [i, expected] of ledger.breakouts.rooms.entries()) expect(rooms(summary)[i].attended).toBe(expected.attended);
    expect(
      rooms(summary)
        .slice(0, 5)
        .every((r) => typeof r.attended === 'number' && r.attended > 0 && r.attended < r.participants),
    ).toBe(true);
    expect(
      rooms(summary)
        .slice(5)
        .every((r) => r.attended === null),
    ).toBe(true);
  });

  it("given the rapporteurs' reports, one revised and one room silent (BREAKOUT-19), when built, then each room carries its latest report's lists exactly", () => {
    expect(rooms(summary).filter((r) => r.report)).toHaveLength(ledger.breakouts.reports);
    expect(ledger.breakouts.reports).toBe(9);
    for (const [i, expected] of ledger.breakouts.rooms.entries()) {
      const report = rooms(summary)[i].report ?? null;
      if (!expected.reported) {
        expect(report).toBeNull();
        expect(rooms(summary)[i].rapporteurReport).toBeNull();
        continue;
      }
      expect(report!.keyPoints).toHaveLength(expected.keyPoints);
      expect(report!.proposals).toHaveLength(expected.proposals);
      expect(report!.implementation).toHaveLength(expected.implementationSteps);
      expect(report!.openQuestions).toHaveLength(expected.openQuestions);
    }
    expect(rooms(summary).reduce((n, r) => n + (r.report?.proposals.length ?? 0), 0)).toBe(ledger.breakouts.proposals);
    expect(rooms(summary).reduce((n, r) => n + (r.report?.implementation.length ?? 0), 0)).toBe(ledger.breakouts.implementationSteps);
    expect(rooms(summary)[1].report!.revision).toBe(2);
    expect(rooms(summary)[1].report!.implementation[1]).toEqual({
      who: 'The secretariat',
      what: 'Circulate a short survey of needs',
      when: 'Q1 2027',
    });
    const silent = summary.breakouts!.paragraphs.find((p) => p.number === rooms(summary)[8].paragraphNumbers![1])!;
    expect(silent.text).toBe('No report was received from this room when this summary was generated.');
  });

  it("given rooms linked to a guiding question, when built, then their proposals also join that question's proposals, marked with the room", () => {
    for (const [i, expected] of ledger.questions.entries()) {
      const fromRooms = summary.questions[i].proposals.filter((p) => p.breakout);
      expect(fromRooms).toHaveLength(expected.breakoutProposals);
      expect(fromRooms.every((p) => p.kind === 'proposal')).toBe(true);
    }
    expect(ledger.questions.reduce((n, q) => n + q.breakoutProposals, 0)).toBeGreaterThan(0);
    // Room 5 of the first round links no question: its proposals stand in the breakouts section only.
    const unlinked = rooms(summary)[4];
    expect(unlinked.questionId).toBeNull();
    const everywhere = summary.questions.flatMap((q) => q.proposals).filter((p) => p.breakout?.roomId === unlinked.roomId);
    expect(everywhere).toHaveLength(0);
    expect(summary.questions[0].proposals.find((p) => p.breakout)).toMatchObject({
      breakout: { roundId: 'round-1', roomId: 'round-1-room-1', theme: 'Regional hubs in Africa' },
    });
  });

  it('given reports that name organisations and people, when built, then no participant is named anywhere in the body (non-attributive)', () => {
    const reportText = JSON.stringify(Object.values(state.breakouts.rounds).map((r) => r.reports));
    expect(ledger.breakouts.namesInReports.length).toBeGreaterThan(10);
    expect(ledger.breakouts.namesInReports.every((n) => reportText.includes(n))).toBe(true);
    const body = JSON.stringify({ breakouts: summary.breakouts, questions: summary.questions }).toLowerCase();
    for (const name of ledger.names) expect(body.includes(name.toLowerCase()), `"${name}" is named in the body`).toBe(false);
    expect(rooms(summary)[0].report!.keyPoints[1]).toBe('A participant stressed that regional hubs should be demand-driven.');
    expect(rooms(summary)[0].report!.implementation[0].who).toBe('A participant');
  });

  it("given { attributive: true }, when built, then the annex alone names each room's facilitator and rapporteur", () => {
    expect(summary.annexes.attributive).toBeNull();
    const annex = buildSummary(state, { generatedAt: GENERATED_AT, attributive: true }).annexes.attributive!.breakouts!;
    expect(annex).toHaveLength(10);
    const first = state.breakouts.rounds['round-1'].rooms[1];
    const rapporteur = state.participants[first.rapporteurId!];
    expect(annex[1]).toMatchObject({
      roomId: first.id,
      rapporteur: { organization: rapporteur.organization, name: rapporteur.displayName },
    });
    expect(annex[0].facilitator).toMatchObject({ organization: 'Office for Disarmament Affairs' });
    expect(annex[8].reportedBy).toBeNull();
  });

  it('given the breakouts section, when numbered (SUMMARY-2), then numbers run on from the general discussion to the closing and keys are breakouts:1..22', () => {
    const numbers = bodyNumbers(summary);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const section = summary.breakouts!;
    // One paragraph per round, two per room: 2 + 2 × 10.
    expect(section.paragraphs).toHaveLength(22);
    expect(section.paragraphs[0].number).toBe(summary.generalDiscussion.at(-1)!.number + 1);
    expect(summary.closing[0].number).toBe(section.paragraphs.at(-1)!.number + 1);
    const keys = paragraphKeysOf(summary).filter((p) => p.key.startsWith('breakouts:'));
    expect(keys.map((k) => k.key)).toEqual(section.paragraphs.map((_, i) => `breakouts:${i + 1}`));
    const placed = section.rounds.flatMap((r) => [...r.paragraphNumbers!, ...r.rooms.flatMap((room) => room.paragraphNumbers!)]);
    expect(placed).toEqual(section.paragraphs.map((p) => p.number));
  });

  it('given a late report and a newly started round, when built again, then every existing breakouts key still names the same paragraph place', () => {
    const later = structuredClone(state);
    const round2 = later.breakouts.rounds['round-2'];
    const silentRoom = round2.rooms[3];
    round2.reports[silentRoom.id] = {
      roomId: silentRoom.id,
      byParticipantId: 'p-sec',
      at: '2026-12-01T09:00:00.000Z',
      revision: 1,
      keyPoints: ['Late point.'],
      proposals: [],
      implementation: [],
      openQuestions: [],
    };
    const round3 = later.breakouts.rounds['round-3'];
    const startedAt = new Date(Date.parse(round2.endedAt!) + 30 * 60_000).toISOString();
    later.breakouts.rounds['round-3'] = { ...round3, status: 'running', startedAt, endedAt: null };
    const rebuilt = buildSummary(later, { generatedAt: GENERATED_AT });
    const before = paragraphKeysOf(summary).filter((p) => p.key.startsWith('breakouts:'));
    const after = paragraphKeysOf(rebuilt).filter((p) => p.key.startsWith('breakouts:'));
    expect(after).toHaveLength(before.length + 11);
    const changed = before.filter((p, i) => after[i].text !== p.text).map((p) => p.key);
    // Only the silent room's report paragraph changed; the running round was appended after the others.
    expect(changed).toEqual([`breakouts:${1 + 10 + 1 + 2 * 3 + 2}`]);
    expect(after[22].text).toContain('Breakout round 3 was still meeting when this summary was generated');
  });

  it('given a summary in the first schema (rooms without the added fields), when parsed and rendered, then it still reads, its paragraphs leading the section', () => {
    const old = buildSummary(state, { generatedAt: GENERATED_AT });
    const n = old.breakouts!.paragraphs[0].number;
    old.breakouts = {
      rounds: [
        {
          roundId: 'r-old',
          themes: ['Funding'],
          startedAt: null,
          endedAt: null,
          plannedMinutes: 20,
          actualMinutes: null,
          rooms: [
            {
              roomId: 'room-1',
              name: 'Room A',
              theme: 'Funding',
              questionId: null,
              participants: 4,
              byCategory: rooms(summary)[0].byCategory,
              byRegion: rooms(summary)[0].byRegion,
              rapporteurReport: 'Pooled funds were favoured.',
            },
          ],
        },
      ],
      paragraphs: [{ number: n, text: 'An old breakouts paragraph.' }],
    };
    const parsed = Summary.parse(JSON.parse(JSON.stringify(old)));
    expect(breakoutBlocks(parsed, wordsFor('en'))[0]).toEqual({
      kind: 'paragraphs',
      paragraphs: [{ number: n, text: 'An old breakouts paragraph.' }],
    });
    expect(renderMarkdown(parsed)).toContain(`${n}. An old breakouts paragraph.`);
  });
});
