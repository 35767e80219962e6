import {
  emptyState,
  type EngagementState,
  type FloorRequest,
  type Intervention,
  type Note,
  type Participant,
  type WrittenInput,
} from '../../../server/domain/state.js';
import { assertNever } from '../../../server/domain/events.js';
import type { Category, Region, Role } from '../../../server/domain/vocabulary.js';
// mulberry32: the domain's own, so the same seed gives the same day on every machine.
import { seededRandom } from '../../../server/domain/breakouts/seededRandom.js';
import { addFullDayRound, emptyBreakoutsLedger, type BreakoutsLedger } from './fullDayBreakouts.js';

// A deterministic full day of an engagement, built directly as state (decide/evolve are being written in
// parallel; switch to folding real events once they exist). Alongside the state it returns a ledger of what
// it generated, counted as it went, so that tests compare the summary with numbers not derived the way
// buildSummary derives them.

export const XSS_NAME = '<img src=x onerror=alert(1)>';
export const FORMULA_TITLE = '=HYPERLINK("http://x")';
export const SECRET_MARKER = 'SECRETARIAT-ONLY';
export const MARKDOWN_INJECTION_NOTE = '# Heading [click](http://evil.example) <script>alert(1)</script> | a | b |';

export interface QuestionLedger {
  questionId: string;
  interventions: number;
  spokeSeconds: number;
  deferred: number;
  deferredSubmitted: number;
  withdrawn: number;
  skipped: number;
  publicDiscussionNotes: number;
  proposals: number;
  /** Proposals of breakout reports from rooms linked to this question (they join its proposals list). */
  breakoutProposals: number;
}

export interface FullDayLedger {
  questions: QuestionLedger[];
  requests: number;
  overruns: number;
  inputsTotal: number;
  inputsWithdrawn: number;
  approvedParticipants: number;
  approvedByRole: Record<Role, number>;
  /** Every organisation and person name of a participant, to look for in the body. */
  names: string[];
  publicNoteIdsMentioningNames: string[];
  breakouts: BreakoutsLedger;
}

const COUNTRIES: [string, Region][] = [
  ['Kenya', 'african'],
  ['Ghana', 'african'],
  ['Senegal', 'african'],
  ['Egypt', 'african'],
  ['Morocco', 'african'],
  ['South Africa', 'african'],
  ['Ethiopia', 'african'],
  ['Japan', 'asia-pacific'],
  ['India', 'asia-pacific'],
  ['Indonesia', 'asia-pacific'],
  ['Viet Nam', 'asia-pacific'],
  ['Fiji', 'asia-pacific'],
  ['Qatar', 'asia-pacific'],
  ['China', 'asia-pacific'],
  ['Poland', 'eastern-european'],
  ['Estonia', 'eastern-european'],
  ['Romania', 'eastern-european'],
  ['Czechia', 'eastern-european'],
  ['Russian Federation', 'eastern-european'],
  ['Brazil', 'grulac'],
  ['Mexico', 'grulac'],
  ['Chile', 'grulac'],
  ['Colombia', 'grulac'],
  ['Costa Rica', 'grulac'],
  ['Jamaica', 'grulac'],
  ['France', 'weog'],
  ['Germany', 'weog'],
  ['Canada', 'weog'],
  ['Australia', 'weog'],
  ['Switzerland', 'weog'],
  ['Norway', 'weog'],
];
const ORG_A = [
  'Global',
  'Civic',
  'Open',
  'Secure',
  'Inclusive',
  'Resilient',
  'Coastal',
  'Northern',
  'Southern',
  'Independent',
  'Digital',
  'Trusted',
];
const ORG_B = ['Cyber', 'Internet', 'Network', 'Infrastructure', 'Data', 'Peace', 'Policy', 'Rights', 'Skills'];
const ORG_C = ['Institute', 'Forum', 'Alliance', 'Centre', 'Foundation', 'Council', 'Lab', 'Collective', 'Initiative'];
const FIRST = [
  'Amina',
  'Jonas',
  'Mei',
  'Carlos',
  'Olga',
  'Tariq',
  'Sofia',
  'Kwame',
  'Hana',
  'Lucas',
  'Priya',
  'Ivan',
  'Leila',
  'Mateo',
  'Yuki',
];
const LAST = ['Okafor', 'Lindqvist', 'Tanaka', 'Herrera', 'Petrova', 'Haddad', 'Rossi', 'Mensah', 'Kimura', 'Duarte', 'Raman', 'Novak'];
const STAKEHOLDER_CATEGORIES: Category[] = ['ngo', 'academia', 'private-sector', 'technical-community', 'intergovernmental', 'other'];
const REGIONS_OR_NULL: (Region | null)[] = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog', 'other', null];
const SKIP_REASONS = ['not connected when called', 'audio failure', null, 'asked to speak later'];
const TOPICS = [
  'capacity-building',
  'confidence-building measures',
  'the points of contact directory',
  'critical infrastructure protection',
  'gender mainstreaming',
  'the regular institutional dialogue',
];

const iso = (ms: number): string => new Date(ms).toISOString();

export function fullDayEngagement(seed = 20261130): { state: EngagementState; ledger: FullDayLedger } {
  const rand = seededRandom(seed);
  const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const state = emptyState();
  const start = Date.parse('2026-11-30T08:00:00.000Z');
  state.id = 'eng-full-day';
  state.createdAt = iso(start - 14 * 86_400_000);
  state.status = 'ended';
  state.settings = {
    title: 'Informal consultation with stakeholders on capacity-building',
    theme: 'Capacity-building',
    description: 'A full day of structured consultation.',
    scheduledStart: iso(start),
    plannedMinutes: 0,
    speakingSeconds: 120,
    timeZone: 'Europe/Zurich',
  };

  // ---- participants --------------------------------------------------------------------------------
  const names: string[] = [];
  const approvedByRole: Record<Role, number> = { chair: 0, secretariat: 0, delegation: 0, stakeholder: 0, observer: 0 };
  let personIndex = 0;
  const person = () => `${FIRST[personIndex % FIRST.length]} ${LAST[Math.floor(personIndex++ / FIRST.length) % LAST.length]}`;
  const add = (
    p: Omit<Participant, 'registeredAt' | 'decidedAt' | 'invitationId' | 'accreditation' | 'status'> & { status?: Participant['status'] },
  ) => {
    const full: Participant = {
      accreditation: p.role === 'stakeholder' ? (rand() < 0.7 ? 'ecosoc' : 'non-objection') : null,
      registeredAt: iso(start - 10 * 86_400_000),
      decidedAt: iso(start - 9 * 86_400_000),
      invitationId: null,
      ...p,
      status: p.status ?? 'approved',
    };
    state.participants[full.id] = full;
    if (full.status === 'approved') approvedByRole[full.role] += 1;
    names.push(full.organization, full.displayName);
    return full;
  };
  add({
    id: 'p-chair',
    displayName: 'Ambassador Rahel Tesfaye',
    organization: 'Office of the Chair',
    category: 'other',
    region: null,
    country: null,
    role: 'chair',
  });
  add({
    id: 'p-sec',
    displayName: 'Secretariat Desk',
    organization: 'Office for Disarmament Affairs',
    category: 'intergovernmental',
    region: null,
    country: null,
    role: 'secretariat',
  });
  const speakers: Participant[] = [];
  COUNTRIES.forEach(([country, region], i) => {
    speakers.push(
      add({
        id: `p-del-${i}`,
        displayName: person(),
        organization: country,
        category: 'member-state',
        region,
        country,
        role: 'delegation',
      }),
    );
  });
  const orgNames: string[] = [];
  for (const a of ORG_A) for (const b of ORG_B) for (const c of ORG_C) orgNames.push(`${a} ${b} ${c}`);
  for (let i = 0; i < 110; i++) {
    const org = orgNames[(i * 37) % orgNames.length];
    speakers.push(
      add({
        id: `p-st-${i}`,
        displayName: i === 7 ? XSS_NAME : person(),
        organization: i === 11 ? '@Risk Analytics Group' : org,
        category: STAKEHOLDER_CATEGORIES[i % STAKEHOLDER_CATEGORIES.length],
        region: REGIONS_OR_NULL[i % REGIONS_OR_NULL.length],
        country: null,
        role: 'stakeholder',
      }),
    );
  }
  const observers: Participant[] = [];
  for (let i = 0; i < 10; i++) {
    observers.push(
      add({
        id: `p-obs-${i}`,
        displayName: person(),
        organization: orgNames[(i * 53 + 7) % orgNames.length],
        category: 'academia',
        region: 'weog',
        country: null,
        role: 'observer',
      }),
    );
  }
  add({
    id: 'p-pending',
    displayName: person(),
    organization: 'Pending Review Society',
    category: 'ngo',
    region: 'african',
    country: null,
    role: 'stakeholder',
    status: 'pending',
  });
  add({
    id: 'p-declined',
    displayName: person(),
    organization: 'Declined Applicant Group',
    category: 'private-sector',
    region: 'weog',
    country: null,
    role: 'stakeholder',
    status: 'declined',
  });
  state.objections.push({
    id: 'obj-1',
    participantId: 'p-declined',
    byParticipantId: 'p-del-3',
    reason: 'Not relevant to the mandate.',
    at: iso(start - 9.5 * 86_400_000),
  });

  // ---- agenda and questions -----------------------------------------------------------------------
  const QUESTIONS = 6;
  for (let q = 0; q < QUESTIONS; q++) {
    state.questions.push({
      id: `q-${q + 1}`,
      text: `How can ${TOPICS[q]} be made more effective and implementation-oriented?`,
      context: null,
      plannedMinutes: 75,
      status: 'closed',
      openedAt: null,
      closedAt: null,
    });
    state.waiting[`q-${q + 1}`] = [];
  }
  const item = (
    id: string,
    kind: EngagementState['agenda'][number]['kind'],
    title: string,
    plannedMinutes: number,
    questionId: string | null = null,
  ) => state.agenda.push({ id, kind, title, plannedMinutes, questionId, startedAt: null, endedAt: null });
  item('a-open', 'opening', 'Opening by the Chair', 10);
  for (let q = 0; q < 3; q++) item(`a-q${q + 1}`, 'question', `Guiding question ${q + 1}`, 75, `q-${q + 1}`);
  item('a-bo1', 'breakouts', 'Breakout round: regional perspectives', 30);
  item('a-lunch', 'other', 'Lunch break', 60);
  for (let q = 3; q < 6; q++) item(`a-q${q + 1}`, 'question', `Guiding question ${q + 1}`, 75, `q-${q + 1}`);
  item('a-bo2', 'breakouts', 'Breakout round: implementation', 30);
  item('a-close', 'closing', 'Closing remarks', 15);
  state.settings.plannedMinutes = state.agenda.reduce((n, a) => n + a.plannedMinutes, 0);

  // ---- the day ------------------------------------------------------------------------------------
  const ledger: FullDayLedger = {
    questions: [],
    requests: 0,
    overruns: 0,
    inputsTotal: 0,
    inputsWithdrawn: 0,
    approvedParticipants: Object.values(approvedByRole).reduce((a, b) => a + b, 0),
    approvedByRole,
    names,
    publicNoteIdsMentioningNames: [],
    breakouts: emptyBreakoutsLedger(),
  };
  let clock = start;
  let requestSeq = 0;
  let noteSeq = 0;
  const deferredRequests: FloorRequest[] = [];
  const note = (n: Omit<Note, 'id' | 'byParticipantId'>): Note => {
    const full: Note = { id: `n-${++noteSeq}`, byParticipantId: 'p-sec', ...n };
    state.notes.push(full);
    return full;
  };
  const begin = (itemId: string) => {
    const current = state.agenda.find((a) => a.id === state.currentAgendaItemId);
    if (current) current.endedAt = iso(clock);
    state.agenda.find((a) => a.id === itemId)!.startedAt = iso(clock);
    state.currentAgendaItemId = itemId;
  };
  state.startedAt = iso(clock);
  begin('a-open');
  clock += 12 * 60_000;
  note({
    requestId: null,
    questionId: null,
    visibility: 'public',
    at: iso(clock),
    text: 'The Chair recalled the mandate and the guiding questions circulated in advance.',
  });
  note({ requestId: null, questionId: null, visibility: 'public', at: iso(clock + 1000), text: MARKDOWN_INJECTION_NOTE });

  const INTERVENTIONS_PER_QUESTION = 50;
  const deferralsPerQuestion = [0, 0, 6, 0, 2, 10];
  for (let q = 0; q < QUESTIONS; q++) {
    if (q === 3) {
      begin('a-lunch');
      clock += 65 * 60_000;
    }
    const question = state.questions[q];
    const qid = question.id;
    const led: QuestionLedger = {
      questionId: qid,
      interventions: 0,
      spokeSeconds: 0,
      deferred: 0,
      deferredSubmitted: 0,
      withdrawn: 0,
      skipped: 0,
      publicDiscussionNotes: 0,
      proposals: 0,
      breakoutProposals: 0,
    };
    begin(`a-q${q + 1}`);
    clock += 60_000;
    question.openedAt = iso(clock);
    const opened = clock;
    const kinds: ('speak' | 'withdraw' | 'skip' | 'defer')[] = [
      ...Array<'speak'>(INTERVENTIONS_PER_QUESTION).fill('speak'),
      ...Array<'withdraw'>(4).fill('withdraw'),
      ...Array<'skip'>(3).fill('skip'),
      ...Array<'defer'>(deferralsPerQuestion[q]).fill('defer'),
    ];
    // Shuffle the heard, withdrawn and skipped; deferrals stay at the tail of the list, as in a real cut-off.
    const head = kinds.filter((k) => k !== 'defer');
    for (let i = head.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [head[i], head[j]] = [head[j], head[i]];
    }
    const order = [...head, ...kinds.filter((k) => k === 'defer')];
    let spoken = 0;
    order.forEach((kind, i) => {
      const speaker = speakers[(q * 17 + i * 7) % speakers.length];
      const request: FloorRequest = {
        id: `r-${++requestSeq}`,
        questionId: qid,
        participantId: speaker.id,
        note: `Private note to the Chair ${SECRET_MARKER}`,
        requestedAt: iso(opened + 30_000 + i * 20_000),
        status: 'waiting',
        allowanceSeconds: 120,
        skipReason: null,
        deferredAt: null,
        deferralReason: null,
        fulfilledByInputId: null,
      };
      state.requests[request.id] = request;
      ledger.requests += 1;
      switch (kind) {
        case 'withdraw':
          request.status = 'withdrawn';
          led.withdrawn += 1;
          return;
        case 'skip':
          request.status = 'skipped';
          request.skipReason = SKIP_REASONS[led.skipped % SKIP_REASONS.length];
          led.skipped += 1;
          clock += 15_000;
          return;
        case 'defer':
          request.status = 'deferred';
          request.deferralReason = q === 5 ? 'engagement-ended' : q === 2 ? 'replan' : 'chair';
          request.deferredAt = iso(clock);
          led.deferred += 1;
          deferredRequests.push(request);
          return;
        case 'speak': {
          clock = Math.max(clock, Date.parse(request.requestedAt) + 5_000);
          const extended = spoken % 9 === 4 ? 30 : 0;
          const paused = spoken % 11 === 5 ? between(10, 25) : 0;
          const allowance = 120;
          const spoke = spoken % 5 === 0 ? between(125, 200) : between(45, 118);
          const overrun = Math.max(0, spoke - allowance - extended);
          const intervention: Intervention = {
            requestId: request.id,
            questionId: qid,
            participantId: speaker.id,
            allowanceSeconds: allowance,
            startedAt: iso(clock),
            deadline: iso(clock + (allowance + extended + paused) * 1000),
            pausedAt: null,
            pausedSeconds: paused,
            extendedSeconds: extended,
            overranAt: overrun > 0 ? iso(clock + (allowance + extended + paused) * 1000) : null,
            endedAt: iso(clock + (spoke + paused) * 1000),
            spokeSeconds: spoke,
            overrunSeconds: overrun,
          };
          state.interventions[request.id] = intervention;
          request.status = 'heard';
          led.interventions += 1;
          led.spokeSeconds += spoke;
          if (overrun > 0) ledger.overruns += 1;
          clock += (spoke + paused + 5) * 1000;
          spoken += 1;
          if (spoken % 4 === 0) {
            const n = note({
              requestId: request.id,
              questionId: null,
              visibility: 'public',
              at: iso(clock),
              text:
                spoken % 8 === 0
                  ? `${speaker.organization} stressed that ${TOPICS[q]} must be demand-driven; ${speaker.displayName} added that\nfunding should be predictable.`
                  : `Several participants underlined the value of regional approaches to ${TOPICS[q]}.`,
            });
            if (spoken % 8 === 0) ledger.publicNoteIdsMentioningNames.push(n.id);
            led.publicDiscussionNotes += 1;
          }
          if (spoken % 3 === 0)
            note({
              requestId: request.id,
              questionId: null,
              visibility: 'secretariat',
              at: iso(clock),
              text: `${SECRET_MARKER}: ${speaker.organization} went over time again.`,
            });
          return;
        }
        default:
          assertNever(kind);
      }
    });
    const prefixes = ['Proposal:', 'Action:', 'Recommendation:'];
    for (let k = 0; k < 3; k++) {
      const mentioned = speakers[(q * 5 + k) % speakers.length];
      note({
        requestId: null,
        questionId: qid,
        visibility: 'public',
        at: iso(clock + k * 1000),
        text: `${prefixes[k]} establish a regular exchange on ${TOPICS[q]}, as suggested by ${mentioned.organization}.`,
      });
      led.proposals += 1;
    }
    if (q === 2) {
      state.lastReplan = {
        at: iso(clock),
        strategy: 'cap',
        questionId: qid,
        allowanceSeconds: null,
        deferredRequestIds: deferredRequests.filter((r) => r.questionId === qid).map((r) => r.id),
      };
    }
    clock += 60_000;
    question.status = 'closed';
    question.closedAt = iso(clock);
    ledger.questions.push(led);
    if (q === 2 || q === 5) {
      // Ten breakout rooms over the day: all who take part in five balanced rooms before lunch (attendance
      // recorded), half of them choosing among five rooms in the afternoon (no attendance recorded).
      const morning = q === 2;
      begin(morning ? 'a-bo1' : 'a-bo2');
      clock = addFullDayRound(
        state,
        morning,
        clock,
        morning ? [...speakers, ...observers] : speakers.filter((_, k) => k % 2 === 0),
        ledger.breakouts,
      );
    }
  }
  for (const l of ledger.questions) l.breakoutProposals = ledger.breakouts.proposalsByQuestion[l.questionId] ?? 0;
  // A round planned but never started: not in the summary.
  state.breakouts.rounds['round-3'] = {
    ...state.breakouts.rounds['round-2'],
    id: 'round-3',
    status: 'planned',
    startedAt: null,
    endedAt: null,
    deadline: null,
    reports: {},
    attendance: {},
  };
  state.breakouts.order.push('round-3');
  begin('a-close');
  clock += 14 * 60_000;
  state.endedAt = iso(clock);
  state.hardStop = iso(start + 9 * 3_600_000);

  // ---- written inputs ------------------------------------------------------------------------------
  const TOTAL_INPUTS = 200;
  let inputSeq = 0;
  const input = (w: Omit<WrittenInput, 'id'>): WrittenInput => {
    const full: WrittenInput = { id: `w-${++inputSeq}`, ...w };
    state.inputs[full.id] = full;
    ledger.inputsTotal += 1;
    if (full.withdrawnAt) ledger.inputsWithdrawn += 1;
    return full;
  };
  deferredRequests.forEach((r, i) => {
    if (i % 3 === 2) return;
    // The third answered request's input is later withdrawn: it no longer counts as submitted.
    const withdrawn = i === 4;
    const w = input({
      participantId: r.participantId,
      questionId: r.questionId,
      title: i === 0 ? FORMULA_TITLE : `Written statement on ${r.questionId}`,
      text: 'Our statement, which we could not deliver for lack of time.',
      attachmentIds: i % 2 === 0 ? [`att-${i}`] : [],
      requestId: r.id,
      submittedAt: iso(Date.parse(state.endedAt!) + (i + 1) * 3_600_000),
      withdrawnAt: withdrawn ? iso(Date.parse(state.endedAt!) + 48 * 3_600_000) : null,
    });
    r.fulfilledByInputId = w.id;
    if (!withdrawn) ledger.questions.find((l) => l.questionId === r.questionId)!.deferredSubmitted += 1;
  });
  while (inputSeq < TOTAL_INPUTS) {
    const author = speakers[(inputSeq * 13) % speakers.length];
    const k = inputSeq;
    input({
      participantId: author.id,
      questionId: k % 7 === 0 ? null : `q-${(k % QUESTIONS) + 1}`,
      title: k % 10 === 0 ? `Concept paper ${k}: ${TOPICS[k % TOPICS.length]}` : `Submission ${k}, "regional views", part ${k % 3}`,
      text: 'Text of the written input.',
      attachmentIds: k % 4 === 0 ? [`att-${k}-a`, `att-${k}-b`] : [],
      requestId: null,
      submittedAt: iso(start - (k % 7) * 86_400_000 + k * 60_000),
      withdrawnAt: k % 50 === 25 ? iso(start + 86_400_000) : null,
    });
  }
  return { state, ledger };
}
