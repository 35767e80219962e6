import { describe, expect, it } from 'vitest';
import type { BreakoutEvent } from '../../../server/domain/breakouts/events.js';
import type { EngagementEvent } from '../../../server/domain/events.js';
import { at, BreakoutWorld, planTwoRooms, T0 } from './breakoutWorld.js';

// One round from plan to report, the way a Chair runs it: plan → assign → start → broadcast → extend →
// one-minute warning → expiry → report-back slots → the rapporteur's report.

type Of<T extends string> = Extract<EngagementEvent | BreakoutEvent, { type: T }>;
const only = <T extends string>(events: (EngagementEvent | BreakoutEvent)[], type: T): Of<T>[] =>
  events.filter((e): e is Of<T> => e.type === type);

function manualRoundWithFour(): { w: BreakoutWorld; roundId: string } {
  const w = new BreakoutWorld().person('ana').person('ben').person('cho', { role: 'delegation' }).person('dia', { role: 'delegation' });
  const roundId = planTwoRooms(w, 'manual');
  w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-ana', roomId: w.roomId(1) });
  w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-cho', roomId: w.roomId(1) });
  w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-ben', roomId: w.roomId(2) });
  w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-dia', roomId: w.roomId(2) });
  return { w, roundId };
}

describe('a breakout round from plan to report', () => {
  it('BREAKOUT-1: given a live engagement, when the Chair plans a round, then it is planned with its rooms, numbered from 1, and a default report-back of 3 minutes', () => {
    const w = new BreakoutWorld();
    const roundId = planTwoRooms(w, 'manual');
    const round = w.round(roundId);
    expect(round.status).toBe('planned');
    expect(round.rooms.map((r) => [r.index, r.theme, r.capacity])).toEqual([
      [1, 'Capacity-building needs', 2],
      [2, 'Public-private partnerships', 2],
    ]);
    expect(round.reportBackMinutes).toBe(3);
    expect(round.deadline).toBeNull();
  });

  it('BREAKOUT-1: given an engagement that has ended, when the Chair plans a round, then it is refused', () => {
    const w = new BreakoutWorld('ended');
    expect(
      w.refusal('chair', { type: 'breakouts.plan', mode: 'manual', durationMinutes: 10, rooms: [{ theme: 'x', capacity: 2 }] }).rule,
    ).toBe('BREAKOUT-1');
  });

  it('BREAKOUT-2: given a plan naming an unknown question, a pending rapporteur or an observer as rapporteur, then it is refused', () => {
    const w = new BreakoutWorld().person('obs', { role: 'observer' }).person('pen', { status: 'pending' });
    const plan = (room: Record<string, unknown>) => ({
      type: 'breakouts.plan',
      mode: 'manual',
      durationMinutes: 10,
      rooms: [{ theme: 'x', capacity: 3, ...room }],
    });
    expect(w.refusal('chair', plan({ questionId: 'nope' })).rule).toBe('BREAKOUT-2');
    expect(w.refusal('chair', plan({ rapporteurId: 'p-pen' })).rule).toBe('BREAKOUT-2');
    expect(w.refusal('chair', plan({ rapporteurId: 'p-obs' })).detail).toMatch(/observer/);
  });

  it('BREAKOUT-2: given a stakeholder as rapporteur, when the round is planned, then they are placed in their room and cannot choose another', () => {
    const w = new BreakoutWorld().person('rap');
    const [planned] = w.run('chair', {
      type: 'breakouts.plan',
      mode: 'self-select',
      durationMinutes: 10,
      rooms: [
        { theme: 'A', capacity: 2, rapporteurId: 'p-rap' },
        { theme: 'B', capacity: 2 },
      ],
    });
    const roundId = (planned as Of<'breakouts.planned'>).roundId;
    expect(w.round().assignment).toEqual({ 'p-rap': w.roomId(1) });
    expect(w.refusal('rap', { type: 'breakouts.choose', roundId, roomId: w.roomId(2) }).rule).toBe('BREAKOUT-2');
  });

  it('BREAKOUT-14: given everyone assigned, when the Chair starts the round, then the deadline is now + duration and the LiveKit room names are breakout-<roundId>-<n>', () => {
    const { w, roundId } = manualRoundWithFour();
    w.advance(60);
    const [started] = w.run('chair', { type: 'breakouts.start', roundId }) as [Of<'breakouts.started'>];
    expect(started.deadline).toBe(at(60 + 20 * 60));
    expect(started.roomNames).toEqual({ [w.roomId(1)]: `breakout-${roundId}-1`, [w.roomId(2)]: `breakout-${roundId}-2` });
    expect(started.unassigned).toEqual([]);
    expect(started.warning).toBeNull();
    expect(w.round().status).toBe('running');
    expect(w.state.breakouts.runningRoundId).toBe(roundId);
  });

  it('BREAKOUT-14: given a first round that ran, when a second round starts, then none of its room names is reused', () => {
    const { w, roundId } = manualRoundWithFour();
    w.run('chair', { type: 'breakouts.start', roundId });
    w.run('chair', { type: 'breakouts.end', roundId });
    const second = planTwoRooms(w, 'self-select');
    w.run('chair', { type: 'breakouts.start', roundId: second });
    const names = [...Object.values(w.round(roundId).roomNames), ...Object.values(w.round(second).roomNames)];
    expect(new Set(names).size).toBe(4);
  });

  it('BREAKOUT-14: given a hard stop 15 minutes away, when a 20-minute round starts, then the started event warns that it ends after the hard stop (but starts)', () => {
    const { w, roundId } = manualRoundWithFour();
    w.state = { ...w.state, hardStop: at(15 * 60) };
    const [started] = w.run('chair', { type: 'breakouts.start', roundId }) as [Of<'breakouts.started'>];
    expect(started.warning).toMatchObject({
      rule: 'BREAKOUT-14',
      hardStop: at(15 * 60),
      roundEndsAt: at(20 * 60),
      overSeconds: (5 + 2 * 3) * 60,
    });
    expect(started.warning?.message).toMatch(/after the hard stop at 09:15 UTC/);
    expect(w.round().status).toBe('running');
  });

  it('BREAKOUT-14: given a hard stop that the round fits but its report-back slots do not, then the warning says so', () => {
    const { w, roundId } = manualRoundWithFour();
    w.state = { ...w.state, hardStop: at(22 * 60) };
    const [started] = w.run('chair', { type: 'breakouts.start', roundId }) as [Of<'breakouts.started'>];
    expect(started.warning?.overSeconds).toBe(4 * 60);
    expect(started.warning?.message).toMatch(/report-back slots would end at 09:26 UTC/);
  });

  it('BREAKOUT-18: given a running round, when the Chair broadcasts, then every room gets the message; before the start it is refused', () => {
    const { w, roundId } = manualRoundWithFour();
    expect(w.refusal('chair', { type: 'breakouts.broadcast', roundId, message: 'Five minutes left' }).rule).toBe('BREAKOUT-18');
    w.run('chair', { type: 'breakouts.start', roundId });
    w.run('chair', { type: 'breakouts.broadcast', roundId, message: 'Please name your rapporteur' });
    expect(w.round().broadcasts).toEqual([
      { id: expect.any(String), message: 'Please name your rapporteur', byParticipantId: 'p-chair', at: T0 },
    ]);
  });

  it('BREAKOUT-14: given a running round linked to an agenda item, when the Chair extends it by 5 minutes, then the deadline moves and the item plans 5 more minutes', () => {
    const w = new BreakoutWorld().person('ana');
    w.given({
      type: 'agenda.added',
      at: T0,
      position: 0,
      item: { id: 'item-b', kind: 'breakouts', title: 'Breakouts', plannedMinutes: 20, questionId: null },
    });
    const roundId = planTwoRooms(w, 'self-select', { agendaItemId: 'item-b' });
    const [, begun] = w.run('chair', { type: 'breakouts.start', roundId });
    expect(begun).toMatchObject({ type: 'agenda.begun', itemId: 'item-b' });
    const events = w.run('chair', { type: 'breakouts.extend', roundId, minutes: 5 });
    expect(only(events, 'breakouts.extended')[0].deadline).toBe(at(25 * 60));
    expect(w.round().deadline).toBe(at(25 * 60));
    expect(w.round().extendedMinutes).toBe(5);
    expect(w.state.agenda.find((i) => i.id === 'item-b')?.plannedMinutes).toBe(25);
  });

  it('BREAKOUT-15: given a running round, when the warning timer fires at T−60 s, then it is recorded once; a second firing is refused', () => {
    const { w, roundId } = manualRoundWithFour();
    w.run('chair', { type: 'breakouts.start', roundId });
    w.advance(19 * 60);
    const [warned] = w.run('system', { type: 'breakouts.warn', roundId }) as [Of<'breakouts.warned'>];
    expect(warned).toMatchObject({ deadline: at(20 * 60), secondsLeft: 60 });
    expect(w.refusal('system', { type: 'breakouts.warn', roundId }).rule).toBe('BREAKOUT-15');
  });

  it('BREAKOUT-16, BREAKOUT-17: given a running round at its deadline, when it expires, then it ends once (reason deadline), everyone is back and each room gets a 3-minute report-back item', () => {
    const { w, roundId } = manualRoundWithFour();
    w.run('chair', { type: 'breakouts.start', roundId });
    w.advance(20 * 60);
    const events = w.run('system', { type: 'breakouts.expire', roundId });
    expect(only(events, 'breakouts.ended')[0]).toMatchObject({ reason: 'deadline', dueAt: at(20 * 60) });
    expect(w.round()).toMatchObject({ status: 'ended', endReason: 'deadline', endedAt: at(20 * 60) });
    expect(w.state.breakouts.runningRoundId).toBeNull();
    const slots = w.state.agenda.filter((i) => i.kind === 'report-back');
    expect(slots.map((i) => [i.title, i.plannedMinutes])).toEqual([
      ['Report-back: Capacity-building needs', 3],
      ['Report-back: Public-private partnerships', 3],
    ]);
    expect(w.round().reportBackItemIds).toEqual({ [w.roomId(1)]: slots[0].id, [w.roomId(2)]: slots[1].id });
    expect(w.refusal('system', { type: 'breakouts.expire', roundId }).rule).toBe('BREAKOUT-16');
  });

  it('BREAKOUT-17: given a round inside an agenda item, when the Chair ends it by hand, then the report-back items follow that item with the planned minutes', () => {
    const w = new BreakoutWorld().person('ana');
    w.given(
      {
        type: 'agenda.added',
        at: T0,
        position: 0,
        item: { id: 'item-b', kind: 'breakouts', title: 'Breakouts', plannedMinutes: 20, questionId: null },
      },
      {
        type: 'agenda.added',
        at: T0,
        position: 1,
        item: { id: 'item-c', kind: 'closing', title: 'Closing', plannedMinutes: 5, questionId: null },
      },
    );
    const roundId = planTwoRooms(w, 'self-select', { agendaItemId: 'item-b', reportBackMinutes: 4 });
    w.run('chair', { type: 'breakouts.start', roundId });
    w.advance(300);
    const events = w.run('chair', { type: 'breakouts.end', roundId });
    expect(only(events, 'breakouts.ended')[0].reason).toBe('chair');
    expect(w.state.agenda.map((i) => [i.kind, i.plannedMinutes])).toEqual([
      ['breakouts', 20],
      ['report-back', 4],
      ['report-back', 4],
      ['closing', 5],
    ]);
  });

  it('BREAKOUT-19: given an ended round, when the room’s rapporteur reports, then the report is kept; someone else is refused', () => {
    const w = new BreakoutWorld().person('rap').person('other');
    const [planned] = w.run('chair', {
      type: 'breakouts.plan',
      mode: 'self-select',
      durationMinutes: 10,
      rooms: [{ theme: 'A', capacity: 3, rapporteurId: 'p-rap' }],
    });
    const roundId = (planned as Of<'breakouts.planned'>).roundId;
    w.run('chair', { type: 'breakouts.start', roundId });
    w.run('chair', { type: 'breakouts.end', roundId });
    const report = {
      type: 'breakouts.report',
      roundId,
      roomId: w.roomId(1),
      keyPoints: ['Needs assessments first'],
      proposals: ['A roster of experts'],
      implementation: [{ who: 'Secretariat', what: 'Draft the roster', when: 'before the next session' }],
      openQuestions: ['Who funds it?'],
    };
    const refused = w.refusal('other', report);
    expect(refused).toMatchObject({ rule: 'BREAKOUT-19', kind: 'FORBIDDEN' });
    expect(refused.detail).toMatch(/Only the rapporteur of room "A" \(rap\)/);
    w.run('rap', report);
    expect(w.round().reports[w.roomId(1)]).toMatchObject({ byParticipantId: 'p-rap', revision: 1, proposals: ['A roster of experts'] });
  });

  it('BREAKOUT-8: given a running round, when the Chair starts another, then it is refused: one round at a time', () => {
    const w = new BreakoutWorld().person('ana');
    const first = planTwoRooms(w, 'self-select');
    const second = planTwoRooms(w, 'self-select');
    w.run('chair', { type: 'breakouts.start', roundId: first });
    expect(w.refusal('chair', { type: 'breakouts.start', roundId: second }).rule).toBe('BREAKOUT-8');
    w.run('chair', { type: 'breakouts.end', roundId: first });
    w.run('chair', { type: 'breakouts.start', roundId: second });
    expect(w.state.breakouts.runningRoundId).toBe(second);
  });

  it('BREAKOUT-9: given an engagement that is open but not live, when the Chair starts a round, then it is refused; a round also runs only once', () => {
    const open = new BreakoutWorld('open');
    const roundId = planTwoRooms(open, 'self-select');
    expect(open.refusal('chair', { type: 'breakouts.start', roundId }).rule).toBe('BREAKOUT-9');
    const live = new BreakoutWorld();
    const r = planTwoRooms(live, 'self-select');
    live.run('chair', { type: 'breakouts.start', roundId: r });
    live.run('chair', { type: 'breakouts.end', roundId: r });
    expect(live.refusal('chair', { type: 'breakouts.start', roundId: r }).detail).toMatch(/runs once/);
  });

  it('AUTH-1: given a stakeholder, when they try to start, extend or end a round, then they are not allowed (BREAKOUT_ALLOWED)', () => {
    const w = new BreakoutWorld().person('ana');
    const roundId = planTwoRooms(w, 'self-select');
    for (const type of ['breakouts.start', 'breakouts.end']) expect(w.refusal('ana', { type, roundId }).rule).toBe('AUTH-1');
    expect(w.refusal('ana', { type: 'breakouts.warn', roundId }).rule).toBe('AUTH-1');
    expect(w.refusal('chair', { type: 'breakouts.expire', roundId }).rule).toBe('AUTH-1');
  });
});
