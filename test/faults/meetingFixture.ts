// An engagement built through the public API only (POST /engagements, /invitations, /auth/invitation,
// /commands), with one person of every role, for the fault suite: a chair (the creator), a secretariat,
// a delegation, a stakeholder and an observer (by invitation), a signed-in non-member, and, once the
// engagement is open, an applicant whose registration is pending, an open question with floor requests
// and written inputs of every author.
import type { ApiClient, TestApp } from '../support/createTestApp.js';

export const ROLES = ['chair', 'secretariat', 'delegation', 'stakeholder', 'observer'] as const;
export type Role = (typeof ROLES)[number];
/** Who sends a command: a role, or someone signed in who is not a participant. */
export const ACTORS = [...ROLES, 'non-member'] as const;
export type ActorName = (typeof ACTORS)[number];

export type Stage = 'draft' | 'open' | 'live';

export interface Meeting {
  id: string;
  api: Record<ActorName | 'applicant', ApiClient>;
  /** The bearer tokens behind `api` (for streams). */
  tokens: Record<ActorName | 'applicant', string>;
  participantIds: Record<Role | 'applicant', string>;
  /** q1 (open once the engagement is open), q2 (draft). */
  questionIds: [string, string];
  /** a1 linked to q1, a2 "other" (never begun). */
  agendaItemIds: [string, string];
  /** Waiting requests on q1 (open and live stages). */
  requestIds: { stakeholder: string; delegation: string };
  /** One written input per author role, on no question so that q2 stays removable (open and live stages). */
  inputIds: Partial<Record<Role, string>>;
}

const PROFILES: Record<Exclude<Role, 'chair'>, { organization: string; category: string }> = {
  secretariat: { organization: 'Secretariat of the Working Group', category: 'intergovernmental' },
  delegation: { organization: 'Permanent Mission of Ghana', category: 'member-state' },
  stakeholder: { organization: 'Cyber Peace Network', category: 'ngo' },
  observer: { organization: 'University of Geneva', category: 'academia' },
};

async function ok(label: string, promise: Promise<{ status: number; text: string; body: any }>): Promise<any> {
  const res = await promise;
  if (res.status >= 300) throw new Error(`fixture step ${label} → ${res.status} ${res.text}`);
  return res.body;
}

const eventOf = (body: any, type: string): any => {
  const event = (body.events as any[]).find((e) => e.type === type);
  if (!event) throw new Error(`expected a ${type} event in ${JSON.stringify(body)}`);
  return event;
};

let counter = 0;

/** Builds a meeting at `stage`; every step is a real HTTP call that must succeed. */
export async function buildMeeting(app: TestApp, stage: Stage): Promise<Meeting> {
  const n = (counter += 1);
  const tokens = { chair: await app.signIn(`Chair ${n}`) } as Record<ActorName | 'applicant', string>;
  const chair = app.api(tokens.chair);
  const created = await ok(
    'create',
    chair.post('/api/engagements', { title: `Fault drill ${n}`, speakingSeconds: 120, plannedMinutes: 90 }),
  );
  const id: string = created.id;
  const run = (label: string, client: ApiClient, body: Record<string, unknown>) => ok(label, client.command(id, body));

  const q1 = eventOf(
    await run('q1', chair, { type: 'question.add', text: 'What should capacity-building prioritise?', plannedMinutes: 20 }),
    'question.added',
  ).question.id;
  const q2 = eventOf(await run('q2', chair, { type: 'question.add', text: 'How can the private sector contribute?' }), 'question.added')
    .question.id;
  const a1 = eventOf(await run('a1', chair, { type: 'agenda.add', kind: 'question', questionId: q1, plannedMinutes: 20 }), 'agenda.added')
    .item.id;
  const a2 = eventOf(
    await run('a2', chair, { type: 'agenda.add', kind: 'other', title: 'Any other business', plannedMinutes: 10 }),
    'agenda.added',
  ).item.id;

  const api = { chair } as Record<ActorName | 'applicant', ApiClient>;
  const participantIds = {} as Record<Role | 'applicant', string>;
  participantIds.chair = (await ok('chair view', chair.get(`/api/engagements/${id}`))).me.participantId;
  for (const role of ['secretariat', 'delegation', 'stakeholder', 'observer'] as const) {
    const invitation = await ok(
      `invite ${role}`,
      chair.post(`/api/engagements/${id}/invitations`, { role, displayName: `${role} ${n}`, ...PROFILES[role] }),
    );
    const redeemed = await ok(`redeem ${role}`, app.api().post('/api/auth/invitation', { code: invitation.code }));
    tokens[role] = redeemed.token;
    api[role] = app.api(redeemed.token);
    participantIds[role] = (await ok(`${role} view`, api[role].get(`/api/engagements/${id}`))).me.participantId;
  }
  tokens['non-member'] = await app.signIn(`Passer-by ${n}`);
  tokens.applicant = await app.signIn(`Applicant ${n}`);
  api['non-member'] = app.api(tokens['non-member']);
  api.applicant = app.api(tokens.applicant);

  const meeting: Meeting = {
    id,
    api,
    tokens,
    participantIds,
    questionIds: [q1, q2],
    agendaItemIds: [a1, a2],
    requestIds: { stakeholder: '', delegation: '' },
    inputIds: {},
  };
  if (stage === 'draft') return meeting;

  await run('open', chair, { type: 'engagement.open' });
  participantIds.applicant = eventOf(
    await run('register', api.applicant, {
      type: 'participant.register',
      organization: 'Digital Rights Watch',
      category: 'ngo',
      accreditation: 'non-objection',
    }),
    'participant.registered',
  ).participant.id;
  if (stage === 'live') await run('start', chair, { type: 'engagement.start' });
  await run('open q1', chair, { type: 'question.open', questionId: q1 });
  for (const role of ['stakeholder', 'delegation'] as const) {
    meeting.requestIds[role] = eventOf(
      await run(`request ${role}`, api[role], { type: 'floor.request', questionId: q1, note: `from the ${role}` }),
      'floor.requested',
    ).requestId;
  }
  for (const role of ['chair', 'secretariat', 'delegation', 'stakeholder'] as const) {
    meeting.inputIds[role] = eventOf(
      await run(`input ${role}`, api[role], {
        type: 'input.submit',
        title: `Statement of the ${role}`,
        text: 'We support a needs-based approach.',
      }),
      'input.submitted',
    ).inputId;
  }
  return meeting;
}

/** The engagement's version as the chair sees it. */
export async function versionOf(meeting: Meeting): Promise<number> {
  return (await ok('version', meeting.api.chair.get(`/api/engagements/${meeting.id}`))).version;
}
