import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES, INTERNAL_COMMANDS } from '../../server/domain/commands.js';
import { createTestApp, type TestApp } from '../support/createTestApp.js';
import { ACTORS, buildMeeting, versionOf, type ActorName, type Meeting, type Stage } from './meetingFixture.js';

// AUTH-1 as a generated table: every command a client may send × every role. The expectations are written
// out here FROM docs/api.md's "Commands" table (never computed from server/domain/policies.ts, which would test
// the code against itself). Per command type one engagement is built at the stage where the command is
// valid; the roles docs/api.md forbids go first (403 FORBIDDEN, version unchanged), then the allowed roles: the
// first of them must get 200 (the command really is valid there), the others must not get 403 (a 409 is
// fine: the first one already changed the state, and authorization runs before the rules).
// Where the version-1 table was silent (question.move and invitation.revoke were missing from it; breakouts are
// listed without roles) the row says so and where its expectation comes from.

const STAFF: ActorName[] = ['chair', 'secretariat'];
const SPEAKERS: ActorName[] = ['stakeholder', 'delegation'];
/** docs/api.md: input.* "(the author)"; docs/product.md: observers watch and read, they do not write; non-members are no authors. */
const AUTHORS: ActorName[] = ['chair', 'secretariat', 'delegation', 'stakeholder'];

interface Fixture {
  /** docs/api.md's "who may". */
  allowed: ActorName[];
  stage: Stage;
  /** Commands run (as the chair unless they say otherwise) after the build, to reach the state the command needs. */
  prepare?: (m: Meeting) => Promise<Record<string, string>>;
  command: (m: Meeting, as: ActorName, prepared: Record<string, string>) => Record<string, unknown>;
  /** Why the row is not (only) from docs/api.md's table. */
  note?: string;
}

const chairDoes = async (m: Meeting, ...bodies: Record<string, unknown>[]) => {
  for (const body of bodies) {
    const res = await m.api.chair.command(m.id, body);
    if (res.status !== 200) throw new Error(`prepare ${String(body.type)} → ${res.status} ${res.text}`);
  }
  return {};
};

const HARD_STOP = '2026-11-28T11:00:00.000Z'; // the FakeClock stands at 09:00 UTC

const TABLE: Record<string, Fixture> = {
  'engagement.update': { allowed: STAFF, stage: 'open', command: () => ({ type: 'engagement.update', title: 'A new title' }) },
  'engagement.open': { allowed: STAFF, stage: 'draft', command: () => ({ type: 'engagement.open' }) },
  'engagement.start': { allowed: STAFF, stage: 'open', command: () => ({ type: 'engagement.start' }) },
  'engagement.end': { allowed: STAFF, stage: 'live', command: () => ({ type: 'engagement.end' }) },
  'agenda.add': {
    allowed: STAFF,
    stage: 'open',
    command: () => ({ type: 'agenda.add', kind: 'other', title: 'Coffee break', plannedMinutes: 5 }),
  },
  'agenda.update': {
    allowed: STAFF,
    stage: 'open',
    command: (m) => ({ type: 'agenda.update', itemId: m.agendaItemIds[1], plannedMinutes: 15 }),
  },
  'agenda.remove': { allowed: STAFF, stage: 'open', command: (m) => ({ type: 'agenda.remove', itemId: m.agendaItemIds[1] }) },
  'agenda.move': { allowed: STAFF, stage: 'open', command: (m) => ({ type: 'agenda.move', itemId: m.agendaItemIds[1], position: 0 }) },
  'agenda.begin': { allowed: STAFF, stage: 'live', command: (m) => ({ type: 'agenda.begin', itemId: m.agendaItemIds[1] }) },
  'question.add': { allowed: STAFF, stage: 'open', command: () => ({ type: 'question.add', text: 'What comes next?' }) },
  'question.update': {
    allowed: STAFF,
    stage: 'open',
    command: (m) => ({ type: 'question.update', questionId: m.questionIds[1], text: 'Revised wording' }),
  },
  'question.remove': { allowed: STAFF, stage: 'open', command: (m) => ({ type: 'question.remove', questionId: m.questionIds[1] }) },
  'question.move': {
    allowed: STAFF,
    stage: 'open',
    note: 'not in the version-1 table (code-only verb): staff, like every other question verb',
    command: (m) => ({ type: 'question.move', questionId: m.questionIds[1], position: 0 }),
  },
  'question.open': { allowed: STAFF, stage: 'live', command: (m) => ({ type: 'question.open', questionId: m.questionIds[1] }) },
  'question.close': { allowed: STAFF, stage: 'live', command: (m) => ({ type: 'question.close', questionId: m.questionIds[0] }) },
  // "anyone signed in": the non-member goes first (200); participants are allowed but already registered (409 PART-1).
  'participant.register': {
    allowed: ['non-member', 'chair', 'secretariat', 'delegation', 'stakeholder', 'observer'],
    stage: 'open',
    command: () => ({ type: 'participant.register', organization: 'Internet Society', category: 'technical-community' }),
  },
  'participant.approve': {
    allowed: STAFF,
    stage: 'open',
    command: (m) => ({ type: 'participant.approve', participantId: m.participantIds.applicant }),
  },
  'participant.decline': {
    allowed: STAFF,
    stage: 'open',
    command: (m) => ({ type: 'participant.decline', participantId: m.participantIds.applicant }),
  },
  'participant.setRole': {
    allowed: STAFF,
    stage: 'open',
    command: (m) => ({ type: 'participant.setRole', participantId: m.participantIds.observer, role: 'stakeholder' }),
  },
  'participant.object': {
    allowed: ['delegation'],
    stage: 'open',
    command: (m) => ({ type: 'participant.object', participantId: m.participantIds.applicant, reason: 'Not known to our mission.' }),
  },
  'invitation.revoke': {
    allowed: STAFF,
    stage: 'open',
    note: 'not in the version-1 table (invitations are "chair or secretariat")',
    prepare: async (m) => {
      const res = await m.api.chair.post(`/api/engagements/${m.id}/invitations`, { role: 'observer' });
      if (res.status !== 201) throw new Error(`prepare invitation → ${res.status} ${res.text}`);
      return { invitationId: res.body.invitationId };
    },
    command: (_m, _as, p) => ({ type: 'invitation.revoke', invitationId: p.invitationId }),
  },
  // "approved stakeholders and delegations, for themselves": each withdraws their request first, so that asking is valid again.
  'floor.request': {
    allowed: SPEAKERS,
    stage: 'live',
    prepare: async (m) => {
      for (const who of ['stakeholder', 'delegation'] as const) {
        const res = await m.api[who].command(m.id, { type: 'floor.withdraw', requestId: m.requestIds[who] });
        if (res.status !== 200) throw new Error(`prepare withdraw → ${res.status} ${res.text}`);
      }
      return {};
    },
    command: (m) => ({ type: 'floor.request', questionId: m.questionIds[0], note: 'On capacity-building' }),
  },
  'floor.withdraw': {
    allowed: SPEAKERS,
    stage: 'live',
    command: (m, as) => ({ type: 'floor.withdraw', requestId: as === 'delegation' ? m.requestIds.delegation : m.requestIds.stakeholder }),
  },
  'floor.give': { allowed: STAFF, stage: 'live', command: () => ({ type: 'floor.give' }) },
  'floor.pause': {
    allowed: STAFF,
    stage: 'live',
    prepare: (m) => chairDoes(m, { type: 'floor.give' }),
    command: () => ({ type: 'floor.pause' }),
  },
  'floor.resume': {
    allowed: STAFF,
    stage: 'live',
    prepare: (m) => chairDoes(m, { type: 'floor.give' }, { type: 'floor.pause' }),
    command: () => ({ type: 'floor.resume' }),
  },
  'floor.extend': {
    allowed: STAFF,
    stage: 'live',
    prepare: (m) => chairDoes(m, { type: 'floor.give' }),
    command: () => ({ type: 'floor.extend', seconds: 30 }),
  },
  'floor.end': {
    allowed: STAFF,
    stage: 'live',
    prepare: (m) => chairDoes(m, { type: 'floor.give' }),
    command: () => ({ type: 'floor.end' }),
  },
  'floor.skip': {
    allowed: STAFF,
    stage: 'live',
    command: (m) => ({ type: 'floor.skip', requestId: m.requestIds.stakeholder, reason: 'Left the meeting' }),
  },
  'floor.move': {
    allowed: STAFF,
    stage: 'live',
    command: (m) => ({ type: 'floor.move', requestId: m.requestIds.delegation, position: 0 }),
  },
  'floor.defer': { allowed: STAFF, stage: 'live', command: (m) => ({ type: 'floor.defer', requestId: m.requestIds.stakeholder }) },
  'floor.policy': { allowed: STAFF, stage: 'live', command: () => ({ type: 'floor.policy', order: 'alternate' }) },
  'time.setHardStop': { allowed: STAFF, stage: 'live', command: () => ({ type: 'time.setHardStop', at: HARD_STOP }) },
  'time.replan': {
    allowed: STAFF,
    stage: 'live',
    prepare: (m) => chairDoes(m, { type: 'time.setHardStop', at: HARD_STOP }),
    command: () => ({ type: 'time.replan', strategy: 'shorten' }),
  },
  'note.add': {
    allowed: STAFF,
    stage: 'live',
    command: (m) => ({ type: 'note.add', questionId: m.questionIds[0], text: 'Several asked for regional hubs.', visibility: 'public' }),
  },
  'input.submit': {
    allowed: AUTHORS,
    stage: 'live',
    command: () => ({ type: 'input.submit', title: 'Concept note', text: 'A needs-based approach.' }),
  },
  // "the author": each allowed role withdraws its own input; the others are offered the stakeholder's.
  'input.withdraw': {
    allowed: AUTHORS,
    stage: 'live',
    command: (m, as) => ({ type: 'input.withdraw', inputId: m.inputIds[as as keyof Meeting['inputIds']] ?? m.inputIds.stakeholder }),
  },
};

// ---- breakouts: the version-1 table listed the verbs but not who may send them; the rows follow SPEC.md's
// AUTH paragraph (plan..end: staff; choose: approved stakeholders, delegations and observers; report:
// everyone but observers, the room's rapporteur or staff).
const CHOOSERS: ActorName[] = ['stakeholder', 'delegation', 'observer'];
const REPORTERS: ActorName[] = ['chair', 'secretariat', 'stakeholder', 'delegation'];
const BREAKOUTS_NOTE = 'the version-1 table named no roles for breakouts; expectations from SPEC.md';

/** Plans a two-room round as the chair; with rapporteurs, the stakeholder reports for room 1 and the delegation for room 2. */
async function planRound(
  m: Meeting,
  mode: 'self-select' | 'manual' | 'balanced',
  options: { rapporteurs?: boolean; start?: boolean } = {},
) {
  const rooms = [
    { theme: 'Capacity-building', capacity: 10, ...(options.rapporteurs ? { rapporteurId: m.participantIds.stakeholder } : {}) },
    { theme: 'Financing', capacity: 10, ...(options.rapporteurs ? { rapporteurId: m.participantIds.delegation } : {}) },
  ];
  const planned = await m.api.chair.command(m.id, { type: 'breakouts.plan', rooms, durationMinutes: 20, mode });
  if (planned.status !== 200) throw new Error(`prepare breakouts.plan → ${planned.status} ${planned.text}`);
  const event = (planned.body.events as any[]).find((e) => e.type === 'breakouts.planned');
  const prepared = { roundId: event.roundId as string, room1: event.rooms[0].id as string, room2: event.rooms[1].id as string };
  if (options.start) await chairDoes(m, { type: 'breakouts.start', roundId: prepared.roundId });
  return prepared;
}

Object.assign(TABLE, {
  'breakouts.plan': {
    allowed: STAFF,
    stage: 'open',
    note: BREAKOUTS_NOTE,
    command: () => ({
      type: 'breakouts.plan',
      rooms: [
        { theme: 'Capacity-building', capacity: 10 },
        { theme: 'Financing', capacity: 10 },
      ],
      durationMinutes: 20,
      mode: 'self-select',
    }),
  },
  'breakouts.choose': {
    allowed: CHOOSERS,
    stage: 'open',
    note: BREAKOUTS_NOTE,
    prepare: (m) => planRound(m, 'self-select'),
    command: (_m, _as, p) => ({ type: 'breakouts.choose', roundId: p.roundId, roomId: p.room1 }),
  },
  'breakouts.assign': {
    allowed: STAFF,
    stage: 'open',
    note: BREAKOUTS_NOTE,
    prepare: (m) => planRound(m, 'manual'),
    command: (m, _as, p) => ({
      type: 'breakouts.assign',
      roundId: p.roundId,
      participantId: m.participantIds.stakeholder,
      roomId: p.room1,
    }),
  },
  'breakouts.autoAssign': {
    allowed: STAFF,
    stage: 'open',
    note: BREAKOUTS_NOTE,
    prepare: (m) => planRound(m, 'balanced'),
    command: (_m, _as, p) => ({ type: 'breakouts.autoAssign', roundId: p.roundId, seed: 42 }),
  },
  'breakouts.start': {
    allowed: STAFF,
    stage: 'live',
    note: BREAKOUTS_NOTE,
    prepare: (m) => planRound(m, 'self-select'),
    command: (_m, _as, p) => ({ type: 'breakouts.start', roundId: p.roundId }),
  },
  'breakouts.broadcast': {
    allowed: STAFF,
    stage: 'live',
    note: BREAKOUTS_NOTE,
    prepare: (m) => planRound(m, 'self-select', { start: true }),
    command: (_m, _as, p) => ({ type: 'breakouts.broadcast', roundId: p.roundId, message: 'Five minutes left in the rooms.' }),
  },
  'breakouts.extend': {
    allowed: STAFF,
    stage: 'live',
    note: BREAKOUTS_NOTE,
    prepare: (m) => planRound(m, 'self-select', { start: true }),
    command: (_m, _as, p) => ({ type: 'breakouts.extend', roundId: p.roundId, minutes: 5 }),
  },
  'breakouts.end': {
    allowed: STAFF,
    stage: 'live',
    note: BREAKOUTS_NOTE,
    prepare: (m) => planRound(m, 'self-select', { start: true }),
    command: (_m, _as, p) => ({ type: 'breakouts.end', roundId: p.roundId }),
  },
  'breakouts.report': {
    allowed: REPORTERS,
    stage: 'live',
    note: `${BREAKOUTS_NOTE}; each speaker reports for the room they are rapporteur of`,
    prepare: (m) => planRound(m, 'self-select', { rapporteurs: true, start: true }),
    command: (_m, as, p) => ({
      type: 'breakouts.report',
      roundId: p.roundId,
      roomId: as === 'delegation' ? p.room2 : p.room1,
      keyPoints: ['Regional hubs were asked for.'],
      proposals: [],
      implementation: [],
      openQuestions: [],
    }),
  },
} satisfies Record<string, Fixture>);

// ---- the Chair's summary: the version-1 table listed the verbs without roles; the rows follow SPEC.md
// (SUMMARY-1..7): staff edit, circulate and resolve; delegations and the stakeholders who spoke ask for
// corrections. `summary.publish` is internal (its own endpoint), so it has no row.
const SUMMARY_NOTE = 'the version-1 table named no roles for the summary; expectations from SPEC.md';
const REVIEW_UNTIL = '2026-11-28T18:00:00.000Z';

/** The stakeholder speaks (so it may review), the engagement ends and the draft is circulated. */
async function circulated(m: Meeting) {
  await chairDoes(
    m,
    { type: 'floor.give', requestId: m.requestIds.stakeholder },
    { type: 'floor.end' },
    { type: 'engagement.end' },
    { type: 'summary.circulate', reviewUntil: REVIEW_UNTIL },
  );
  return {};
}

Object.assign(TABLE, {
  'summary.editParagraph': {
    allowed: STAFF,
    stage: 'live',
    note: SUMMARY_NOTE,
    command: (_m, as) => ({ type: 'summary.editParagraph', paragraphKey: 'opening:1', text: `The opening, as revised by the ${as}.` }),
  },
  'summary.circulate': {
    allowed: STAFF,
    stage: 'live',
    note: SUMMARY_NOTE,
    prepare: (m) => chairDoes(m, { type: 'engagement.end' }),
    command: () => ({ type: 'summary.circulate', reviewUntil: REVIEW_UNTIL }),
  },
  'summary.requestCorrection': {
    allowed: ['delegation', 'stakeholder'],
    stage: 'live',
    note: SUMMARY_NOTE,
    prepare: circulated,
    // A delegation comments on a paragraph; a stakeholder on its own entry in the speakers list (SUMMARY-6).
    command: (m, as) =>
      as === 'stakeholder'
        ? {
            type: 'summary.requestCorrection',
            requestId: m.requestIds.stakeholder,
            text: 'My intervention lasted three minutes, not five.',
          }
        : { type: 'summary.requestCorrection', paragraphKey: 'opening:1', text: 'Please say the meeting was informal.' },
  },
  'summary.resolveCorrection': {
    allowed: STAFF,
    stage: 'live',
    note: SUMMARY_NOTE,
    prepare: async (m) => {
      await circulated(m);
      const asked = await m.api.delegation.command(m.id, {
        type: 'summary.requestCorrection',
        paragraphKey: 'opening:1',
        text: 'Please say the meeting was informal.',
      });
      if (asked.status !== 200) throw new Error(`prepare summary.requestCorrection → ${asked.status} ${asked.text}`);
      return { correctionId: (asked.body.events as any[]).find((e) => e.type === 'summary.correctionRequested').correctionId };
    },
    command: (_m, _as, p) => ({
      type: 'summary.resolveCorrection',
      correctionId: p.correctionId,
      decision: 'accepted',
      reply: 'Thank you; the wording is changed.',
    }),
  },
} satisfies Record<string, Fixture>);

const types = Object.keys(TABLE);

describe('AUTH-1: the role table of docs/api.md, command by command', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('given the Command union, then every type a client may send has a row here (docs/api.md must say who may issue it)', () => {
    const clientTypes = COMMAND_TYPES.filter((t) => !INTERNAL_COMMANDS.includes(t));
    expect(
      clientTypes.filter((t) => !(t in TABLE)),
      'client command types without a row in the role table',
    ).toEqual([]);
    expect(
      types.filter((t) => !(COMMAND_TYPES as string[]).includes(t)),
      'rows for types the server does not know',
    ).toEqual([]);
  });

  types.forEach((type, index) => {
    const fixture = TABLE[type];
    // Alternate which staff role goes first, so that both chair and secretariat get a 200 somewhere.
    const allowed =
      index % 2 === 1 && fixture.allowed[0] === 'chair'
        ? (['secretariat', 'chair', ...fixture.allowed.slice(2)] as ActorName[])
        : fixture.allowed;
    const forbidden = ACTORS.filter((a) => !allowed.includes(a));
    describe(`${type}${fixture.note ? ` (${fixture.note})` : ''}`, () => {
      let meeting: Meeting;
      let prepared: Record<string, string> = {};
      beforeAll(async () => {
        meeting = await buildMeeting(app, fixture.stage);
        prepared = (await fixture.prepare?.(meeting)) ?? {};
      });

      for (const as of forbidden) {
        it(`${type} as ${as} → 403`, async () => {
          const before = await versionOf(meeting);
          const res = await meeting.api[as].command(meeting.id, fixture.command(meeting, as, prepared));
          expect(res.status, res.text).toBe(403);
          expect(res.contentType).toMatch(/^application\/problem\+json/);
          expect(res.body.code).toBe('FORBIDDEN');
          expect(await versionOf(meeting)).toBe(before);
        });
      }
      allowed.forEach((as, i) => {
        it(`${type} as ${as} → allowed${i === 0 ? ' (200)' : ''}`, async () => {
          const before = await versionOf(meeting);
          const res = await meeting.api[as].command(meeting.id, fixture.command(meeting, as, prepared));
          expect(res.status, res.text).not.toBe(403);
          if (i === 0) {
            expect(res.status, res.text).toBe(200);
            expect(res.body.version).toBe(before + res.body.events.length);
          } else if (res.status !== 200) {
            expect(res.status, res.text).toBeLessThan(500);
            expect(await versionOf(meeting)).toBe(before);
          }
        });
      });
    });
  });
});
