import type { AttendanceRecord, BreakoutRound } from '../../../server/domain/breakouts/state.js';
import type { EngagementState, Participant } from '../../../server/domain/state.js';
import { CATEGORIES, REGIONS, type Category, type Region } from '../../../server/domain/vocabulary.js';

// The full day's breakout rounds, built directly as state like the rest of the day, with a ledger counted
// while generating: who was put in which room (so each room's mix), who joined, what each report holds.
// Deterministic without a random source, so the speakers' day (which draws from one) stays as it was.

export interface BreakoutRoomLedger {
  roundId: string;
  roomId: string;
  theme: string;
  questionId: string | null;
  assigned: number;
  byCategory: Record<Category, number>;
  byRegion: Record<Region | 'unspecified', number>;
  /** Distinct non-staff participants who joined; null when the round recorded no attendance. */
  attended: number | null;
  reported: boolean;
  keyPoints: number;
  proposals: number;
  implementationSteps: number;
  openQuestions: number;
}

export interface BreakoutsLedger {
  rounds: number;
  rooms: BreakoutRoomLedger[];
  reports: number;
  proposals: number;
  implementationSteps: number;
  /** Organisation and person names written into reports (the summary's body must not show them). */
  namesInReports: string[];
  /** Question id → proposals of reports from rooms linked to it. */
  proposalsByQuestion: Record<string, number>;
}

export interface RoundSpec {
  roundId: string;
  title: string | null;
  mode: BreakoutRound['mode'];
  startedAt: number;
  durationMinutes: number;
  extendedMinutes: number;
  endedAt: number;
  endReason: NonNullable<BreakoutRound['endReason']>;
  agendaItemId: string;
  themes: string[];
  questionIds: (string | null)[];
  capacity: number;
  /** Who takes part, in order; person k goes to room `roomOf(k)`. */
  members: Participant[];
  roomOf: (k: number) => number;
  recordAttendance: boolean;
  /** Room indexes (0-based) whose rapporteur never reported. */
  silentRooms: number[];
  /** Room indexes whose report was revised once (the summary shows the latest). */
  revisedRooms: number[];
}

const BREAKOUT_THEMES = [
  'Regional hubs in Africa',
  'Small island developing States',
  'Cross-regional mentoring',
  'Funding models',
  'Needs assessments',
  'Points of contact in practice',
  'Incident response exercises',
  'Critical infrastructure drills',
  'Gender and inclusion',
  'Measuring progress',
];

const iso = (ms: number): string => new Date(ms).toISOString();

export const emptyBreakoutsLedger = (): BreakoutsLedger => ({
  rounds: 0,
  rooms: [],
  reports: 0,
  proposals: 0,
  implementationSteps: 0,
  namesInReports: [],
  proposalsByQuestion: {},
});

export function addBreakoutRound(state: EngagementState, spec: RoundSpec, ledger: BreakoutsLedger): void {
  const rooms = spec.themes.map((theme, i) => ({
    id: `${spec.roundId}-room-${i + 1}`,
    index: i + 1,
    theme,
    questionId: spec.questionIds[i],
    facilitatorId: i % 2 === 0 ? 'p-sec' : null,
    rapporteurId: null as string | null,
    capacity: spec.capacity,
  }));
  const roomLedgers: BreakoutRoomLedger[] = rooms.map((r) => ({
    roundId: spec.roundId,
    roomId: r.id,
    theme: r.theme,
    questionId: r.questionId,
    assigned: 0,
    byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as BreakoutRoomLedger['byCategory'],
    byRegion: Object.fromEntries([...REGIONS, 'unspecified'].map((c) => [c, 0])) as BreakoutRoomLedger['byRegion'],
    attended: spec.recordAttendance ? 0 : null,
    reported: false,
    keyPoints: 0,
    proposals: 0,
    implementationSteps: 0,
    openQuestions: 0,
  }));
  const assignment: Record<string, string> = {};
  const pinned: Record<string, string> = {};
  const attendance: Record<string, AttendanceRecord> = {};
  const membersOf: Participant[][] = rooms.map(() => []);
  const startedAt = spec.startedAt;
  spec.members.forEach((p, k) => {
    const i = spec.roomOf(k);
    assignment[p.id] = rooms[i].id;
    membersOf[i].push(p);
    const led = roomLedgers[i];
    led.assigned += 1;
    led.byCategory[p.category] += 1;
    led.byRegion[p.region ?? 'unspecified'] += 1;
    if (!spec.recordAttendance) return;
    const record = (sid: string, joinedAt: number | null, leftAt: number | null) => {
      attendance[sid] = {
        participantId: p.id,
        roomId: rooms[i].id,
        joinedAt: joinedAt === null ? null : iso(joinedAt),
        leftAt: leftAt === null ? null : iso(leftAt),
        leftBy: leftAt === null ? null : 'livekit',
        source: 'webhook',
      };
    };
    if (k % 4 === 3) {
      // Their leave arrived, their join never did: not counted as having joined.
      if (k % 8 === 7) record(`PA_${spec.roundId}_${p.id}_orphan`, null, startedAt + 60_000);
      return;
    }
    record(`PA_${spec.roundId}_${p.id}`, startedAt + (k % 5) * 10_000, k % 10 === 0 ? startedAt + 5 * 60_000 : spec.endedAt);
    // A rejoin is a new connection of the same person: still one participant who joined.
    if (k % 10 === 0) record(`PA_${spec.roundId}_${p.id}_2`, startedAt + 6 * 60_000, spec.endedAt);
    led.attended! += 1;
  });
  if (spec.recordAttendance) {
    // The secretariat drops into the first room: staff are not counted among those who joined.
    attendance[`PA_${spec.roundId}_staff`] = {
      participantId: 'p-sec',
      roomId: rooms[0].id,
      joinedAt: iso(startedAt + 60_000),
      leftAt: iso(startedAt + 120_000),
      leftBy: 'livekit',
      source: 'webhook',
    };
  }

  const reports: BreakoutRound['reports'] = {};
  rooms.forEach((room, i) => {
    const stakeholders = membersOf[i].filter((p) => p.role === 'stakeholder');
    const rapporteur = stakeholders[0];
    room.rapporteurId = rapporteur.id;
    pinned[rapporteur.id] = room.id;
    if (i % 2 === 1) {
      room.facilitatorId = stakeholders[1].id;
      pinned[stakeholders[1].id] = room.id;
    }
    if (spec.silentRooms.includes(i)) return;
    const named = stakeholders[2];
    const delegation = membersOf[i].find((p) => p.role === 'delegation');
    const keyPoints = [
      `Participants favoured pooled, predictable funding for ${room.theme}.`,
      `${named.organization} stressed that regional hubs should be demand-driven.`,
      ...(i % 2 === 0 ? [`${delegation ? delegation.organization : 'A delegation'} recalled existing commitments.`] : []),
    ];
    const proposals = [
      `Set up a regional help desk on ${room.theme}.`,
      `${named.displayName} proposed a voluntary peer-review exercise.`,
      ...(i === 0 ? ['Publish an annual progress note.'] : []),
    ];
    const implementation = [
      { who: named.organization, what: 'Draft terms of reference for the help desk', when: 'by the next session' },
      { who: 'The secretariat', what: 'Circulate a short survey of needs', when: 'Q1 2027' },
      ...(i % 3 === 0 ? [{ who: 'Interested delegations', what: 'Pilot the peer review', when: '2027' }] : []),
    ];
    const openQuestions = [`How should ${room.theme} be funded beyond 2027?`];
    ledger.namesInReports.push(named.organization, named.displayName, ...(delegation && i % 2 === 0 ? [delegation.organization] : []));
    const revision = spec.revisedRooms.includes(i) ? 2 : 1;
    reports[room.id] = {
      roomId: room.id,
      byParticipantId: i === rooms.length - 1 ? 'p-sec' : rapporteur.id,
      at: iso(spec.endedAt + (i + 1) * 60_000),
      revision,
      keyPoints,
      proposals,
      implementation,
      openQuestions,
    };
    const led = roomLedgers[i];
    led.reported = true;
    led.keyPoints = keyPoints.length;
    led.proposals = proposals.length;
    led.implementationSteps = implementation.length;
    led.openQuestions = openQuestions.length;
    ledger.reports += 1;
    ledger.proposals += proposals.length;
    ledger.implementationSteps += implementation.length;
    if (room.questionId)
      ledger.proposalsByQuestion[room.questionId] = (ledger.proposalsByQuestion[room.questionId] ?? 0) + proposals.length;
  });

  const deadline = startedAt + (spec.durationMinutes + spec.extendedMinutes) * 60_000;
  const round: BreakoutRound = {
    id: spec.roundId,
    title: spec.title,
    mode: spec.mode,
    durationMinutes: spec.durationMinutes,
    extendedMinutes: spec.extendedMinutes,
    reportBackMinutes: 3,
    agendaItemId: spec.agendaItemId,
    rooms,
    assignment,
    preferences: {},
    pinned,
    lastAutoAssign: null,
    status: 'ended',
    plannedAt: iso(startedAt - 3_600_000),
    startedAt: iso(startedAt),
    deadline: iso(deadline),
    warnedAt: iso(deadline - 60_000),
    endedAt: iso(spec.endedAt),
    endReason: spec.endReason,
    unassignedAtStart: [],
    hardStopWarning: null,
    broadcasts: [],
    reports,
    roomNames: Object.fromEntries(rooms.map((r) => [r.id, `breakout-${spec.roundId}-${r.index}`])),
    reportBackItemIds: {},
    attendance,
  };
  state.breakouts.rounds[round.id] = round;
  state.breakouts.order.push(round.id);
  ledger.rounds += 1;
  ledger.rooms.push(...roomLedgers);
}

/**
 * One of the full day's two rounds, starting a minute after `clock`; returns the clock after it. Morning: five
 * balanced rooms with everyone who takes part, attendance recorded, one report revised. Afternoon: five rooms
 * chosen by half of them, no attendance recorded, one room that never reported.
 */
export function addFullDayRound(
  state: EngagementState,
  morning: boolean,
  clock: number,
  members: Participant[],
  ledger: BreakoutsLedger,
): number {
  const startedAt = clock + 60_000;
  const minutes = morning ? 35 : 25;
  addBreakoutRound(
    state,
    {
      roundId: morning ? 'round-1' : 'round-2',
      title: morning ? 'Regional perspectives' : null,
      mode: morning ? 'balanced' : 'self-select',
      startedAt,
      durationMinutes: 30,
      extendedMinutes: morning ? 5 : 0,
      endedAt: startedAt + minutes * 60_000,
      endReason: morning ? 'deadline' : 'chair',
      agendaItemId: morning ? 'a-bo1' : 'a-bo2',
      themes: morning ? BREAKOUT_THEMES.slice(0, 5) : BREAKOUT_THEMES.slice(5),
      questionIds: morning ? ['q-1', 'q-2', 'q-3', 'q-1', null] : ['q-4', 'q-5', 'q-6', null, 'q-4'],
      capacity: morning ? 40 : 30,
      members,
      roomOf: morning ? (k) => k % 5 : (k) => Math.floor(k / 3) % 5,
      recordAttendance: morning,
      silentRooms: morning ? [] : [3],
      revisedRooms: morning ? [1] : [],
    },
    ledger,
  );
  return startedAt + (minutes + 1) * 60_000;
}
