import { describe, expect, it } from 'vitest';
import { projectBreakouts, redactBreakoutEvent } from '../../../server/domain/breakouts/visibility.js';
import { at, BreakoutWorld, planTwoRooms } from './breakoutWorld.js';

// Attendance from LiveKit (BREAKOUT-23..27, BREAKOUT-VIEW-6): per connection (sid), merged whatever the
// order of the observations, closed by the round's end or the room's finish, seen by staff only.

function running(): { w: BreakoutWorld; roundId: string; room1: string; room2: string } {
  const w = new BreakoutWorld().person('ana').person('ben', { role: 'delegation' });
  const roundId = planTwoRooms(w, 'self-select');
  w.run('ana', { type: 'breakouts.choose', roundId, roomId: w.roomId(1) });
  w.run('chair', { type: 'breakouts.start', roundId });
  const names = w.round().roomNames;
  return { w, roundId, room1: names[w.roomId(1)], room2: names[w.roomId(2)] };
}

const record = (roomName: string, sid: string, identity: string, times: { joinedAt?: string; leftAt?: string }, source = 'webhook') => ({
  type: 'breakouts.recordAttendance',
  roomName,
  participantSid: sid,
  identity,
  source,
  ...times,
});

describe('breakout attendance', () => {
  it('BREAKOUT-24: given a join and then a leave of one connection, then the record holds both times, closed by LiveKit', () => {
    const { w, room1 } = running();
    w.run('system', record(room1, 'PA_1', 'p-ana', { joinedAt: at(10) }));
    expect(w.round().attendance.PA_1).toMatchObject({
      participantId: 'p-ana',
      roomId: w.roomId(1),
      joinedAt: at(10),
      leftAt: null,
      leftBy: null,
    });
    w.run('system', record(room1, 'PA_1', 'p-ana', { leftAt: at(70) }));
    expect(w.round().attendance.PA_1).toMatchObject({ joinedAt: at(10), leftAt: at(70), leftBy: 'livekit' });
  });

  it('BREAKOUT-24: given a leave delivered before its join, then the leave is recorded first and the join fills in later', () => {
    const { w, room1 } = running();
    w.run('system', record(room1, 'PA_1', 'p-ana', { leftAt: at(70) }));
    expect(w.round().attendance.PA_1).toMatchObject({ joinedAt: null, leftAt: at(70), leftBy: 'livekit' });
    w.run('system', record(room1, 'PA_1', 'p-ana', { joinedAt: at(10) }));
    expect(w.round().attendance.PA_1).toMatchObject({ joinedAt: at(10), leftAt: at(70) });
  });

  it('BREAKOUT-24: given the same observation twice (a duplicate or a repeated reconcile), then the second is refused and records nothing', () => {
    const { w, room1 } = running();
    w.run('system', record(room1, 'PA_1', 'p-ana', { joinedAt: at(10) }));
    expect(w.refusal('system', record(room1, 'PA_1', 'p-ana', { joinedAt: at(10) }, 'reconcile')).rule).toBe('BREAKOUT-24');
  });

  it('BREAKOUT-24: given a rejoin, then the old connection’s late leave closes only the old connection', () => {
    const { w, room1 } = running();
    w.run('system', record(room1, 'PA_1', 'p-ana', { joinedAt: at(10) }));
    w.run('system', record(room1, 'PA_2', 'p-ana', { joinedAt: at(20) }));
    w.run('system', record(room1, 'PA_1', 'p-ana', { leftAt: at(20) }));
    expect(w.round().attendance.PA_1.leftAt).toBe(at(20));
    expect(w.round().attendance.PA_2).toMatchObject({ joinedAt: at(20), leftAt: null });
  });

  it('BREAKOUT-24: given a leave stamped in the second before its join (whole-second webhook times), then it is recorded at the join', () => {
    const { w, room1 } = running();
    w.run('system', record(room1, 'PA_1', 'p-ana', { joinedAt: '2026-11-28T09:00:10.700Z' }));
    w.run('system', record(room1, 'PA_1', 'p-ana', { leftAt: at(10) }));
    expect(w.round().attendance.PA_1.leftAt).toBe('2026-11-28T09:00:10.700Z');
  });

  it('BREAKOUT-23: given a room that is not one of this engagement’s rooms or an identity that is no participant, then it is refused', () => {
    const { w, room1 } = running();
    expect(w.refusal('system', record('breakout-elsewhere-1', 'PA_1', 'p-ana', { joinedAt: at(1) })).rule).toBe('BREAKOUT-23');
    expect(w.refusal('system', record(room1, 'PA_1', 'p-stranger', { joinedAt: at(1) })).rule).toBe('BREAKOUT-23');
  });

  it('BREAKOUT-23: given a person, then they cannot record attendance themselves (system only)', () => {
    const { w, room1 } = running();
    expect(() => w.run('chair', record(room1, 'PA_1', 'p-ana', { joinedAt: at(1) }))).toThrow(/AUTH-1/);
  });

  it('BREAKOUT-26: given a connection still open when the round ends, then it is closed at the end; an earlier leave delivered late replaces that', () => {
    const { w, roundId, room1, room2 } = running();
    w.run('system', record(room1, 'PA_1', 'p-ana', { joinedAt: at(10) }));
    w.run('system', record(room2, 'PA_2', 'p-ben', { joinedAt: at(20) }));
    w.advance(300);
    w.run('chair', { type: 'breakouts.end', roundId });
    expect(w.round().attendance.PA_1).toMatchObject({ leftAt: at(300), leftBy: 'round-end' });
    w.run('system', record(room2, 'PA_2', 'p-ben', { leftAt: at(200) }));
    expect(w.round().attendance.PA_2).toMatchObject({ leftAt: at(200), leftBy: 'livekit' });
  });

  it('BREAKOUT-25: given the round has ended, then a connection that began afterwards is refused and a late leave is cut to the end', () => {
    const { w, roundId, room1 } = running();
    w.advance(300);
    w.run('chair', { type: 'breakouts.end', roundId });
    expect(w.refusal('system', record(room1, 'PA_9', 'p-ana', { joinedAt: at(400) })).rule).toBe('BREAKOUT-25');
    w.run('system', record(room1, 'PA_1', 'p-ana', { joinedAt: at(100), leftAt: at(500) }));
    expect(w.round().attendance.PA_1).toMatchObject({ joinedAt: at(100), leftAt: at(300) });
  });

  it('BREAKOUT-27: given LiveKit closed a room, then its open connections end at that time, and nothing open is refused', () => {
    const { w, room1 } = running();
    w.run('system', record(room1, 'PA_1', 'p-ana', { joinedAt: at(10) }));
    w.run('system', { type: 'breakouts.closeAttendance', roomName: room1, at: at(90) });
    expect(w.round().attendance.PA_1).toMatchObject({ leftAt: at(90), leftBy: 'room-finished' });
    expect(w.refusal('system', { type: 'breakouts.closeAttendance', roomName: room1, at: at(95) }).rule).toBe('BREAKOUT-27');
  });

  it('BREAKOUT-VIEW-6: given attendance, then staff see it and members see neither the records nor their events', () => {
    const { w, room1 } = running();
    const [event] = w.run('system', record(room1, 'PA_1', 'p-ana', { joinedAt: at(10) }));
    expect(projectBreakouts(w.state.breakouts, w.membership('chair')).rounds[w.round().id].attendance.PA_1).toBeDefined();
    expect(projectBreakouts(w.state.breakouts, w.membership('ana')).rounds[w.round().id].attendance).toEqual({});
    expect(redactBreakoutEvent(event as never, w.membership('ana'))).toBeNull();
    expect(redactBreakoutEvent(event as never, w.membership('chair'))).toBe(event);
  });
});
