import { emptyState, type EngagementState, type Participant } from '../../../server/domain/state.js';

// A small engagement, fixed to the second, for the Markdown golden file: two questions, one of each
// request outcome, a public note naming its speaker, a secretariat note, a proposal and a deferred
// speaker who answered in writing.

const participant = (p: Pick<Participant, 'id' | 'displayName' | 'organization' | 'category' | 'region' | 'role'>): Participant => ({
  country: p.role === 'delegation' ? p.organization : null,
  accreditation: p.role === 'stakeholder' ? 'ecosoc' : null,
  status: 'approved',
  registeredAt: '2026-11-20T10:00:00.000Z',
  decidedAt: '2026-11-21T10:00:00.000Z',
  invitationId: null,
  ...p,
});

export function smallEngagement(): EngagementState {
  const s = emptyState();
  s.id = 'eng-small';
  s.createdAt = '2026-11-15T09:00:00.000Z';
  s.status = 'ended';
  s.settings = {
    title: 'Stakeholder consultation on capacity-building',
    theme: 'Capacity-building',
    description: null,
    scheduledStart: '2026-12-02T14:00:00.000Z',
    plannedMinutes: 60,
    speakingSeconds: 180,
    timeZone: 'Europe/Zurich',
  };
  s.startedAt = '2026-12-02T14:02:00.000Z';
  s.endedAt = '2026-12-02T15:05:00.000Z';
  for (const p of [
    participant({
      id: 'chair',
      displayName: 'Ambassador Rahel Tesfaye',
      organization: 'Office of the Chair',
      category: 'other',
      region: null,
      role: 'chair',
    }),
    participant({
      id: 'kenya',
      displayName: 'Amina Okafor',
      organization: 'Kenya',
      category: 'member-state',
      region: 'african',
      role: 'delegation',
    }),
    participant({
      id: 'brazil',
      displayName: 'Carlos Herrera',
      organization: 'Brazil',
      category: 'member-state',
      region: 'grulac',
      role: 'delegation',
    }),
    participant({
      id: 'cpi',
      displayName: 'Sofia Rossi',
      organization: 'Cyber Peace Institute',
      category: 'ngo',
      region: 'weog',
      role: 'stakeholder',
    }),
    participant({
      id: 'uni',
      displayName: 'Kwame Mensah',
      organization: 'University of Accra',
      category: 'academia',
      region: 'african',
      role: 'stakeholder',
    }),
    participant({
      id: 'xss',
      displayName: '<img src=x onerror=alert(1)>',
      organization: 'Open_Net *Lab*',
      category: 'technical-community',
      region: null,
      role: 'stakeholder',
    }),
  ]) {
    s.participants[p.id] = p;
  }
  s.questions = [
    {
      id: 'q1',
      text: 'What capacity-building needs are most urgent?',
      context: null,
      plannedMinutes: 25,
      status: 'closed',
      openedAt: '2026-12-02T14:07:00.000Z',
      closedAt: '2026-12-02T14:35:00.000Z',
    },
    {
      id: 'q2',
      text: 'How should the points of contact directory work?',
      context: null,
      plannedMinutes: 25,
      status: 'closed',
      openedAt: '2026-12-02T14:35:00.000Z',
      closedAt: '2026-12-02T15:00:00.000Z',
    },
  ];
  s.waiting = { q1: [], q2: [] };
  s.agenda = [
    {
      id: 'a1',
      kind: 'opening',
      title: 'Opening',
      plannedMinutes: 5,
      questionId: null,
      startedAt: '2026-12-02T14:02:00.000Z',
      endedAt: '2026-12-02T14:07:00.000Z',
    },
    {
      id: 'a2',
      kind: 'question',
      title: 'Question 1',
      plannedMinutes: 25,
      questionId: 'q1',
      startedAt: '2026-12-02T14:07:00.000Z',
      endedAt: '2026-12-02T14:35:00.000Z',
    },
    {
      id: 'a3',
      kind: 'question',
      title: 'Question 2',
      plannedMinutes: 25,
      questionId: 'q2',
      startedAt: '2026-12-02T14:35:00.000Z',
      endedAt: '2026-12-02T15:00:00.000Z',
    },
    {
      id: 'a4',
      kind: 'closing',
      title: 'Closing',
      plannedMinutes: 5,
      questionId: null,
      startedAt: '2026-12-02T15:00:00.000Z',
      endedAt: null,
    },
  ];
  s.currentAgendaItemId = 'a4';
  const req = (
    id: string,
    questionId: string,
    participantId: string,
    requestedAt: string,
    status: EngagementState['requests'][string]['status'],
  ) => {
    s.requests[id] = {
      id,
      questionId,
      participantId,
      note: 'private to the Chair',
      requestedAt,
      status,
      allowanceSeconds: 180,
      skipReason: null,
      deferredAt: null,
      deferralReason: null,
      fulfilledByInputId: null,
    };
    return s.requests[id];
  };
  const heard = (id: string, startedAt: string, spokeSeconds: number, extendedSeconds = 0) => {
    const r = s.requests[id];
    s.interventions[id] = {
      requestId: id,
      questionId: r.questionId,
      participantId: r.participantId,
      allowanceSeconds: 180,
      startedAt,
      deadline: new Date(Date.parse(startedAt) + (180 + extendedSeconds) * 1000).toISOString(),
      pausedAt: null,
      pausedSeconds: 0,
      extendedSeconds,
      overranAt: null,
      endedAt: new Date(Date.parse(startedAt) + spokeSeconds * 1000).toISOString(),
      spokeSeconds,
      overrunSeconds: Math.max(0, spokeSeconds - 180 - extendedSeconds),
    };
  };
  req('r1', 'q1', 'kenya', '2026-12-02T14:07:10.000Z', 'heard');
  heard('r1', '2026-12-02T14:08:00.000Z', 175);
  req('r2', 'q1', 'cpi', '2026-12-02T14:07:40.000Z', 'heard');
  heard('r2', '2026-12-02T14:11:05.000Z', 230, 30);
  req('r3', 'q1', 'xss', '2026-12-02T14:08:30.000Z', 'skipped').skipReason = 'not connected when called';
  req('r4', 'q1', 'uni', '2026-12-02T14:09:00.000Z', 'withdrawn');
  req('r5', 'q2', 'brazil', '2026-12-02T14:35:20.000Z', 'heard');
  heard('r5', '2026-12-02T14:36:00.000Z', 160);
  const deferred = req('r6', 'q2', 'uni', '2026-12-02T14:36:30.000Z', 'deferred');
  deferred.deferralReason = 'replan';
  deferred.deferredAt = '2026-12-02T14:55:00.000Z';
  deferred.fulfilledByInputId = 'w1';
  const notDone = req('r7', 'q2', 'cpi', '2026-12-02T14:37:00.000Z', 'deferred');
  notDone.deferralReason = 'engagement-ended';
  notDone.deferredAt = '2026-12-02T15:00:00.000Z';
  s.notes = [
    {
      id: 'n1',
      requestId: 'r1',
      questionId: null,
      text: 'Kenya stressed that needs assessments should come first.',
      visibility: 'public',
      byParticipantId: 'chair',
      at: '2026-12-02T14:11:00.000Z',
    },
    {
      id: 'n2',
      requestId: 'r2',
      questionId: null,
      text: 'Sofia Rossi (Cyber Peace Institute) called for *sustained* funding_and mentoring.',
      visibility: 'public',
      byParticipantId: 'chair',
      at: '2026-12-02T14:15:00.000Z',
    },
    {
      id: 'n3',
      requestId: 'r2',
      questionId: null,
      text: 'Over time again; remind them of the limit.',
      visibility: 'secretariat',
      byParticipantId: 'chair',
      at: '2026-12-02T14:15:30.000Z',
    },
    {
      id: 'n4',
      requestId: null,
      questionId: 'q1',
      text: 'Proposal: a voluntary needs-and-offers portal, as Brazil suggested.',
      visibility: 'public',
      byParticipantId: 'chair',
      at: '2026-12-02T14:34:00.000Z',
    },
    {
      id: 'n5',
      requestId: 'r5',
      questionId: null,
      text: 'A directory must be kept up to date | tested regularly.',
      visibility: 'public',
      byParticipantId: 'chair',
      at: '2026-12-02T14:40:00.000Z',
    },
    {
      id: 'n6',
      requestId: null,
      questionId: null,
      text: 'The Chair thanked the interpreters.',
      visibility: 'public',
      byParticipantId: 'chair',
      at: '2026-12-02T15:02:00.000Z',
    },
  ];
  s.inputs = {
    w1: {
      id: 'w1',
      participantId: 'uni',
      questionId: 'q2',
      title: 'Directory practice in West Africa',
      text: 'Our statement.',
      attachmentIds: ['att-1'],
      requestId: 'r6',
      submittedAt: '2026-12-03T09:00:00.000Z',
      withdrawnAt: null,
    },
    w2: {
      id: 'w2',
      participantId: 'cpi',
      questionId: null,
      title: '=HYPERLINK("http://x")',
      text: 'A concept paper.',
      attachmentIds: [],
      requestId: null,
      submittedAt: '2026-11-30T12:00:00.000Z',
      withdrawnAt: null,
    },
  };
  return s;
}
