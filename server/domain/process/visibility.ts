import type { Viewer } from '../context.js';
import { assertNever } from '../events.js';
import type { MemberRecord, ProposalRecord, ProposalSourceRecord, StoredProcessEvent } from './events.js';
import { processAccessOf, type ProcessAccess } from './policies.js';
import { emptyProcessState, isProponent, type ConceptPaper, type Member, type ProcessState, type Proposal } from './state.js';

// What each viewer of a process may see (PROCESS-VIEW-1..6). `projectProcess` cuts the state down for a
// viewer; `redactProcessEvent` cuts one event down so that folding it with `evolveProcess` into the viewer's
// projection gives the next projection (PROCESS-VIEW-6). Both follow the same rules; the property test in
// test/domain/process/processRedaction.property.test.ts checks one against the other. A viewer of `null` is
// the portal page, read without signing in.

/** What a process's GET (and later its stream's snapshot) returns: the projection, its version and who I am. */
export interface ProcessView extends ProcessState {
  version: number;
  me: ProcessAccess;
}

const mapValues = <T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));

const filterValues = <T>(record: Record<string, T>, keep: (value: T) => boolean): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => keep(v)));

/** PROCESS-VIEW-4: outside staff and the proponents, a source says only what kind it was and where. */
const sourceForOutsiders = (s: ProposalSourceRecord): ProposalSourceRecord => ({
  kind: s.kind,
  engagementId: s.engagementId,
  requestId: null,
  inputId: null,
  roundId: null,
  roomId: null,
  text: null,
});

/** PROCESS-VIEW-3 / PROPOSAL-8: outside the staff, a proponent is named only with its consent (or to itself). */
function recordAsSeen<T extends ProposalRecord>(proposal: T, me: ProcessAccess): T {
  const own = isProponent(proposal as unknown as Proposal, me.memberId);
  return {
    ...proposal,
    source: own ? proposal.source : sourceForOutsiders(proposal.source),
    proponents: proposal.proponents.filter((p) => p.named || p.memberId === me.memberId),
  };
}

const proposalAsSeen = (proposal: Proposal, me: ProcessAccess): Proposal => ({
  ...recordAsSeen(proposal, me),
  history: proposal.history.map((h) => ({ ...h, byMemberId: null })),
});

/** PROCESS-VIEW-5: a paper is published, or (PROCESS-VIEW-2) the viewer is one of its proposal's proponents. */
function seesPaper(state: ProcessState, paper: ConceptPaper, me: ProcessAccess): boolean {
  if (me.audience === 'staff') return true;
  if (paper.publishedVersion !== null) return true;
  return me.audience === 'participant' && isProponent(state.proposals[paper.proposalId], me.memberId);
}

function paperAsSeen(state: ProcessState, paper: ConceptPaper, me: ProcessAccess): ConceptPaper {
  const own = me.audience === 'participant' && isProponent(state.proposals[paper.proposalId], me.memberId);
  const versions = own ? paper.versions : paper.versions.filter((v) => v.version <= (paper.publishedVersion ?? 0));
  return { ...paper, versions: versions.map((v) => ({ ...v, byMemberId: null })) };
}

/** The portal shows a proposal once one of its concept papers is published (PROCESS-VIEW-5). */
const onPortal = (state: ProcessState, proposalId: string): boolean =>
  Object.values(state.papers).some((p) => p.proposalId === proposalId && p.publishedVersion !== null);

function memberAsSeen(member: Member, me: ProcessAccess): Member {
  if (member.id === me.memberId) return member;
  const { userId: _userId, ...rest } = member;
  return rest;
}

export function projectProcess(state: ProcessState, viewer: Viewer | null): ProcessState {
  const me = processAccessOf(state, viewer);
  // PROCESS-VIEW-1: staff see everything.
  if (me.audience === 'staff') return state;
  const papers = mapValues(
    filterValues(state.papers, (p) => seesPaper(state, p, me)),
    (p) => paperAsSeen(state, p, me),
  );
  const base: ProcessState = {
    ...emptyProcessState(),
    id: state.id,
    createdAt: state.createdAt,
    settings: state.settings,
    engagements: state.engagements,
  };
  if (me.audience === 'portal') {
    // PROCESS-VIEW-5: the portal lists published papers and their proposals, nothing about people or feedback.
    return {
      ...base,
      papers,
      proposals: mapValues(
        filterValues(state.proposals, (p) => onPortal(state, p.id)),
        (p) => proposalAsSeen(p, me),
      ),
    };
  }
  return {
    ...base,
    // PROCESS-VIEW-2: participants see the members, nobody's sign-in id but their own.
    members: mapValues(state.members, (m) => memberAsSeen(m, me)),
    proposals: mapValues(state.proposals, (p) => proposalAsSeen(p, me)),
    // PROCESS-VIEW-2: questions and answers stay between staff and the proposal's proponents.
    questions: mapValues(
      filterValues(state.questions, (q) => isProponent(state.proposals[q.proposalId], me.memberId)),
      (q) => ({ ...q, askedBy: null, answeredBy: null }),
    ),
    papers,
    // FEEDBACK-3: on a paper one sees; a hidden comment only to staff and its author.
    feedback: filterValues(state.feedback, (f) => papers[f.paperId] !== undefined && (!f.hidden || f.authorId === me.memberId)),
  };
}

export function processViewFor(state: ProcessState, version: number, viewer: Viewer | null): ProcessView {
  return { ...projectProcess(state, viewer), version, me: processAccessOf(state, viewer) };
}

const sameAccess = (a: ProcessAccess, b: ProcessAccess): boolean =>
  a.audience === b.audience && a.memberId === b.memberId && a.role === b.role;

function withoutUserId(member: MemberRecord): MemberRecord {
  const { userId: _userId, ...rest } = member;
  return rest;
}

/**
 * One committed process event as this viewer may see it: the event (possibly with fields removed), `null`
 * (not visible; the version still advances) or `'resync'` (what the viewer may see changed shape: send a
 * snapshot). Invariant (PROCESS-VIEW-6): folding the results with `evolveProcess` from `projectProcess(before)`
 * gives `projectProcess(after)`.
 */
export function redactProcessEvent(
  event: StoredProcessEvent,
  before: ProcessState,
  after: ProcessState,
  viewer: Viewer | null,
): StoredProcessEvent | null | 'resync' {
  const me = processAccessOf(after, viewer);
  if (!sameAccess(processAccessOf(before, viewer), me)) return 'resync';
  if (me.audience === 'staff') return event;
  const portal = me.audience === 'portal';
  const ownProposal = (proposalId: string) => !portal && isProponent(after.proposals[proposalId], me.memberId);
  switch (event.type) {
    case 'process.created':
      return 'resync';
    case 'process.updated':
    case 'process.engagementLinked':
    case 'process.engagementUnlinked':
      return event;
    case 'process.memberAdded':
      return portal ? null : { ...event, member: withoutUserId(event.member) };
    case 'process.memberRoleChanged':
    case 'process.memberRemoved':
      return portal ? null : event;
    case 'proposal.putForward':
      return portal ? null : { ...event, proposal: recordAsSeen(event.proposal, me), byMemberId: null };
    case 'proposal.updated':
    case 'proposal.statusChanged':
    case 'proposal.merged':
    case 'proposal.withdrawn':
      return portal && !onPortal(after, event.proposalId) ? null : { ...event, byMemberId: null };
    case 'proposal.proponentAdded':
      // The new proponent now sees the proposal's questions, papers and source: a snapshot.
      if (event.proponent.memberId === me.memberId) return 'resync';
      return null;
    case 'proposal.consentSet':
      if (event.memberId === me.memberId) return event;
      return portal && !onPortal(after, event.proposalId) ? null : 'resync';
    case 'proposal.questionAsked':
    case 'proposal.questionAnswered':
      return ownProposal(event.proposalId) ? { ...event, byMemberId: null } : null;
    case 'paper.submitted':
    case 'paper.revised':
      return ownProposal(event.proposalId) ? { ...event, paperVersion: { ...event.paperVersion, byMemberId: null } } : null;
    case 'paper.published':
    case 'paper.unpublished':
      return ownProposal(event.proposalId) ? { ...event, byMemberId: null } : 'resync';
    case 'feedback.posted':
      return !portal && seesPaper(after, after.papers[event.paperId], me) ? event : null;
    case 'feedback.hidden':
    case 'feedback.shown':
      if (portal || !seesPaper(after, after.papers[event.paperId], me)) return null;
      return after.feedback[event.feedbackId]?.authorId === me.memberId ? { ...event, byMemberId: null } : 'resync';
    default:
      return assertNever(event);
  }
}
