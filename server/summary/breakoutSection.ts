import type { BreakoutRoom as RoomState, BreakoutRound as RoundState } from '../domain/breakouts/state.js';
import type { EngagementState, Participant } from '../domain/state.js';
import { CATEGORIES, REGIONS, isStaffRole } from '../domain/vocabulary.js';
import { categoryLabels, regionLabels } from './labels.js';
import type { NameNeutralizer } from './neutralizeNames.js';
import type { SummaryWords } from './summaryWords.js';
import type {
  AttributiveAnnex,
  BreakoutReportSection,
  BreakoutRoom,
  BreakoutRound,
  BreakoutsSection,
  Paragraph,
  Proposal,
} from './Summary.js';

// The breakouts section of the Chair's summary, read from the breakout slice of the state: every round that
// ran (started; ended or still running), in the order the rounds started, with each room's theme, linked
// question, mix, attendance and the rapporteur's latest report (BREAKOUT-19).
//
// Paragraph keys are positional (`breakouts:<n>`, SUMMARY-2), so the number of paragraphs must not move when a
// report arrives or is revised: each round has exactly one paragraph and each room exactly two (its facts, then
// its report or the fact that none was received). A round that starts later only adds paragraphs at the end.
// Everything a rapporteur wrote is name-neutralised; who facilitated and reported is named only in the
// attributive annex.

type AnnexRows = NonNullable<AttributiveAnnex['breakouts']>;

export interface BreakoutsDraft {
  rounds: { round: BreakoutRound; paragraphs: string[]; rooms: { paragraphs: string[] }[] }[];
  /** Question id → proposals of the reports of rooms linked to it, in round and room order. */
  proposalsByQuestion: Map<string, Proposal[]>;
  annex: AnnexRows;
}

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** A line of a list, ready to be joined with "; " into a sentence. */
const asClause = (text: string): string => clean(text).replace(/[\s.;]+$/, '');

const minutesBetween = (from: string | null, to: string | null): number | null =>
  from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000)) : null;

/** The rounds that ran, by start time; rounds started at the same instant keep the order they were planned in. */
function roundsThatRan(state: EngagementState): RoundState[] {
  return state.breakouts.order
    .map((id) => state.breakouts.rounds[id])
    .filter((r): r is RoundState => r !== undefined && r.status !== 'planned' && r.startedAt !== null)
    .map((round, planned) => ({ round, planned }))
    .sort((a, b) => (a.round.startedAt! < b.round.startedAt! ? -1 : a.round.startedAt! > b.round.startedAt! ? 1 : a.planned - b.planned))
    .map((x) => x.round);
}

function mixOf(
  round: RoundState,
  room: RoomState,
  participants: Record<string, Participant>,
): Pick<BreakoutRoom, 'participants' | 'byCategory' | 'byRegion'> {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as BreakoutRoom['byCategory'];
  const byRegion = Object.fromEntries([...REGIONS, 'unspecified'].map((r) => [r, 0])) as BreakoutRoom['byRegion'];
  let count = 0;
  for (const [participantId, roomId] of Object.entries(round.assignment)) {
    if (roomId !== room.id) continue;
    const p = participants[participantId];
    count += 1;
    byCategory[p?.category ?? 'other'] += 1;
    byRegion[p?.region ?? 'unspecified'] += 1;
  }
  return { participants: count, byCategory, byRegion };
}

/** Distinct non-staff participants with a join in this room, or null when the round recorded no attendance at all. */
function attendedOf(round: RoundState, room: RoomState, participants: Record<string, Participant>): number | null {
  const records = Object.values(round.attendance ?? {});
  if (records.length === 0) return null;
  const joined = new Set(
    records
      .filter((a) => a.roomId === room.id && a.joinedAt !== null && !isStaffRole(participants[a.participantId]?.role))
      .map((a) => a.participantId),
  );
  return joined.size;
}

const mixWords = <K extends string>(counts: Record<K, number>, labels: Record<K, string>, w: SummaryWords): string =>
  (Object.entries(counts) as [K, number][])
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${labels[k]} ${w.n(n)}`)
    .join(w.language === 'zh-Hans' ? '，' : w.language === 'ar' ? '، ' : ', ') || w.t('breakout.none');

function reportOf(round: RoundState, room: RoomState, neutralize: NameNeutralizer): BreakoutReportSection | null {
  const r = round.reports[room.id];
  if (!r) return null;
  const lines = (xs: string[]) => xs.map((x) => neutralize(clean(x))).filter((x) => x !== '');
  return {
    revision: r.revision,
    submittedAt: r.at,
    keyPoints: lines(r.keyPoints),
    proposals: lines(r.proposals),
    implementation: r.implementation.map((s) => ({
      who: neutralize(clean(s.who)),
      what: neutralize(clean(s.what)),
      when: neutralize(clean(s.when)),
    })),
    openQuestions: lines(r.openQuestions),
  };
}

function person(participants: Record<string, Participant>, id: string | null): AnnexRows[number]['facilitator'] {
  const p = id ? participants[id] : undefined;
  return p ? { organization: p.organization, name: p.displayName } : null;
}

export function draftBreakouts(
  state: EngagementState,
  neutralize: NameNeutralizer,
  questionNumber: Map<string, number>,
  w: SummaryWords,
): BreakoutsDraft {
  const participants = state.participants;
  const categories = categoryLabels(w);
  const regions = regionLabels(w);
  const proposalsByQuestion = new Map<string, Proposal[]>();
  const annex: AnnexRows = [];
  const rounds = roundsThatRan(state).map((round, i) => {
    const rooms = [...round.rooms].sort((a, b) => a.index - b.index);
    const drafted = rooms.map((room) => {
      const name = w.t('breakout.room', { index: room.index });
      const mix = mixOf(round, room, participants);
      const attended = attendedOf(round, room, participants);
      const report = reportOf(round, room, neutralize);
      const number = room.questionId ? (questionNumber.get(room.questionId) ?? null) : null;
      if (report && room.questionId && number !== null) {
        const list = proposalsByQuestion.get(room.questionId) ?? [];
        list.push(
          ...report.proposals.map((text) => ({
            kind: 'proposal' as const,
            text,
            breakout: { roundId: round.id, roomId: room.id, theme: room.theme },
          })),
        );
        proposalsByQuestion.set(room.questionId, list);
      }
      annex.push({
        roundId: round.id,
        roomId: room.id,
        roomName: name,
        theme: room.theme,
        facilitator: person(participants, room.facilitatorId),
        rapporteur: person(participants, room.rapporteurId),
        reportedBy: person(participants, round.reports[room.id]?.byParticipantId ?? null),
      });
      const linked = number !== null ? w.t('breakout.linked', { number }) : '';
      const joined = attended === null ? '' : `${w.sentenceGap}${w.t('breakout.joined', { count: attended })}`;
      const facts =
        w.t('breakout.facts', {
          room: name,
          theme: clean(room.theme),
          linked,
          assigned: w.t('breakout.assigned', { count: mix.participants }),
          byCategory: mixWords(mix.byCategory, categories, w),
          byRegion: mixWords(mix.byRegion, regions, w),
        }) + joined;
      // Joined from the rapporteur's own lines, then neutralised as one text: a name inside the list becomes
      // "a participant", not a capitalised "A participant" after a semicolon.
      const points = (round.reports[room.id]?.keyPoints ?? [])
        .map(asClause)
        .filter((x) => x !== '')
        .join('; ');
      const findings = !report ? w.t('breakout.noReport') : points ? w.t('breakout.keyPoints', { points }) : w.t('breakout.noKeyPoints');
      const summaryRoom: BreakoutRoom = {
        roomId: room.id,
        name,
        theme: room.theme,
        questionId: room.questionId,
        ...mix,
        rapporteurReport: report && points ? neutralize(points) : null,
        index: room.index,
        questionNumber: number,
        attended,
        report,
      };
      return { room: summaryRoom, paragraphs: [neutralize(facts), neutralize(findings)] };
    });
    const actual = minutesBetween(round.startedAt, round.endedAt);
    const title = round.title ? clean(round.title) : null;
    const assigned = drafted.reduce((n, d) => n + d.room.participants, 0);
    const minutes = (count: number) => w.t('counts.minutes', { count });
    const extended = round.extendedMinutes > 0 ? w.t('breakout.extended', { minutes: minutes(round.extendedMinutes) }) : '';
    const ran =
      round.status === 'ended'
        ? w.t('breakout.met', { minutes: minutes(actual ?? 0), planned: round.durationMinutes, extended })
        : w.t('breakout.stillMeeting', { minutes: minutes(round.durationMinutes), extended });
    const intro = w.t('breakout.intro', {
      round: title ? w.t('breakout.roundTitled', { number: i + 1, title }) : w.t('breakout.round', { number: i + 1 }),
      ran,
      rooms: w.t('breakout.rooms', { count: rooms.length }),
      assigned: w.t('breakout.participants', { count: assigned }),
    });
    const summaryRound: BreakoutRound = {
      roundId: round.id,
      themes: rooms.map((r) => r.theme),
      startedAt: round.startedAt,
      endedAt: round.endedAt,
      plannedMinutes: round.durationMinutes,
      actualMinutes: actual,
      rooms: drafted.map((d) => d.room),
      title,
      status: round.status === 'ended' ? 'ended' : 'running',
      extendedMinutes: round.extendedMinutes,
    };
    return { round: summaryRound, paragraphs: [neutralize(intro)], rooms: drafted.map((d) => ({ paragraphs: d.paragraphs })) };
  });
  return { rounds, proposalsByQuestion, annex };
}

/** Numbers the drafted paragraphs with the rest of the document and records where each stands. */
export function numberBreakouts(draft: BreakoutsDraft, paragraph: (text: string) => Paragraph): BreakoutsSection | null {
  if (draft.rounds.length === 0) return null;
  const paragraphs: Paragraph[] = [];
  const take = (texts: string[]): number[] =>
    texts.map((t) => {
      const p = paragraph(t);
      paragraphs.push(p);
      return p.number;
    });
  const rounds = draft.rounds.map(({ round, paragraphs: intro, rooms }) => {
    const introNumbers = take(intro);
    return {
      ...round,
      paragraphNumbers: introNumbers,
      rooms: round.rooms.map((room, i) => ({ ...room, paragraphNumbers: take(rooms[i].paragraphs) })),
    };
  });
  return { rounds, paragraphs };
}
