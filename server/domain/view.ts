import { isBreakoutEvent, projectBreakouts, redactBreakoutEvent } from './breakouts/index.js';
import { isSummaryEvent, projectSummaryReview, redactSummaryEvent } from './summaryReview/index.js';
import { isFloorEvent } from './floor/index.js';
import type { Audience, DomainLimits, Membership, Viewer } from './context.js';
import { assertNever, type ParticipantRecord, type StoredEvent } from './events.js';
import { inputQuotaOf, inputsLeft } from './input/index.js';
import { participantOfUser } from './participant/index.js';
import { emptyState, type EngagementState, type Invitation, type Participant } from './state.js';
import { isStaffRole } from './vocabulary.js';

// What each viewer may see (VIEW-1..9). `project` cuts the state down for a viewer; `redact` cuts one
// event down so that folding it with `evolve` into the viewer's projection gives the next projection
// (VIEW-9). Both follow the same rules, so when one changes, the property test in
// test/domain/redaction.property.test.ts checks the other.

/** What the GET and the stream's snapshot return: the projected state, its version and who I am. */
export interface EngagementView extends EngagementState {
  version: number;
  me: Standing;
}

/** Who I am here, and what I may still add (LIMIT-3: null when no quota applies to me). */
export interface Standing extends Membership {
  inputQuota: number | null;
  inputsLeft: number | null;
}

export function standingOf(state: EngagementState, viewer: Viewer, limits?: DomainLimits): Standing {
  const me = membershipOf(state, viewer);
  const own = me.participantId ? state.participants[me.participantId] : undefined;
  const inputQuota = own && me.status === 'approved' ? inputQuotaOf(own, limits) : null;
  return { ...me, inputQuota, inputsLeft: own ? inputsLeft(state, own.id, inputQuota) : null };
}

export function membershipOf(state: EngagementState, viewer: Viewer): Membership {
  const p = participantOfUser(state.participants, viewer.userId);
  if (!p) return { participantId: null, role: null, status: null, audience: 'public' };
  const audience: Audience =
    p.status !== 'approved' ? 'applicant' : isStaffRole(p.role) ? 'staff' : p.role === 'delegation' ? 'delegation' : 'member';
  return { participantId: p.id, role: p.role, status: p.status, audience };
}

/** VIEW-7: the code's hash never leaves the server, not even to staff. */
function withoutHash(invitation: Invitation): Invitation {
  const { codeHash: _hash, ...rest } = invitation;
  return rest;
}

/** VIEW-3: others never see someone's sign-in id or the reason their registration was declined. */
function asSeenByOthers(p: Participant): Participant {
  const { userId: _userId, ...rest } = p;
  return { ...rest, declineReason: null };
}

const mapValues = <T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));

/** Those who take part (approved delegations, stakeholders, observers) see the people and the floor. */
const seesPeople = (audience: Audience): boolean => audience === 'delegation' || audience === 'member';

/** The state as this viewer may see it (VIEW rules). Same shape as the state, hidden parts removed. */
export function project(state: EngagementState, viewer: Viewer): EngagementState {
  const me = membershipOf(state, viewer);
  // VIEW-1: staff see everything but the invitation codes' hashes.
  if (me.audience === 'staff') {
    return {
      ...state,
      invitations: mapValues(state.invitations, withoutHash),
      summaryReview: projectSummaryReview(state.summaryReview, me),
    };
  }

  const own = me.participantId ? state.participants[me.participantId] : undefined;
  // VIEW-2: before the engagement opens, others see only what it is and their own record.
  const base: EngagementState = {
    ...emptyState(),
    id: state.id,
    createdAt: state.createdAt,
    status: state.status,
    settings: state.settings,
    participants: own ? { [own.id]: own } : {},
  };
  if (state.status === 'draft') return base;

  // VIEW-8: once open, anyone signed in sees the agenda and the questions, nothing about people.
  const published: EngagementState = {
    ...base,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    agenda: state.agenda,
    currentAgendaItemId: state.currentAgendaItemId,
    questions: state.questions,
    openQuestionId: state.openQuestionId,
  };
  if (!seesPeople(me.audience)) return { ...published, summaryReview: projectSummaryReview(state.summaryReview, me) };

  // VIEW-3: approved participants and oneself; a delegation also sees every registration (to object).
  const participants: Record<string, Participant> = {};
  for (const p of Object.values(state.participants)) {
    if (p.id === me.participantId) participants[p.id] = p;
    else if (p.status === 'approved' || me.audience === 'delegation') participants[p.id] = asSeenByOthers(p);
  }
  return {
    ...published,
    participants,
    // VIEW-4: an objection is seen by staff and by the delegation that made it.
    objections: me.audience === 'delegation' ? state.objections.filter((o) => o.byParticipantId === me.participantId) : [],
    hardStop: state.hardStop,
    policy: state.policy,
    // VIEW-6: a request's note is for staff and the requester.
    requests: mapValues(state.requests, (r) => (r.participantId === me.participantId ? r : { ...r, note: null })),
    waiting: state.waiting,
    currentRequestId: state.currentRequestId,
    interventions: state.interventions,
    // VIEW-5: secretariat notes stay with staff.
    notes: state.notes.filter((n) => n.visibility === 'public'),
    // VIEW-6: written inputs are shared with those who take part.
    inputs: state.inputs,
    lastReplan: state.lastReplan,
    // BREAKOUT-VIEW-n: rounds and rooms for those who take part; preferences for staff and oneself.
    breakouts: projectBreakouts(state.breakouts, me),
    summaryReview: projectSummaryReview(state.summaryReview, me),
  };
}

export function viewFor(state: EngagementState, version: number, viewer: Viewer, limits?: DomainLimits): EngagementView {
  return { ...project(state, viewer), version, me: standingOf(state, viewer, limits) };
}

const sameMembership = (a: Membership, b: Membership): boolean =>
  a.audience === b.audience && a.participantId === b.participantId && a.role === b.role && a.status === b.status;

function recordWithoutUserId(p: ParticipantRecord): ParticipantRecord {
  const { userId: _userId, ...rest } = p;
  return rest;
}

/**
 * One committed event as this viewer may see it: the event (possibly with fields removed), `null` when
 * the viewer may not see it at all (the version still advances), or `'resync'` when what the viewer may
 * see changed shape (their own approval, role change, the engagement opening): send a snapshot instead.
 * Invariant (VIEW-9): folding `redact` results with `evolve` from `project(before)` gives `project(after)`.
 */
export function redact(event: StoredEvent, before: EngagementState, after: EngagementState, viewer: Viewer): StoredEvent | null | 'resync' {
  const me = membershipOf(after, viewer);
  // VIEW-9: the viewer's own standing changed, so everything they may see may have changed.
  if (!sameMembership(membershipOf(before, viewer), me)) return 'resync';
  // SUMMARY-VIEW-1..5, for every audience (staff included: no view carries a version's content).
  if (isSummaryEvent(event)) return redactSummaryEvent(event, before.summaryReview, me);
  if (me.audience === 'staff') {
    if (event.type !== 'invitation.created') return event;
    const { codeHash: _hash, ...rest } = event;
    return rest as StoredEvent;
  }
  // Creation and opening reveal a different shape of state to non-staff (VIEW-2).
  if (event.type === 'engagement.created' || event.type === 'engagement.opened') return 'resync';
  if (after.status === 'draft') return event.type === 'engagement.updated' ? event : null;

  const people = seesPeople(me.audience);
  if (isBreakoutEvent(event)) return people ? redactBreakoutEvent(event, me) : null;
  // VIEW-6: the floor and the clock are for those who see people; a request's note only for the requester.
  if (isFloorEvent(event)) {
    if (!people) return null;
    return event.type === 'floor.requested' && event.participantId !== me.participantId ? { ...event, note: null } : event;
  }
  switch (event.type) {
    case 'engagement.updated':
    case 'engagement.started':
    case 'engagement.ended':
    case 'agenda.added':
    case 'agenda.updated':
    case 'agenda.removed':
    case 'agenda.moved':
    case 'agenda.begun':
    case 'question.added':
    case 'question.updated':
    case 'question.removed':
    case 'question.moved':
    case 'question.opened':
    case 'question.closed':
      return event;
    case 'participant.registered':
      return me.audience === 'delegation' ? { ...event, participant: recordWithoutUserId(event.participant) } : null;
    case 'participant.approved':
      return people ? event : null;
    case 'participant.declined':
      return me.audience === 'delegation' ? { ...event, reason: null } : null;
    case 'participant.roleChanged':
      if (me.audience === 'delegation') return event;
      return people && after.participants[event.participantId]?.status === 'approved' ? event : null;
    case 'participant.objected':
      return me.audience === 'delegation' && event.byParticipantId === me.participantId ? event : null;
    case 'invitation.created':
    case 'invitation.revoked':
      return null;
    case 'invitation.redeemed':
      return people ? { ...event, participant: recordWithoutUserId(event.participant) } : null;
    case 'input.submitted':
    case 'input.withdrawn':
      return people ? event : null;
    case 'note.added':
      return people && event.visibility === 'public' ? event : null;
    default:
      return assertNever(event);
  }
}
