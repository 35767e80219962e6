import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type Command, type CommandType } from '../../server/domain/commands.js';
import { DomainError } from '../../server/domain/errors.js';
import { ALLOWED, authorize, can, type Principal } from '../../server/domain/policies.js';
import { SYSTEM, given, userActor } from './support/engagementBuilder.js';

// docs/api.md's table, transcribed independently of policies.ts so that a change to either shows up here.
const STAFF = ['chair', 'secretariat'];
const API_TABLE: Record<string, string[]> = {
  'engagement.create': ['signed-in'],
  'engagement.*': STAFF,
  'agenda.*': STAFF,
  'question.*': STAFF,
  'participant.register': ['signed-in'],
  'participant.approve': STAFF,
  'participant.decline': STAFF,
  'participant.setRole': STAFF,
  'participant.object': ['delegation'],
  'invitation.create': STAFF,
  'invitation.revoke': STAFF,
  'invitation.redeem': ['system'],
  'floor.request': ['stakeholder', 'delegation'],
  'floor.withdraw': ['stakeholder', 'delegation'],
  'floor.recordOverrun': ['system'],
  'floor.*': STAFF,
  'time.*': STAFF,
  'note.*': STAFF,
  'input.*': ['chair', 'secretariat', 'delegation', 'stakeholder'],
  'summary.requestCorrection': ['delegation', 'stakeholder'],
  'summary.*': STAFF,
  // The version-1 table listed the breakout verbs without roles; the rows follow SPEC.md: the Chair's side runs
  // rounds, participants choose for themselves, rapporteurs (never observers) report, the server times them.
  'breakouts.*': STAFF,
  'breakouts.choose': ['stakeholder', 'delegation', 'observer'],
  'breakouts.report': ['chair', 'secretariat', 'stakeholder', 'delegation'],
  'breakouts.warn': ['system'],
  'breakouts.expire': ['system'],
  // Attendance comes from LiveKit (webhooks, reconcile), never from a person (BREAKOUT-23).
  'breakouts.recordAttendance': ['system'],
  'breakouts.closeAttendance': ['system'],
};
const expectedFor = (type: CommandType): string[] => API_TABLE[type] ?? API_TABLE[`${type.split('.')[0]}.*`];

const PRINCIPALS = ['chair', 'secretariat', 'delegation', 'stakeholder', 'observer', 'signed-in', 'system'] as const;

/** One engagement with one approved person per role, a pending registrant and an outsider. */
function population() {
  const g = given().engagement().open();
  for (const role of ['secretariat', 'delegation', 'stakeholder', 'observer'] as const) g.participant(role, { role });
  g.participant('pending', { approve: false });
  return g;
}

const actorFor = (principal: (typeof PRINCIPALS)[number]) =>
  principal === 'system' ? SYSTEM : principal === 'signed-in' ? userActor('outsider') : userActor(principal);

describe('who may do what (AUTH-1)', () => {
  it('AUTH-1: the exported table lists every command type, with the principals of docs/api.md', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...COMMAND_TYPES].sort());
    for (const type of COMMAND_TYPES) expect([...ALLOWED[type]].sort(), type).toEqual([...expectedFor(type)].sort());
  });

  const state = population().state;
  for (const type of COMMAND_TYPES) {
    it(`AUTH-1: ${type} — given each role, when it is issued, then only ${expectedFor(type).join(', ')} may`, () => {
      const allowed = expectedFor(type);
      for (const principal of PRINCIPALS) {
        const expected = allowed.includes(principal) || (allowed.includes('signed-in') && principal !== 'system');
        expect(can(state, actorFor(principal), type), `${principal} → ${type}`).toBe(expected);
      }
      // A pending registration acts as no role: it may do only what anyone signed in may do.
      expect(can(state, userActor('pending'), type), `pending → ${type}`).toBe(allowed.includes('signed-in'));
    });
  }

  it('AUTH-1: given a stakeholder, when they open a question, then the refusal is FORBIDDEN and says who may and why not', () => {
    const g = population();
    try {
      authorize(g.state, userActor('stakeholder'), { type: 'question.open', questionId: 'q' } as Command);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: 'FORBIDDEN', rule: 'AUTH-1' });
      expect((error as DomainError).detail).toBe('Only the Chair and the secretariat may question: open. You take part as a stakeholder.');
    }
  });

  it('AUTH-1: given a pending registrant, when they ask for the floor, then the refusal says the registration is waiting', () => {
    const g = population();
    expect(() => authorize(g.state, userActor('pending'), { type: 'floor.request', questionId: 'q' })).toThrow(
      /waiting for the Chair's approval/,
    );
  });

  it('AUTH-1: the principals of the table are only roles, signed-in and system', () => {
    const known: readonly Principal[] = PRINCIPALS;
    for (const type of COMMAND_TYPES) for (const p of ALLOWED[type]) expect(known).toContain(p);
  });
});
