import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../server/domain/commands.js';
import type { Actor } from '../../server/domain/context.js';
import { BREAKOUT_EVENT_TYPES } from '../../server/domain/breakouts/events.js';
import { canonicalJson } from '../../server/domain/summaryReview/canonicalJson.js';
import { SUMMARY_EVENT_TYPES } from '../../server/domain/summaryReview/events.js';
import { SYSTEM, userActor } from './support/engagementBuilder.js';
import { runSession, stepArb } from './support/randomSession.js';
import { VIEWERS, sha256 } from './support/sessionTemplates.js';
import { ViewerHarness } from './support/viewerHarness.js';

// VIEW-9, property-tested: for random valid command sequences issued by random actors, every viewer who
// folds the redacted events (over JSON, as the stream sends them) with `evolve`, starting from
// `project(initial)` and replacing their state by `project(after)` on 'resync', holds exactly
// `project(after)` after every event. Viewers cover every audience over time: chair, secretariat,
// delegations, stakeholders, an observer, invited participants and a signed-in member of the public.
// The commands cover the engagement, the floor, breakout rounds (BREAKOUT-VIEW-1..6) and the summary cycle
// (SUMMARY-VIEW-1..5), so every slice's `redact` is checked against its `project`.
// The generator is in support/randomSession.ts and support/sessionTemplates.ts: breakout rooms hold approved
// non-staff members (BREAKOUT-10), and a publication is canonical JSON with its sha256 (SUMMARY-9).

const EXPECTED_TYPES = [
  'engagement.created',
  'engagement.updated',
  'engagement.opened',
  'engagement.started',
  'engagement.ended',
  'agenda.added',
  'agenda.removed',
  'agenda.moved',
  'agenda.begun',
  'question.added',
  'question.removed',
  'question.moved',
  'question.opened',
  'question.closed',
  'participant.registered',
  'participant.approved',
  'participant.declined',
  'participant.roleChanged',
  'participant.objected',
  'invitation.created',
  'invitation.revoked',
  'invitation.redeemed',
  'floor.requested',
  'floor.withdrawn',
  'floor.given',
  'floor.paused',
  'floor.resumed',
  'floor.extended',
  'floor.ended',
  'floor.skipped',
  'floor.moved',
  'floor.deferred',
  'floor.policyChanged',
  'floor.overran',
  'floor.allowancesChanged',
  'time.hardStopSet',
  'time.replanned',
  'note.added',
  'input.submitted',
  'input.withdrawn',
];

/** Runs of the random session: about 20 s on an idle core, within a minute on a loaded 2-core machine. */
const RUNS = 120;

describe('redaction (VIEW-9, property)', () => {
  it('VIEW-9: given random valid command sequences by random actors, then every viewer folding redacted events holds exactly their projection after every event', () => {
    let accepted = 0;
    const seen = new Set<string>();
    const sessions = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 60, maxLength: 200 }),
        fc.oneof(fc.constant(null), fc.nat({ max: 63 }), fc.nat({ max: 63 })),
        (steps, approved) => {
          const h = runSession(steps, approved);
          accepted += h.accepted;
          for (const t of h.types) seen.add(t);
          for (const t of h.types) sessions.set(t, (sessions.get(t) ?? 0) + 1);
        },
      ),
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
    ok('chair', {
      type: 'invitation.create',
      role: 'stakeholder',
      codeHash: 'd'.repeat(64),
      expiresAt: '2026-11-29T00:00:00.000Z',
      organization: 'Invited NGO',
      category: 'ngo',
    });
    const [invSec, invNgo] = Object.keys(h.state.invitations);
    ok('system', { type: 'invitation.redeem', invitationId: invSec, userId: 'inv:0', displayName: 'Secretary' });
    ok('chair', { type: 'time.setHardStop', at: '2026-11-28T10:00:00.000Z' });
    ok('chair', { type: 'engagement.open' });
    ok('chair', { type: 'invitation.revoke', invitationId: invNgo });
    ok('chair', { type: 'invitation.create', role: 'stakeholder', codeHash: 'e'.repeat(64), expiresAt: '2026-11-29T00:00:00.000Z' });
    ok('system', { type: 'invitation.redeem', invitationId: Object.keys(h.state.invitations)[2], userId: 'inv:1', displayName: 'Invitee' });
    for (const [user, category] of [
      ['del1', 'member-state'],
      ['del2', 'member-state'],
      ['ngo1', 'ngo'],
      ['ngo2', 'academia'],
      ['obs', 'intergovernmental'],
      ['sec', 'other'],
    ] as const) {
      ok(user, {
        type: 'participant.register',
        organization: `Org ${user}`,
        category,
        ...(user === 'ngo2' ? { accreditation: 'non-objection' as const } : {}),
      });
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
    ok('del2', {
      type: 'floor.withdraw',
      requestId: Object.values(h.state.requests).find((r) => r.participantId === idOf('dev:del2'))!.id,
    });
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
    const author = Object.values(h.state.participants)
      .find((p) => p.id === mine.participantId)!
      .userId!.slice(4);
    const [submitted] = ok(author, { type: 'input.submit', title: 'In writing', text: 'Our statement.', requestId: mine.id });
    ok('ngo1', { type: 'input.submit', title: 'Concept paper', text: 'A paper.', questionId: q2 });
    ok(author, { type: 'input.withdraw', inputId: (submitted as { inputId: string }).inputId });
    ok('del1', { type: 'floor.request', questionId: q2 });

    // A self-select round, run to its deadline, with LiveKit attendance and a report.
    ok('chair', {
      type: 'breakouts.plan',
      rooms: [
        { theme: 'Finance', capacity: 3, rapporteurId: idOf('dev:ngo1'), questionId: q1 },
        { theme: 'Hubs', capacity: 3 },
      ],
      durationMinutes: 2,
      mode: 'self-select',
    });
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
    ok('system', {
      type: 'breakouts.recordAttendance',
      roomName,
      participantSid: 'PA_del2',
      identity: idOf('dev:del2'),
      joinedAt: new Date(Date.parse(h.now) - 100_000).toISOString(),
      source: 'webhook',
    });
    ok('system', { type: 'breakouts.closeAttendance', roomName, at: h.now });
    h.advance(60);
    ok('system', { type: 'breakouts.expire', roundId: round().id });
    ok('ngo1', {
      type: 'breakouts.report',
      roundId: round().id,
      roomId: finance,
      keyPoints: ['Blended finance'],
      proposals: [],
      implementation: [{ who: 'Secretariat', what: 'Map the funds', when: '2027' }],
      openQuestions: [],
    });
    // A balanced round, assigned automatically, never started.
    ok('chair', {
      type: 'breakouts.plan',
      rooms: [
        { theme: 'North', capacity: 4 },
        { theme: 'South', capacity: 4 },
      ],
      durationMinutes: 10,
      mode: 'balanced',
    });
    const balanced = h.state.breakouts.rounds[h.state.breakouts.order[1]];
    ok('del1', { type: 'breakouts.choose', roundId: balanced.id, preferences: [balanced.rooms[1].id, balanced.rooms[0].id] });
    ok('chair', { type: 'breakouts.autoAssign', roundId: balanced.id, seed: 7 });
    // PART-10: a stakeholder made an observer leaves the speakers list.
    ok('ngo1', { type: 'floor.request', questionId: q2 });
    expect(ok('chair', { type: 'participant.setRole', participantId: idOf('dev:ngo1'), role: 'observer' }).map((e) => e.type)).toEqual([
      'floor.skipped',
      'participant.roleChanged',
    ]);
    ok('chair', { type: 'participant.setRole', participantId: idOf('dev:ngo1'), role: 'stakeholder' });

    ok('chair', { type: 'engagement.end' });
    ok('chair', { type: 'note.add', text: 'Afterwards.', visibility: 'public' });

    // The summary cycle: an edit, a review window, a correction and its answer, a published version.
    ok('chair', { type: 'summary.editParagraph', paragraphKey: 'opening:1', text: 'The Chair opened the consultation.' });
    ok('chair', { type: 'summary.circulate', reviewUntil: new Date(Date.parse(h.now) + 86_400_000).toISOString() });
    const [requested] = ok('del1', {
      type: 'summary.requestCorrection',
      paragraphKey: 'opening:1',
      text: 'Please name the co-facilitators.',
    });
    ok('chair', {
      type: 'summary.resolveCorrection',
      correctionId: (requested as { correctionId: string }).correctionId,
      decision: 'accepted',
      reply: 'Added.',
    });
    const content = canonicalJson({ title: 'Informal consultation', version: 1 });
    ok('chair', { type: 'summary.publish', content, contentHash: sha256(content) });

    expect([...h.types].sort()).toEqual(
      [...EXPECTED_TYPES, ...BREAKOUT_EVENT_TYPES, ...SUMMARY_EVENT_TYPES, 'engagement.updated', 'agenda.updated', 'question.updated']
        .filter((t, i, all) => all.indexOf(t) === i)
        .sort(),
    );
    expect(h.resyncs.get('participant.approved')).toBeGreaterThan(0);
  });
});
