import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../server/domain/commands.js';
import type { Actor } from '../../server/domain/context.js';
import type { EngagementState } from '../../server/domain/state.js';
import { BREAKOUT_EVENT_TYPES } from '../../server/domain/breakouts/events.js';
import { canonicalJson } from '../../server/domain/summaryReview/canonicalJson.js';
import { SUMMARY_EVENT_TYPES } from '../../server/domain/summaryReview/events.js';
import type { AgendaKind, Category, OrderPolicy, Role } from '../../server/domain/vocabulary.js';
import { SYSTEM, userActor } from './support/engagementBuilder.js';
import { ViewerHarness } from './support/viewerHarness.js';

// VIEW-9, property-tested: for random valid command sequences issued by random actors, every viewer who
// folds the redacted events (over JSON, as the stream sends them) with `evolve`, starting from
// `project(initial)` and replacing their state by `project(after)` on 'resync', holds exactly
// `project(after)` after every event. Viewers cover every audience over time: chair, secretariat,
// delegations, stakeholders, an observer, invited participants and a signed-in member of the public.
// The commands cover the engagement, the floor, breakout rounds (BREAKOUT-VIEW-1..6) and the summary cycle
// (SUMMARY-VIEW-1..5), so every slice's `redact` is checked against its `project`.

const USERS = ['chair', 'sec', 'del1', 'del2', 'ngo1', 'ngo2', 'obs', 'pub'] as const;
type User = (typeof USERS)[number];
const VIEWERS = [...USERS.map((u) => `dev:${u}`), 'inv:0', 'inv:1'];
const STAFF: User[] = ['chair', 'sec'];
const SPEAKERS: User[] = ['del1', 'del2', 'ngo1', 'ngo2'];
const REGISTRANTS: User[] = ['sec', 'del1', 'del2', 'ngo1', 'ngo2', 'obs'];
const AUTHORS: User[] = ['del1', 'del2', 'ngo1', 'ngo2', 'obs', 'sec'];

const CATEGORY: Record<User, Category> = {
  chair: 'other', sec: 'other', del1: 'member-state', del2: 'member-state', ngo1: 'ngo', ngo2: 'academia', obs: 'intergovernmental', pub: 'other',
};
const ROLE_ON_APPROVAL: Partial<Record<string, Role>> = { 'dev:sec': 'secretariat', 'dev:obs': 'observer' };
const ROLES: Role[] = ['chair', 'secretariat', 'delegation', 'stakeholder', 'observer'];
const KINDS: AgendaKind[] = ['opening', 'question', 'breakouts', 'closing'];
const POLICIES: OrderPolicy[] = ['inscription', 'first-time-first', 'alternate'];

interface Step {
  template: number;
  actor: number;
  /** 1 in 10 steps are issued by anyone at all, to exercise refusals. */
  wild: boolean;
  a: number;
  b: number;
  seconds: number;
}

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
const later = (now: string, seconds: number) => new Date(Date.parse(now) + seconds * 1000).toISOString();

type Template = { who: User[] | 'system'; weight?: number; make: (s: EngagementState, a: number, b: number, now: string, me: string) => Command | null };

const ids = {
  questions: (s: EngagementState) => s.questions.map((q) => q.id),
  agenda: (s: EngagementState) => s.agenda.map((i) => i.id),
  participants: (s: EngagementState, status?: string) => Object.values(s.participants).filter((p) => !status || p.status === status).map((p) => p.id),
  waiting: (s: EngagementState) => Object.values(s.requests).filter((r) => r.status === 'waiting').map((r) => r.id),
  mine: (s: EngagementState, userId: string, status?: string) => {
    const me = Object.values(s.participants).find((p) => p.userId === userId);
    return Object.values(s.requests).filter((r) => r.participantId === me?.id && (!status || r.status === status)).map((r) => r.id);
  },
  invitations: (s: EngagementState) => Object.keys(s.invitations),
  inputs: (s: EngagementState) => Object.keys(s.inputs),
  myInputs: (s: EngagementState, userId: string) => {
    const me = Object.values(s.participants).find((p) => p.userId === userId);
    return Object.values(s.inputs).filter((i) => i.participantId === me?.id && i.withdrawnAt === null).map((i) => i.id);
  },
};

const breakoutIds = {
  rounds: (s: EngagementState, ...status: string[]) => s.breakouts.order.filter((id) => status.length === 0 || status.includes(s.breakouts.rounds[id].status)),
  rooms: (s: EngagementState, roundId: string | undefined) => (roundId ? (s.breakouts.rounds[roundId]?.rooms.map((r) => r.id) ?? []) : []),
  /** Approved participants who are not staff: the people rooms hold (BREAKOUT-10). */
  members: (s: EngagementState) => Object.values(s.participants).filter((p) => p.status === 'approved' && p.role !== 'chair' && p.role !== 'secretariat').map((p) => p.id),
};
const MODES = ['self-select', 'manual', 'balanced'] as const;
const PARAGRAPHS = (s: EngagementState) => ['opening:1', 'general:1', 'general:2', 'breakouts:1', 'closing:1', ...s.questions.map((q) => `question:${q.id}:1`), 'question:nope:1'];
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

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
  const inRoom = Object.entries(round.assignment).filter(([, r]) => r === roomId).map(([p]) => p);
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

const BREAKOUT_TEMPLATES: Template[] = [
  { weight: 3, who: STAFF, make: (s, a, b) => planRound(s, a, b) },
  { who: STAFF, make: (_s, a, b) => ({ type: 'agenda.add', kind: 'breakouts', plannedMinutes: 5 + (a % 10), ...(b % 2 ? { title: `Breakouts ${b}` } : {}) }) },
  {
    weight: 3,
    who: [...SPEAKERS, 'obs'],
    make: (s, a, b) => {
      const roundId = pick(breakoutIds.rounds(s, 'planned', 'running'), a);
      const rooms = breakoutIds.rooms(s, roundId);
      if (!roundId || rooms.length === 0) return null;
      if (b % 3 === 0) return { type: 'breakouts.choose', roundId, preferences: [...rooms.slice(b % rooms.length), ...rooms.slice(0, b % rooms.length)] };
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
  { weight: 2, who: STAFF, make: (s, a, b) => (breakoutIds.rounds(s).length ? { type: 'breakouts.autoAssign', roundId: pick(breakoutIds.rounds(s, 'planned'), a) ?? pick(breakoutIds.rounds(s), a)!, seed: b } : null) },
  { weight: 3, who: STAFF, make: (s, a) => (breakoutIds.rounds(s).length ? { type: 'breakouts.start', roundId: pick(breakoutIds.rounds(s, 'planned'), a) ?? pick(breakoutIds.rounds(s), a)! } : null) },
  { who: STAFF, make: (s, a) => (s.breakouts.runningRoundId ? { type: 'breakouts.broadcast', roundId: s.breakouts.runningRoundId, message: `Five minutes left, room ${a}` } : null) },
  { who: STAFF, make: (s, a) => (s.breakouts.runningRoundId ? { type: 'breakouts.extend', roundId: s.breakouts.runningRoundId, minutes: 1 + (a % 3) } : null) },
  { weight: 2, who: 'system', make: (s, a) => (breakoutIds.rounds(s).length ? { type: 'breakouts.warn', roundId: s.breakouts.runningRoundId ?? pick(breakoutIds.rounds(s), a)! } : null) },
  { weight: 2, who: 'system', make: (s, a) => (breakoutIds.rounds(s).length ? { type: 'breakouts.expire', roundId: s.breakouts.runningRoundId ?? pick(breakoutIds.rounds(s), a)! } : null) },
  { weight: 2, who: STAFF, make: (s, a) => (breakoutIds.rounds(s).length ? { type: 'breakouts.end', roundId: s.breakouts.runningRoundId ?? pick(breakoutIds.rounds(s), a)! } : null) },
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

const SUMMARY_TEMPLATES: Template[] = [
  { weight: 2, who: STAFF, make: (s, a, b) => ({ type: 'summary.editParagraph', paragraphKey: pick(PARAGRAPHS(s), a)!, text: b % 4 === 0 ? '' : `The Chair's wording ${b % 3}.` }) },
  { weight: 2, who: STAFF, make: (_s, a, _b, now) => ({ type: 'summary.circulate', reviewUntil: later(now, a % 7 === 0 ? -60 : 600 + (a % 3600)) }) },
  {
    weight: 3,
    who: SPEAKERS,
    make: (s, a, b, _now, me) => {
      const own = ids.mine(s, me);
      const other = Object.keys(s.requests);
      if (b % 3 === 0 && (own.length || other.length)) return { type: 'summary.requestCorrection', requestId: pick(a % 4 ? own : other, a) ?? pick(other, a)!, text: 'I said otherwise.' };
      return { type: 'summary.requestCorrection', paragraphKey: pick(PARAGRAPHS(s), a)!, text: `Please correct ${a}.` };
    },
  },
  {
    weight: 2,
    who: STAFF,
    make: (s, a, b) => {
      const corrections = Object.keys(s.summaryReview.corrections);
      return corrections.length ? { type: 'summary.resolveCorrection', correctionId: pick(corrections, a)!, decision: b % 2 ? 'accepted' : 'declined', reply: `Reply ${b}` } : null;
    },
  },
  {
    weight: 2,
    who: STAFF,
    make: (s, a, b) => {
      // SUMMARY-9: what the publish endpoint sends: canonical JSON of an object and the sha256 of its bytes.
      const content = canonicalJson({ title: s.settings.title, version: s.summaryReview.published.length + 1, edits: Object.keys(s.summaryReview.edits).sort(), note: `n${a}` });
      return { type: 'summary.publish', content: b % 11 === 0 ? `{ "title": ${JSON.stringify(s.settings.title)} }` : content, contentHash: sha256(content) };
    },
  },
];

const CORE_TEMPLATES: Template[] = [
  { who: STAFF, make: (_s, a) => ({ type: 'engagement.update', speakingSeconds: 60 + 30 * (a % 5) }) },
  { weight: 4, who: STAFF, make: () => ({ type: 'engagement.open' }) },
  { weight: 3, who: STAFF, make: () => ({ type: 'engagement.start' }) },
  { who: STAFF, make: (_s, a) => (a % 3 === 0 ? { type: 'engagement.end' } : null) },
  // Most runs end after some 60 minutes live, so that the summary cycle (after the end) is reached too.
  { weight: 3, who: STAFF, make: (s, _a, _b, now) => (s.startedAt && Date.parse(now) - Date.parse(s.startedAt) > 60 * 60_000 ? { type: 'engagement.end' } : null) },
  { who: STAFF, make: (_s, a) => ({ type: 'engagement.update', title: `Consultation ${a % 5}` }) },
  { weight: 3, who: STAFF, make: (_s, a) => ({ type: 'question.add', text: `Question ${a}?` }) },
  { weight: 3, who: STAFF, make: (s, a) => (ids.questions(s).length ? { type: 'question.open', questionId: pick(ids.questions(s), a)! } : null) },
  { who: STAFF, make: (s, a) => ({ type: 'question.close', ...(a % 3 === 0 && s.questions.length ? { questionId: pick(ids.questions(s), a)! } : {}) }) },
  { who: STAFF, make: (s, a) => (s.questions.length ? { type: 'question.remove', questionId: pick(ids.questions(s), a)! } : null) },
  { who: STAFF, make: (s, a, b) => (s.questions.length ? { type: 'question.move', questionId: pick(ids.questions(s), a)!, position: b % 4 } : null) },
  { who: STAFF, make: (s, a, b) => ({ type: 'agenda.add', kind: KINDS[a % KINDS.length], plannedMinutes: 5 + (b % 20), ...(a % 2 && s.questions.length ? { questionId: pick(ids.questions(s), b)! } : {}) }) },
  { who: STAFF, make: (s, a) => (s.agenda.length ? { type: 'agenda.begin', itemId: pick(ids.agenda(s), a)! } : null) },
  { who: STAFF, make: (s, a) => (s.agenda.length ? { type: 'agenda.remove', itemId: pick(ids.agenda(s), a)! } : null) },
  { who: STAFF, make: (s, a, b) => (s.agenda.length ? { type: 'agenda.move', itemId: pick(ids.agenda(s), a)!, position: b % 4 } : null) },
  { weight: 4, who: REGISTRANTS, make: (_s, a, _b, _now, me) => ({ type: 'participant.register', organization: `Org of ${me}`, category: CATEGORY[me.slice(4) as User] ?? 'other', ...(a % 3 === 1 ? { accreditation: 'non-objection' as const } : a % 3 === 2 ? { accreditation: 'ecosoc' as const } : {}) }) },
  { weight: 3, who: REGISTRANTS, make: (_s, a, _b, _now, me) => ({ type: 'participant.register', organization: `Org of ${me}`, category: CATEGORY[me.slice(4) as User] ?? 'other', ...(a % 2 ? { accreditation: 'non-objection' as const } : {}) }) },
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
  { who: STAFF, make: (s, a) => (ids.participants(s, 'pending').length ? { type: 'participant.approve', participantId: pick(ids.participants(s, 'pending'), a)! } : null) },
  { who: STAFF, make: (s, a, b) => (ids.participants(s, 'pending').length ? { type: 'participant.decline', participantId: pick(ids.participants(s, 'pending'), a)!, ...(b % 2 ? { reason: `reason ${b}` } : {}) } : null) },
  { who: STAFF, make: (s, a, b) => ({ type: 'participant.setRole', participantId: pick(ids.participants(s), a)!, role: ROLES[b % ROLES.length] }) },
  { who: ['del1', 'del2'], make: (s, a) => ({ type: 'participant.object', participantId: pick(ids.participants(s), a)!, reason: 'Not independent.' }) },
  { who: STAFF, make: (_s, a, b, now) => ({ type: 'invitation.create', role: ROLES[1 + (a % 4)], codeHash: 'c'.repeat(64), expiresAt: later(now, 60 + (b % 600)), ...(a % 2 ? { organization: 'Invited org', category: 'ngo' as const } : {}) }) },
  { who: STAFF, make: (s, a) => (ids.invitations(s).length ? { type: 'invitation.revoke', invitationId: pick(ids.invitations(s), a)! } : null) },
  { who: 'system', make: (s, a, b) => (ids.invitations(s).length ? { type: 'invitation.redeem', invitationId: pick(ids.invitations(s), a)!, userId: `inv:${b % 2}`, displayName: `Invitee ${b % 2}` } : null) },
  { weight: 4, who: SPEAKERS, make: (s, a, b) => ({ type: 'floor.request', questionId: s.openQuestionId ?? pick(ids.questions(s), a) ?? 'none', ...(b % 2 ? { note: `note ${b}` } : {}) }) },
  { weight: 4, who: SPEAKERS, make: (s, a, b) => ({ type: 'floor.request', questionId: s.openQuestionId ?? 'none', ...(b % 3 ? { note: `about ${a}` } : {}) }) },
  { who: SPEAKERS, make: (s, a, _b, _now, me) => (ids.mine(s, me, 'waiting').length ? { type: 'floor.withdraw', requestId: pick(ids.mine(s, me, 'waiting'), a)! } : null) },
  { who: STAFF, make: (s, a) => (a % 2 || !ids.waiting(s).length ? { type: 'floor.give' } : { type: 'floor.give', requestId: pick(ids.waiting(s), a)! }) },
  { weight: 4, who: STAFF, make: () => ({ type: 'floor.give' }) },
  { weight: 2, who: STAFF, make: () => ({ type: 'floor.end' }) },
  { weight: 2, who: STAFF, make: () => ({ type: 'floor.pause' }) },
  { weight: 2, who: STAFF, make: () => ({ type: 'floor.resume' }) },
  { weight: 2, who: STAFF, make: (_s, a) => ({ type: 'floor.extend', seconds: 30 + (a % 60) }) },
  { who: STAFF, make: (s, a, b) => (ids.waiting(s).length ? { type: 'floor.skip', requestId: pick(ids.waiting(s), a)!, ...(b % 2 ? { reason: 'off topic' } : {}) } : null) },
  { who: STAFF, make: (s, a, b) => (ids.waiting(s).length ? { type: 'floor.move', requestId: pick(ids.waiting(s), a)!, position: b % 3 } : null) },
  { who: STAFF, make: (s, a) => (ids.waiting(s).length ? { type: 'floor.defer', requestId: pick(ids.waiting(s), a)! } : null) },
  { who: STAFF, make: (_s, a) => ({ type: 'floor.policy', order: POLICIES[a % POLICIES.length] }) },
  { who: 'system', make: (s) => (s.currentRequestId ? { type: 'floor.recordOverrun', requestId: s.currentRequestId } : null) },
  { who: STAFF, make: (_s, a, _b, now) => ({ type: 'time.setHardStop', at: a % 5 === 0 ? null : later(now, 300 + a * 30) }) },
  { who: STAFF, make: (_s, a) => ({ type: 'time.replan', strategy: a % 2 ? 'shorten' : 'cap', minSeconds: 60 }) },
  { who: STAFF, make: (s, a, b) => ({ type: 'note.add', text: `note ${a}`, visibility: b % 2 ? 'public' : 'secretariat', ...(a % 2 && Object.keys(s.requests).length ? { requestId: pick(Object.keys(s.requests), b)! } : {}) }) },
  { who: STAFF, make: (s, a, b) => ({ type: 'note.add', text: `remark ${a}`, visibility: b % 3 ? 'secretariat' : 'public', ...(s.questions.length ? { questionId: pick(ids.questions(s), a)! } : {}) }) },
  { weight: 3, who: AUTHORS, make: (s, a, _b, _now, me) => ({ type: 'input.submit', title: `Input ${a}`, text: 'Our views.', ...(ids.mine(s, me, 'deferred').length ? { requestId: pick(ids.mine(s, me, 'deferred'), a)! } : {}) }) },
  { who: AUTHORS, make: (s, a) => ({ type: 'input.submit', title: `Paper ${a}`, text: 'A concept paper.', ...(s.questions.length && a % 2 ? { questionId: pick(ids.questions(s), a)! } : {}) }) },
  { who: AUTHORS, make: (s, a) => (ids.inputs(s).length ? { type: 'input.withdraw', inputId: pick(ids.inputs(s), a)! } : null) },
  { weight: 2, who: AUTHORS, make: (s, a, _b, _now, me) => (ids.myInputs(s, me).length ? { type: 'input.withdraw', inputId: pick(ids.myInputs(s, me), a)! } : null) },
];

/** The engagement and the floor weigh three times as much, so that runs still reach a busy speakers list. */
const TEMPLATES: Template[] = [...CORE_TEMPLATES.map((t) => ({ ...t, weight: 3 * (t.weight ?? 1) })), ...BREAKOUT_TEMPLATES, ...SUMMARY_TEMPLATES];

const EXPECTED_TYPES = [
  'engagement.created', 'engagement.updated', 'engagement.opened', 'engagement.started', 'engagement.ended',
  'agenda.added', 'agenda.removed', 'agenda.moved', 'agenda.begun',
  'question.added', 'question.removed', 'question.moved', 'question.opened', 'question.closed',
  'participant.registered', 'participant.approved', 'participant.declined', 'participant.roleChanged', 'participant.objected',
  'invitation.created', 'invitation.revoked', 'invitation.redeemed',
  'floor.requested', 'floor.withdrawn', 'floor.given', 'floor.paused', 'floor.resumed', 'floor.extended', 'floor.ended',
  'floor.skipped', 'floor.moved', 'floor.deferred', 'floor.policyChanged', 'floor.overran', 'floor.allowancesChanged',
  'time.hardStopSet', 'time.replanned',
  'note.added', 'input.submitted', 'input.withdrawn',
];

const stepArb: fc.Arbitrary<Step> = fc.record({
  // Weighted, so that most runs reach a live meeting with approved speakers early.
  template: fc.constantFrom(...TEMPLATES.flatMap((t, i) => Array.from({ length: t.weight ?? 1 }, () => i))),
  actor: fc.nat({ max: 50 }),
  wild: fc.nat({ max: 9 }).map((n) => n === 0),
  a: fc.nat({ max: 1000 }),
  b: fc.nat({ max: 1000 }),
  seconds: fc.oneof(fc.constant(0), fc.nat({ max: 240 })),
});

/** Those of `users` who are approved in one of `roles` now; issuing as them makes acceptance likely. */
const inRole = (state: EngagementState, users: readonly User[], roles: readonly Role[]): User[] =>
  users.filter((u) => Object.values(state.participants).some((p) => p.userId === `dev:${u}` && p.status === 'approved' && roles.includes(p.role)));

function actorOf(step: Step, template: Template, state: EngagementState): Actor {
  const plausible = (who: User[]): User[] => {
    if (who === STAFF) return inRole(state, USERS, ['chair', 'secretariat']);
    if (who === SPEAKERS) return inRole(state, USERS, ['stakeholder', 'delegation']);
    return who;
  };
  const pool: (User | 'system')[] = step.wild ? [...USERS, 'system'] : template.who === 'system' ? ['system'] : plausible(template.who);
  if (pool.length === 0) pool.push(...USERS);
  const name = pick(pool, step.actor)!;
  return name === 'system' ? SYSTEM : userActor(name);
}

/**
 * A live meeting to start from (in two runs out of three), so that random steps spend their time on the
 * floor, breakouts and the summary rather than on getting there: two questions, the first open; everyone in
 * REGISTRANTS registered, and approved where their bit of `approved` is set (the others stay applicants);
 * mostly a breakout round planned.
 * Every command of it goes through the harness too, so VIEW-9 is checked on the way.
 */
function warmUp(h: ViewerHarness, approved: number): void {
  const chair = userActor('chair');
  h.issue(chair, { type: 'question.add', text: 'First question?' });
  h.issue(chair, { type: 'question.add', text: 'Second question?' });
  h.issue(chair, { type: 'agenda.add', kind: 'breakouts', plannedMinutes: 20 });
  h.issue(chair, { type: 'engagement.open' });
  REGISTRANTS.forEach((user, i) => {
    h.issue(userActor(user), { type: 'participant.register', organization: `Org of ${user}`, category: CATEGORY[user] });
    const id = Object.values(h.state.participants).find((p) => p.userId === `dev:${user}`)?.id;
    const role = ROLE_ON_APPROVAL[`dev:${user}`];
    if (id && approved & (1 << i)) h.issue(chair, { type: 'participant.approve', participantId: id, ...(role ? { role } : {}) });
  });
  h.issue(chair, { type: 'engagement.start' });
  h.issue(chair, { type: 'question.open', questionId: h.state.questions[0].id });
  // Two runs in three also have a self-select round ready (it can start whoever has no room).
  if (approved % 3 !== 0) {
    h.issue(chair, { type: 'breakouts.plan', rooms: [{ theme: 'Finance', capacity: 4 }, { theme: 'Hubs', capacity: 4, questionId: h.state.questions[1].id }], durationMinutes: 3, mode: 'self-select' });
  }
}

/**
 * The step's template, except that a share of the steps goes to the slice the meeting is in: after the
 * end, half to the summary cycle (nothing else moves much then); while a breakout round is planned or
 * running, a third to breakouts. Otherwise the runs would rarely get far into either.
 */
function inFocus(state: EngagementState, step: Step): Template {
  const roundOpen = state.breakouts.order.some((id) => state.breakouts.rounds[id].status !== 'ended');
  if (state.status === 'ended' && step.b % 2 === 0) return SUMMARY_TEMPLATES[step.template % SUMMARY_TEMPLATES.length];
  if (state.status === 'live' && roundOpen && step.b % 3 === 0) return BREAKOUT_TEMPLATES[step.template % BREAKOUT_TEMPLATES.length];
  return TEMPLATES[step.template];
}

function runSession(steps: Step[], approved: number | null): ViewerHarness {
  const h = new ViewerHarness(VIEWERS);
  h.issue(userActor('chair'), { type: 'engagement.create', engagementId: 'eng', title: 'Informal consultation' });
  if (approved !== null) warmUp(h, approved);
  for (const step of steps) {
    h.advance(step.seconds);
    const template = inFocus(h.state, step);
    const actor = actorOf(step, template, h.state);
    const command = template.make(h.state, step.a, step.b, h.now, actor.kind === 'user' ? actor.userId : 'system');
    if (command) h.issue(actor, command);
  }
  return h;
}

/** Runs of the random session: about 20 s on an idle core, within a minute on a loaded 2-core machine. */
const RUNS = 120;

describe('redaction (VIEW-9, property)', () => {
  it('VIEW-9: given random valid command sequences by random actors, then every viewer folding redacted events holds exactly their projection after every event', () => {
    let accepted = 0;
    const seen = new Set<string>();
    const sessions = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 60, maxLength: 200 }), fc.oneof(fc.constant(null), fc.nat({ max: 63 }), fc.nat({ max: 63 })), (steps, approved) => {
        const h = runSession(steps, approved);
        accepted += h.accepted;
        for (const t of h.types) seen.add(t);
        for (const t of h.types) sessions.set(t, (sessions.get(t) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    // The generator reaches deep states, not only refusals, and most kinds of event.
    expect(accepted / RUNS).toBeGreaterThan(10);
    expect(seen.size).toBeGreaterThan(EXPECTED_TYPES.length - 8);
    // Breakouts and the summary cycle are reached too: nearly every event type of both slices, in many runs.
    const reached = (prefix: string) => [...sessions].filter(([t, n]) => t.startsWith(prefix) && n >= 1).length;
    expect(reached('breakouts.')).toBeGreaterThanOrEqual(11);
    expect(reached('summary.')).toBe(5);
    expect(sessions.get('breakouts.started') ?? 0).toBeGreaterThan(RUNS / 20);
    expect(sessions.get('summary.published') ?? 0).toBeGreaterThan(RUNS / 10);
  }, 180_000);

  it('VIEW-9: given a scripted session that produces every event type (breakouts and the summary cycle included), then every viewer stays exactly on their projection', () => {
    const h = new ViewerHarness(VIEWERS);
    const as = (name: string): Actor => (name === 'system' ? SYSTEM : userActor(name));
    const ok = (name: string, command: Command) => {
      const events = h.issue(as(name), command);
      expect(events, `${name}: ${command.type}`).not.toBeNull();
      return events!;
    };
    const idOf = (userId: string) => Object.values(h.state.participants).find((p) => p.userId === userId)!.id;
    ok('chair', { type: 'engagement.create', engagementId: 'eng', title: 'Informal consultation' });
    ok('chair', { type: 'engagement.update', theme: 'Capacity-building' });
    ok('chair', { type: 'question.add', text: 'Q1?' });
    ok('chair', { type: 'question.add', text: 'Q2?' });
    ok('chair', { type: 'question.add', text: 'Q3?' });
    const [q1, q2, q3] = h.state.questions.map((q) => q.id);
    ok('chair', { type: 'question.move', questionId: q3, position: 0 });
    ok('chair', { type: 'question.update', questionId: q3, text: 'Q3, revised?' });
    ok('chair', { type: 'question.remove', questionId: q3 });
    ok('chair', { type: 'agenda.add', kind: 'opening', plannedMinutes: 5 });
    ok('chair', { type: 'agenda.add', kind: 'question', plannedMinutes: 30, questionId: q1 });
    ok('chair', { type: 'agenda.add', kind: 'other', plannedMinutes: 5 });
    const [opening, item1, other] = h.state.agenda.map((i) => i.id);
    ok('chair', { type: 'agenda.move', itemId: other, position: 0 });
    ok('chair', { type: 'agenda.update', itemId: other, title: 'Housekeeping' });
    ok('chair', { type: 'agenda.remove', itemId: other });
    ok('chair', { type: 'invitation.create', role: 'secretariat', codeHash: 'c'.repeat(64), expiresAt: '2026-11-29T00:00:00.000Z' });
    ok('chair', { type: 'invitation.create', role: 'stakeholder', codeHash: 'd'.repeat(64), expiresAt: '2026-11-29T00:00:00.000Z', organization: 'Invited NGO', category: 'ngo' });
    const [invSec, invNgo] = Object.keys(h.state.invitations);
    ok('system', { type: 'invitation.redeem', invitationId: invSec, userId: 'inv:0', displayName: 'Secretary' });
    ok('chair', { type: 'time.setHardStop', at: '2026-11-28T10:00:00.000Z' });
    ok('chair', { type: 'engagement.open' });
    ok('chair', { type: 'invitation.revoke', invitationId: invNgo });
    ok('chair', { type: 'invitation.create', role: 'stakeholder', codeHash: 'e'.repeat(64), expiresAt: '2026-11-29T00:00:00.000Z' });
    ok('system', { type: 'invitation.redeem', invitationId: Object.keys(h.state.invitations)[2], userId: 'inv:1', displayName: 'Invitee' });
    for (const [user, category] of [['del1', 'member-state'], ['del2', 'member-state'], ['ngo1', 'ngo'], ['ngo2', 'academia'], ['obs', 'intergovernmental'], ['sec', 'other']] as const) {
      ok(user, { type: 'participant.register', organization: `Org ${user}`, category, ...(user === 'ngo2' ? { accreditation: 'non-objection' as const } : {}) });
    }
    for (const user of ['del1', 'del2', 'ngo1']) ok('chair', { type: 'participant.approve', participantId: idOf(`dev:${user}`) });
    ok('del1', { type: 'participant.object', participantId: idOf('dev:ngo2'), reason: 'Not independent.' });
    ok('chair', { type: 'participant.decline', participantId: idOf('dev:ngo2'), reason: 'Objection under the non-objection procedure.' });
    ok('chair', { type: 'participant.approve', participantId: idOf('dev:obs'), role: 'observer' });
    ok('chair', { type: 'participant.approve', participantId: idOf('dev:sec'), role: 'secretariat' });
    ok('chair', { type: 'participant.setRole', participantId: idOf('dev:del2'), role: 'observer' });
    ok('chair', { type: 'participant.setRole', participantId: idOf('dev:del2'), role: 'delegation' });
    ok('chair', { type: 'engagement.start' });
    ok('chair', { type: 'agenda.begin', itemId: opening });
    h.advance(60);
    ok('chair', { type: 'question.open', questionId: q1 });
    expect(h.state.currentAgendaItemId).toBe(item1);
    ok('ngo1', { type: 'floor.request', questionId: q1, note: 'On regional hubs' });
    ok('del1', { type: 'floor.request', questionId: q1 });
    ok('del2', { type: 'floor.request', questionId: q1, note: 'Short' });
    expect(ok('chair', { type: 'engagement.update', speakingSeconds: 150 }).map((e) => e.type)).toContain('floor.allowancesChanged');
    ok('sec', { type: 'floor.policy', order: 'alternate' });
    const waiting = () => h.state.waiting[q1] ?? [];
    ok('sec', { type: 'floor.move', requestId: waiting()[waiting().length - 1], position: 0 });
    ok('del2', { type: 'floor.withdraw', requestId: Object.values(h.state.requests).find((r) => r.participantId === idOf('dev:del2'))!.id });
    ok('chair', { type: 'floor.give' });
    const speaking = h.state.currentRequestId!;
    ok('chair', { type: 'note.add', requestId: speaking, text: 'Funding gap.', visibility: 'secretariat' });
    ok('chair', { type: 'note.add', questionId: q1, text: 'Hubs raised.', visibility: 'public' });
    h.advance(30);
    ok('chair', { type: 'floor.pause' });
    h.advance(30);
    ok('chair', { type: 'floor.resume' });
    ok('chair', { type: 'floor.extend', seconds: 30 });
    h.advance(400);
    ok('system', { type: 'floor.recordOverrun', requestId: speaking });
    ok('chair', { type: 'floor.end' });
    ok('ngo1', { type: 'floor.request', questionId: q1 });
    ok('del2', { type: 'floor.request', questionId: q1 });
    ok('chair', { type: 'floor.skip', requestId: waiting()[0], reason: 'Asked to speak later.' });
    ok('chair', { type: 'time.replan', strategy: 'cap', minSeconds: 60 });
    const deferred = Object.values(h.state.requests).find((r) => r.status === 'deferred') ?? null;
    if (!deferred) ok('chair', { type: 'floor.defer', requestId: waiting()[0] });
    ok('chair', { type: 'question.open', questionId: q2 });
    const mine = Object.values(h.state.requests).find((r) => r.status === 'deferred')!;
    const author = Object.values(h.state.participants).find((p) => p.id === mine.participantId)!.userId!.slice(4);
    const [submitted] = ok(author, { type: 'input.submit', title: 'In writing', text: 'Our statement.', requestId: mine.id });
    ok('ngo1', { type: 'input.submit', title: 'Concept paper', text: 'A paper.', questionId: q2 });
    ok(author, { type: 'input.withdraw', inputId: (submitted as { inputId: string }).inputId });
    ok('del1', { type: 'floor.request', questionId: q2 });

    // A self-select round, run to its deadline, with LiveKit attendance and a report.
    ok('chair', { type: 'breakouts.plan', rooms: [{ theme: 'Finance', capacity: 3, rapporteurId: idOf('dev:ngo1'), questionId: q1 }, { theme: 'Hubs', capacity: 3 }], durationMinutes: 2, mode: 'self-select' });
    const round = () => h.state.breakouts.rounds[h.state.breakouts.order[0]];
    const [finance, hubs] = round().rooms.map((r) => r.id);
    ok('del1', { type: 'breakouts.choose', roundId: round().id, roomId: hubs });
    ok('chair', { type: 'breakouts.assign', roundId: round().id, participantId: idOf('dev:del2'), roomId: finance });
    ok('chair', { type: 'breakouts.start', roundId: round().id });
    ok('chair', { type: 'breakouts.broadcast', roundId: round().id, message: 'Please wrap up your key points.' });
    ok('chair', { type: 'breakouts.extend', roundId: round().id, minutes: 1 });
    h.advance(125);
    ok('system', { type: 'breakouts.warn', roundId: round().id });
    const roomName = round().roomNames[finance];
    ok('system', { type: 'breakouts.recordAttendance', roomName, participantSid: 'PA_del2', identity: idOf('dev:del2'), joinedAt: new Date(Date.parse(h.now) - 100_000).toISOString(), source: 'webhook' });
    ok('system', { type: 'breakouts.closeAttendance', roomName, at: h.now });
    h.advance(60);
    ok('system', { type: 'breakouts.expire', roundId: round().id });
    ok('ngo1', { type: 'breakouts.report', roundId: round().id, roomId: finance, keyPoints: ['Blended finance'], proposals: [], implementation: [{ who: 'Secretariat', what: 'Map the funds', when: '2027' }], openQuestions: [] });
    // A balanced round, assigned automatically, never started.
    ok('chair', { type: 'breakouts.plan', rooms: [{ theme: 'North', capacity: 4 }, { theme: 'South', capacity: 4 }], durationMinutes: 10, mode: 'balanced' });
    const balanced = h.state.breakouts.rounds[h.state.breakouts.order[1]];
    ok('del1', { type: 'breakouts.choose', roundId: balanced.id, preferences: [balanced.rooms[1].id, balanced.rooms[0].id] });
    ok('chair', { type: 'breakouts.autoAssign', roundId: balanced.id, seed: 7 });
    // PART-10: a stakeholder made an observer leaves the speakers list.
    ok('ngo1', { type: 'floor.request', questionId: q2 });
    expect(ok('chair', { type: 'participant.setRole', participantId: idOf('dev:ngo1'), role: 'observer' }).map((e) => e.type)).toEqual(['floor.skipped', 'participant.roleChanged']);
    ok('chair', { type: 'participant.setRole', participantId: idOf('dev:ngo1'), role: 'stakeholder' });

    ok('chair', { type: 'engagement.end' });
    ok('chair', { type: 'note.add', text: 'Afterwards.', visibility: 'public' });

    // The summary cycle: an edit, a review window, a correction and its answer, a published version.
    ok('chair', { type: 'summary.editParagraph', paragraphKey: 'opening:1', text: 'The Chair opened the consultation.' });
    ok('chair', { type: 'summary.circulate', reviewUntil: new Date(Date.parse(h.now) + 86_400_000).toISOString() });
    const [requested] = ok('del1', { type: 'summary.requestCorrection', paragraphKey: 'opening:1', text: 'Please name the co-facilitators.' });
    ok('chair', { type: 'summary.resolveCorrection', correctionId: (requested as { correctionId: string }).correctionId, decision: 'accepted', reply: 'Added.' });
    const content = canonicalJson({ title: 'Informal consultation', version: 1 });
    ok('chair', { type: 'summary.publish', content, contentHash: sha256(content) });

    expect([...h.types].sort()).toEqual(
      [...EXPECTED_TYPES, ...BREAKOUT_EVENT_TYPES, ...SUMMARY_EVENT_TYPES, 'engagement.updated', 'agenda.updated', 'question.updated'].filter((t, i, all) => all.indexOf(t) === i).sort(),
    );
    expect(h.resyncs.get('participant.approved')).toBeGreaterThan(0);
  });
});
