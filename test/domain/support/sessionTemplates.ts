import { createHash } from 'node:crypto';
import type { Command } from '../../../server/domain/commands.js';
import type { EngagementState } from '../../../server/domain/state.js';
import { canonicalJson } from '../../../server/domain/summaryReview/canonicalJson.js';
import type { AgendaKind, Category, OrderPolicy, Role } from '../../../server/domain/vocabulary.js';

// The cast and the command templates of the random sessions of test/domain/redaction.property.test.ts
// (VIEW-9): who may plausibly issue each command, and how to build it from the state and two random numbers.
// A template returns null when the state offers nothing to act on.

export const USERS = ['chair', 'sec', 'del1', 'del2', 'ngo1', 'ngo2', 'obs', 'pub'] as const;
export type User = (typeof USERS)[number];
export const VIEWERS = [...USERS.map((u) => `dev:${u}`), 'inv:0', 'inv:1'];
export const STAFF: User[] = ['chair', 'sec'];
export const SPEAKERS: User[] = ['del1', 'del2', 'ngo1', 'ngo2'];
export const REGISTRANTS: User[] = ['sec', 'del1', 'del2', 'ngo1', 'ngo2', 'obs'];
const AUTHORS: User[] = ['del1', 'del2', 'ngo1', 'ngo2', 'obs', 'sec'];

export const CATEGORY: Record<User, Category> = {
  chair: 'other',
  sec: 'other',
  del1: 'member-state',
  del2: 'member-state',
  ngo1: 'ngo',
  ngo2: 'academia',
  obs: 'intergovernmental',
  pub: 'other',
};
export const ROLE_ON_APPROVAL: Partial<Record<string, Role>> = { 'dev:sec': 'secretariat', 'dev:obs': 'observer' };
const ROLES: Role[] = ['chair', 'secretariat', 'delegation', 'stakeholder', 'observer'];
const KINDS: AgendaKind[] = ['opening', 'question', 'breakouts', 'closing'];
const POLICIES: OrderPolicy[] = ['inscription', 'first-time-first', 'alternate'];

export const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
export const later = (now: string, seconds: number) => new Date(Date.parse(now) + seconds * 1000).toISOString();

export type Template = {
  who: User[] | 'system';
  weight?: number;
  make: (s: EngagementState, a: number, b: number, now: string, me: string) => Command | null;
};

const ids = {
  questions: (s: EngagementState) => s.questions.map((q) => q.id),
  agenda: (s: EngagementState) => s.agenda.map((i) => i.id),
  participants: (s: EngagementState, status?: string) =>
    Object.values(s.participants)
      .filter((p) => !status || p.status === status)
      .map((p) => p.id),
  waiting: (s: EngagementState) =>
    Object.values(s.requests)
      .filter((r) => r.status === 'waiting')
      .map((r) => r.id),
  mine: (s: EngagementState, userId: string, status?: string) => {
    const me = Object.values(s.participants).find((p) => p.userId === userId);
    return Object.values(s.requests)
      .filter((r) => r.participantId === me?.id && (!status || r.status === status))
      .map((r) => r.id);
  },
  invitations: (s: EngagementState) => Object.keys(s.invitations),
  inputs: (s: EngagementState) => Object.keys(s.inputs),
  myInputs: (s: EngagementState, userId: string) => {
    const me = Object.values(s.participants).find((p) => p.userId === userId);
    return Object.values(s.inputs)
      .filter((i) => i.participantId === me?.id && i.withdrawnAt === null)
      .map((i) => i.id);
  },
};

const breakoutIds = {
  rounds: (s: EngagementState, ...status: string[]) =>
    s.breakouts.order.filter((id) => status.length === 0 || status.includes(s.breakouts.rounds[id].status)),
  rooms: (s: EngagementState, roundId: string | undefined) => (roundId ? (s.breakouts.rounds[roundId]?.rooms.map((r) => r.id) ?? []) : []),
  /** Approved participants who are not staff: the people rooms hold (BREAKOUT-10). */
  members: (s: EngagementState) =>
    Object.values(s.participants)
      .filter((p) => p.status === 'approved' && p.role !== 'chair' && p.role !== 'secretariat')
      .map((p) => p.id),
};
const MODES = ['self-select', 'manual', 'balanced'] as const;
const PARAGRAPHS = (s: EngagementState) => [
  'opening:1',
  'general:1',
  'general:2',
  'breakouts:1',
  'closing:1',
  ...s.questions.map((q) => `question:${q.id}:1`),
  'question:nope:1',
];
export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A round of 1 to 3 rooms, short (1 to 4 minutes) so that warnings and expiries come within a run. */
function planRound(s: EngagementState, a: number, b: number): Command {
  const members = breakoutIds.members(s);
  const count = 1 + (a % 3);
  const rooms = Array.from({ length: count }, (_, i) => ({
    theme: `Theme ${i + 1}`,
    capacity: 2 + ((a + b + i) % 6),
    ...(b % 2 && s.questions.length ? { questionId: pick(ids.questions(s), b + i)! } : {}),
    ...(i === 0 && a % 4 === 1 && members.length ? { rapporteurId: pick(members, b)! } : {}),
    ...(i === 1 && a % 5 === 2 && members.length ? { facilitatorId: pick(members, a)! } : {}),
  }));
  const breakoutItems = s.agenda.filter((item) => item.kind === 'breakouts').map((item) => item.id);
  return {
    type: 'breakouts.plan',
    ...(a % 2 ? { title: `Round ${a}` } : {}),
    rooms,
    durationMinutes: 1 + (b % 4),
    mode: MODES[(a + b) % MODES.length],
    ...(b % 3 === 0 ? { reportBackMinutes: 1 + (a % 5) } : {}),
    ...(a % 3 === 0 && breakoutItems.length ? { agendaItemId: pick(breakoutItems, b)! } : {}),
  };
}

/** A LiveKit observation of one connection in a started round's room: join, leave or both, around now. */
function attendance(s: EngagementState, a: number, b: number, now: string): Command | null {
  const roundId = pick(breakoutIds.rounds(s, 'running', 'ended'), a);
  const round = roundId ? s.breakouts.rounds[roundId] : undefined;
  const roomId = round ? pick(Object.keys(round.roomNames), b) : undefined;
  if (!round || !roomId) return null;
  const inRoom = Object.entries(round.assignment)
    .filter(([, r]) => r === roomId)
    .map(([p]) => p);
  const identity = pick(inRoom.length && a % 4 ? inRoom : Object.keys(s.participants), b)!;
  const sid = `PA_${identity}_${a % 3}`;
  const shape = b % 3;
  return {
    type: 'breakouts.recordAttendance',
    roomName: round.roomNames[roomId],
    participantSid: sid,
    identity,
    ...(shape !== 1 ? { joinedAt: later(now, -(a % 90)) } : {}),
    ...(shape !== 0 ? { leftAt: later(now, -(b % 30)) } : {}),
    source: a % 2 ? 'webhook' : 'reconcile',
  };
}

export const BREAKOUT_TEMPLATES: Template[] = [
  { weight: 3, who: STAFF, make: (s, a, b) => planRound(s, a, b) },
  {
    who: STAFF,
    make: (_s, a, b) => ({
      type: 'agenda.add',
      kind: 'breakouts',
      plannedMinutes: 5 + (a % 10),
      ...(b % 2 ? { title: `Breakouts ${b}` } : {}),
    }),
  },
  {
    weight: 3,
    who: [...SPEAKERS, 'obs'],
    make: (s, a, b) => {
      const roundId = pick(breakoutIds.rounds(s, 'planned', 'running'), a);
      const rooms = breakoutIds.rooms(s, roundId);
      if (!roundId || rooms.length === 0) return null;
      if (b % 3 === 0)
        return { type: 'breakouts.choose', roundId, preferences: [...rooms.slice(b % rooms.length), ...rooms.slice(0, b % rooms.length)] };
      return { type: 'breakouts.choose', roundId, roomId: pick(rooms, b)! };
    },
  },
  {
    weight: 3,
    who: STAFF,
    make: (s, a, b) => {
      const roundId = pick(breakoutIds.rounds(s, 'planned', 'running'), a);
      const rooms = breakoutIds.rooms(s, roundId);
      const participantId = pick(b % 5 === 0 ? Object.keys(s.participants) : breakoutIds.members(s), a + b);
      if (!roundId || !participantId) return null;
      return { type: 'breakouts.assign', roundId, participantId, roomId: b % 7 === 0 ? null : pick(rooms, b)! };
    },
  },
  {
    weight: 2,
    who: STAFF,
    make: (s, a, b) =>
      breakoutIds.rounds(s).length
        ? { type: 'breakouts.autoAssign', roundId: pick(breakoutIds.rounds(s, 'planned'), a) ?? pick(breakoutIds.rounds(s), a)!, seed: b }
        : null,
  },
  {
    weight: 3,
    who: STAFF,
    make: (s, a) =>
      breakoutIds.rounds(s).length
        ? { type: 'breakouts.start', roundId: pick(breakoutIds.rounds(s, 'planned'), a) ?? pick(breakoutIds.rounds(s), a)! }
        : null,
  },
  {
    who: STAFF,
    make: (s, a) =>
      s.breakouts.runningRoundId
        ? { type: 'breakouts.broadcast', roundId: s.breakouts.runningRoundId, message: `Five minutes left, room ${a}` }
        : null,
  },
  {
    who: STAFF,
    make: (s, a) =>
      s.breakouts.runningRoundId ? { type: 'breakouts.extend', roundId: s.breakouts.runningRoundId, minutes: 1 + (a % 3) } : null,
  },
  {
    weight: 2,
    who: 'system',
    make: (s, a) =>
      breakoutIds.rounds(s).length
        ? { type: 'breakouts.warn', roundId: s.breakouts.runningRoundId ?? pick(breakoutIds.rounds(s), a)! }
        : null,
  },
  {
    weight: 2,
    who: 'system',
    make: (s, a) =>
      breakoutIds.rounds(s).length
        ? { type: 'breakouts.expire', roundId: s.breakouts.runningRoundId ?? pick(breakoutIds.rounds(s), a)! }
        : null,
  },
  {
    weight: 2,
    who: STAFF,
    make: (s, a) =>
      breakoutIds.rounds(s).length
        ? { type: 'breakouts.end', roundId: s.breakouts.runningRoundId ?? pick(breakoutIds.rounds(s), a)! }
        : null,
  },
  {
    weight: 2,
    who: [...STAFF, ...SPEAKERS],
    make: (s, a, b) => {
      const roundId = pick(breakoutIds.rounds(s, 'running', 'ended'), a);
      const roomId = pick(breakoutIds.rooms(s, roundId), b);
      if (!roundId || !roomId) return null;
      return {
        type: 'breakouts.report',
        roundId,
        roomId,
        keyPoints: a % 5 === 0 ? [] : [`Point ${a}`],
        proposals: b % 2 ? [`Proposal ${b}`] : [],
        implementation: a % 3 === 0 ? [{ who: 'Secretariat', what: 'Draft a note', when: 'by the next session' }] : [],
        openQuestions: [],
      };
    },
  },
  { weight: 3, who: 'system', make: (s, a, b, now) => attendance(s, a, b, now) },
  {
    who: 'system',
    make: (s, a, b, now) => {
      const round = s.breakouts.rounds[pick(breakoutIds.rounds(s, 'running', 'ended'), a) ?? ''];
      const name = round ? pick(Object.values(round.roomNames), b) : undefined;
      return name ? { type: 'breakouts.closeAttendance', roomName: name, at: later(now, -(a % 20)) } : null;
    },
  },
];

export const SUMMARY_TEMPLATES: Template[] = [
  {
    weight: 2,
    who: STAFF,
    make: (s, a, b) => ({
      type: 'summary.editParagraph',
      paragraphKey: pick(PARAGRAPHS(s), a)!,
      text: b % 4 === 0 ? '' : `The Chair's wording ${b % 3}.`,
    }),
  },
  {
    weight: 2,
    who: STAFF,
    make: (_s, a, _b, now) => ({ type: 'summary.circulate', reviewUntil: later(now, a % 7 === 0 ? -60 : 600 + (a % 3600)) }),
  },
  {
    weight: 3,
    who: SPEAKERS,
    make: (s, a, b, _now, me) => {
      const own = ids.mine(s, me);
      const other = Object.keys(s.requests);
      if (b % 3 === 0 && (own.length || other.length))
        return { type: 'summary.requestCorrection', requestId: pick(a % 4 ? own : other, a) ?? pick(other, a)!, text: 'I said otherwise.' };
      return { type: 'summary.requestCorrection', paragraphKey: pick(PARAGRAPHS(s), a)!, text: `Please correct ${a}.` };
    },
  },
  {
    weight: 2,
    who: STAFF,
    make: (s, a, b) => {
      const corrections = Object.keys(s.summaryReview.corrections);
      return corrections.length
        ? {
            type: 'summary.resolveCorrection',
            correctionId: pick(corrections, a)!,
            decision: b % 2 ? 'accepted' : 'declined',
            reply: `Reply ${b}`,
          }
        : null;
    },
  },
  {
    weight: 2,
    who: STAFF,
    make: (s, a, b) => {
      // SUMMARY-9: what the publish endpoint sends: canonical JSON of an object and the sha256 of its bytes.
      const content = canonicalJson({
        title: s.settings.title,
        version: s.summaryReview.published.length + 1,
        edits: Object.keys(s.summaryReview.edits).sort(),
        note: `n${a}`,
      });
      return {
        type: 'summary.publish',
        content: b % 11 === 0 ? `{ "title": ${JSON.stringify(s.settings.title)} }` : content,
        contentHash: sha256(content),
      };
    },
  },
];

const CORE_TEMPLATES: Template[] = [
  { who: STAFF, make: (_s, a) => ({ type: 'engagement.update', speakingSeconds: 60 + 30 * (a % 5) }) },
  { weight: 4, who: STAFF, make: () => ({ type: 'engagement.open' }) },
  { weight: 3, who: STAFF, make: () => ({ type: 'engagement.start' }) },
  { who: STAFF, make: (_s, a) => (a % 3 === 0 ? { type: 'engagement.end' } : null) },
  // Most runs end after some 60 minutes live, so that the summary cycle (after the end) is reached too.
  {
    weight: 3,
    who: STAFF,
    make: (s, _a, _b, now) => (s.startedAt && Date.parse(now) - Date.parse(s.startedAt) > 60 * 60_000 ? { type: 'engagement.end' } : null),
  },
  { who: STAFF, make: (_s, a) => ({ type: 'engagement.update', title: `Consultation ${a % 5}` }) },
  { weight: 3, who: STAFF, make: (_s, a) => ({ type: 'question.add', text: `Question ${a}?` }) },
  {
    weight: 3,
    who: STAFF,
    make: (s, a) => (ids.questions(s).length ? { type: 'question.open', questionId: pick(ids.questions(s), a)! } : null),
  },
  {
    who: STAFF,
    make: (s, a) => ({ type: 'question.close', ...(a % 3 === 0 && s.questions.length ? { questionId: pick(ids.questions(s), a)! } : {}) }),
  },
  { who: STAFF, make: (s, a) => (s.questions.length ? { type: 'question.remove', questionId: pick(ids.questions(s), a)! } : null) },
  {
    who: STAFF,
    make: (s, a, b) => (s.questions.length ? { type: 'question.move', questionId: pick(ids.questions(s), a)!, position: b % 4 } : null),
  },
  {
    who: STAFF,
    make: (s, a, b) => ({
      type: 'agenda.add',
      kind: KINDS[a % KINDS.length],
      plannedMinutes: 5 + (b % 20),
      ...(a % 2 && s.questions.length ? { questionId: pick(ids.questions(s), b)! } : {}),
    }),
  },
  { who: STAFF, make: (s, a) => (s.agenda.length ? { type: 'agenda.begin', itemId: pick(ids.agenda(s), a)! } : null) },
  { who: STAFF, make: (s, a) => (s.agenda.length ? { type: 'agenda.remove', itemId: pick(ids.agenda(s), a)! } : null) },
  { who: STAFF, make: (s, a, b) => (s.agenda.length ? { type: 'agenda.move', itemId: pick(ids.agenda(s), a)!, position: b % 4 } : null) },
  {
    weight: 4,
    who: REGISTRANTS,
    make: (_s, a, _b, _now, me) => ({
      type: 'participant.register',
      organization: `Org of ${me}`,
      category: CATEGORY[me.slice(4) as User] ?? 'other',
      ...(a % 3 === 1 ? { accreditation: 'non-objection' as const } : a % 3 === 2 ? { accreditation: 'ecosoc' as const } : {}),
    }),
  },
  {
    weight: 3,
    who: REGISTRANTS,
    make: (_s, a, _b, _now, me) => ({
      type: 'participant.register',
      organization: `Org of ${me}`,
      category: CATEGORY[me.slice(4) as User] ?? 'other',
      ...(a % 2 ? { accreditation: 'non-objection' as const } : {}),
    }),
  },
  {
    weight: 5,
    who: STAFF,
    make: (s, a, b) => {
      const id = pick(ids.participants(s, 'pending'), a);
      if (!id) return null;
      const role = ROLE_ON_APPROVAL[s.participants[id].userId ?? ''];
      return { type: 'participant.approve', participantId: id, ...(role ? { role } : b % 5 === 0 ? { role: 'observer' as const } : {}) };
    },
  },
  {
    who: STAFF,
    make: (s, a) =>
      ids.participants(s, 'pending').length
        ? { type: 'participant.approve', participantId: pick(ids.participants(s, 'pending'), a)! }
        : null,
  },
  {
    who: STAFF,
    make: (s, a, b) =>
      ids.participants(s, 'pending').length
        ? {
            type: 'participant.decline',
            participantId: pick(ids.participants(s, 'pending'), a)!,
            ...(b % 2 ? { reason: `reason ${b}` } : {}),
          }
        : null,
  },
  {
    who: STAFF,
    make: (s, a, b) => ({ type: 'participant.setRole', participantId: pick(ids.participants(s), a)!, role: ROLES[b % ROLES.length] }),
  },
  {
    who: ['del1', 'del2'],
    make: (s, a) => ({ type: 'participant.object', participantId: pick(ids.participants(s), a)!, reason: 'Not independent.' }),
  },
  {
    who: STAFF,
    make: (_s, a, b, now) => ({
      type: 'invitation.create',
      role: ROLES[1 + (a % 4)],
      codeHash: 'c'.repeat(64),
      expiresAt: later(now, 60 + (b % 600)),
      ...(a % 2 ? { organization: 'Invited org', category: 'ngo' as const } : {}),
    }),
  },
  {
    who: STAFF,
    make: (s, a) => (ids.invitations(s).length ? { type: 'invitation.revoke', invitationId: pick(ids.invitations(s), a)! } : null),
  },
  {
    who: 'system',
    make: (s, a, b) =>
      ids.invitations(s).length
        ? { type: 'invitation.redeem', invitationId: pick(ids.invitations(s), a)!, userId: `inv:${b % 2}`, displayName: `Invitee ${b % 2}` }
        : null,
  },
  {
    weight: 4,
    who: SPEAKERS,
    make: (s, a, b) => ({
      type: 'floor.request',
      questionId: s.openQuestionId ?? pick(ids.questions(s), a) ?? 'none',
      ...(b % 2 ? { note: `note ${b}` } : {}),
    }),
  },
  {
    weight: 4,
    who: SPEAKERS,
    make: (s, a, b) => ({ type: 'floor.request', questionId: s.openQuestionId ?? 'none', ...(b % 3 ? { note: `about ${a}` } : {}) }),
  },
  {
    who: SPEAKERS,
    make: (s, a, _b, _now, me) =>
      ids.mine(s, me, 'waiting').length ? { type: 'floor.withdraw', requestId: pick(ids.mine(s, me, 'waiting'), a)! } : null,
  },
  {
    who: STAFF,
    make: (s, a) =>
      a % 2 || !ids.waiting(s).length ? { type: 'floor.give' } : { type: 'floor.give', requestId: pick(ids.waiting(s), a)! },
  },
  { weight: 4, who: STAFF, make: () => ({ type: 'floor.give' }) },
  { weight: 2, who: STAFF, make: () => ({ type: 'floor.end' }) },
  { weight: 2, who: STAFF, make: () => ({ type: 'floor.pause' }) },
  { weight: 2, who: STAFF, make: () => ({ type: 'floor.resume' }) },
  { weight: 2, who: STAFF, make: (_s, a) => ({ type: 'floor.extend', seconds: 30 + (a % 60) }) },
  {
    who: STAFF,
    make: (s, a, b) =>
      ids.waiting(s).length ? { type: 'floor.skip', requestId: pick(ids.waiting(s), a)!, ...(b % 2 ? { reason: 'off topic' } : {}) } : null,
  },
  {
    who: STAFF,
    make: (s, a, b) => (ids.waiting(s).length ? { type: 'floor.move', requestId: pick(ids.waiting(s), a)!, position: b % 3 } : null),
  },
  { who: STAFF, make: (s, a) => (ids.waiting(s).length ? { type: 'floor.defer', requestId: pick(ids.waiting(s), a)! } : null) },
  { who: STAFF, make: (_s, a) => ({ type: 'floor.policy', order: POLICIES[a % POLICIES.length] }) },
  { who: 'system', make: (s) => (s.currentRequestId ? { type: 'floor.recordOverrun', requestId: s.currentRequestId } : null) },
  { who: STAFF, make: (_s, a, _b, now) => ({ type: 'time.setHardStop', at: a % 5 === 0 ? null : later(now, 300 + a * 30) }) },
  { who: STAFF, make: (_s, a) => ({ type: 'time.replan', strategy: a % 2 ? 'shorten' : 'cap', minSeconds: 60 }) },
  {
    who: STAFF,
    make: (s, a, b) => ({
      type: 'note.add',
      text: `note ${a}`,
      visibility: b % 2 ? 'public' : 'secretariat',
      ...(a % 2 && Object.keys(s.requests).length ? { requestId: pick(Object.keys(s.requests), b)! } : {}),
    }),
  },
  {
    who: STAFF,
    make: (s, a, b) => ({
      type: 'note.add',
      text: `remark ${a}`,
      visibility: b % 3 ? 'secretariat' : 'public',
      ...(s.questions.length ? { questionId: pick(ids.questions(s), a)! } : {}),
    }),
  },
  {
    weight: 3,
    who: AUTHORS,
    make: (s, a, _b, _now, me) => ({
      type: 'input.submit',
      title: `Input ${a}`,
      text: 'Our views.',
      ...(ids.mine(s, me, 'deferred').length ? { requestId: pick(ids.mine(s, me, 'deferred'), a)! } : {}),
    }),
  },
  {
    who: AUTHORS,
    make: (s, a) => ({
      type: 'input.submit',
      title: `Paper ${a}`,
      text: 'A concept paper.',
      ...(s.questions.length && a % 2 ? { questionId: pick(ids.questions(s), a)! } : {}),
    }),
  },
  { who: AUTHORS, make: (s, a) => (ids.inputs(s).length ? { type: 'input.withdraw', inputId: pick(ids.inputs(s), a)! } : null) },
  {
    weight: 2,
    who: AUTHORS,
    make: (s, a, _b, _now, me) => (ids.myInputs(s, me).length ? { type: 'input.withdraw', inputId: pick(ids.myInputs(s, me), a)! } : null),
  },
];

/** The engagement and the floor weigh three times as much, so that runs still reach a busy speakers list. */
export const TEMPLATES: Template[] = [
  ...CORE_TEMPLATES.map((t) => ({ ...t, weight: 3 * (t.weight ?? 1) })),
  ...BREAKOUT_TEMPLATES,
  ...SUMMARY_TEMPLATES,
];
