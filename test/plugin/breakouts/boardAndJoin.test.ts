import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../plugin/src/api/problem.js';
import { assignmentChange, boardColumns, UNPLACED } from '../../../plugin/src/features/breakouts/assignmentBoard.js';
import { currentRound } from '../../../plugin/src/features/breakouts/breakoutsOf.js';
import { joinOutcomeOf, noMediaMessage } from '../../../plugin/src/features/breakouts/joinToken.js';
import { deviceFailureMessage, disconnectMessage } from '../../../plugin/src/features/breakouts/mediaProblems.js';
import { BreakoutWorld, planTwoRooms } from '../../domain/breakouts/breakoutWorld.js';

describe('the assignment board', () => {
  it('BREAKOUT-10: given approved stakeholders, an observer, a pending applicant and staff, then only the first two can be placed; staff never', () => {
    const w = new BreakoutWorld();
    w.person('ana').person('obi', { role: 'observer' }).person('pat', { status: 'pending' });
    const roundId = planTwoRooms(w, 'manual');
    w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-ana', roomId: w.roomId(1) });
    const columns = boardColumns(w.round(), w.state.participants);
    expect(columns.map((c) => [c.title, c.people.map((p) => p.displayName)])).toEqual([
      ['Not placed', ['obi']],
      ['Capacity-building needs', ['ana']],
      ['Public-private partnerships', []],
    ]);
  });

  it('given a drop on the column a person is already in, then nothing is sent; on "Not placed", the command takes them out', () => {
    const round = { id: 'r1', assignment: { 'p-ana': 'room-1' } };
    expect(assignmentChange(round, 'p-ana', 'room-1')).toBeNull();
    expect(assignmentChange(round, 'p-ana', UNPLACED)).toEqual({ roundId: 'r1', participantId: 'p-ana', roomId: null });
    expect(assignmentChange(round, 'p-bo', UNPLACED)).toBeNull();
    expect(assignmentChange(round, 'p-bo', 'room-2')).toEqual({ roundId: 'r1', participantId: 'p-bo', roomId: 'room-2' });
  });

  it('BREAKOUT-8: given an ended round and a newer planned one, then the surfaces show the planned one; while one runs, that one', () => {
    const w = new BreakoutWorld();
    w.person('ana');
    const first = planTwoRooms(w, 'self-select');
    w.run('chair', { type: 'breakouts.start', roundId: first });
    const second = planTwoRooms(w, 'self-select');
    expect(currentRound(w.state.breakouts)?.id).toBe(first);
    w.run('chair', { type: 'breakouts.end', roundId: first });
    expect(currentRound(w.state.breakouts)?.id).toBe(second);
  });
});

describe('joining a room', () => {
  it('BREAKOUT-20: given 503 LIVEKIT_NOT_CONFIGURED, then it is explained as a round without audio and video here, not as an error', () => {
    const outcome = joinOutcomeOf(new ApiError({ status: 503, code: 'LIVEKIT_NOT_CONFIGURED', detail: 'No LiveKit server.' }));
    expect(outcome).toEqual({ kind: 'no-media', message: noMediaMessage() });
    expect(noMediaMessage()).toMatch(/^This breakout runs without audio and video here/);
    expect(noMediaMessage()).toContain('Teams meeting for audio');
  });

  it('BREAKOUT-20: given a refusal for another room, then the server’s words are shown with what to do', () => {
    const outcome = joinOutcomeOf(
      new ApiError({ status: 403, code: 'FORBIDDEN', detail: 'You are in room "Needs", not "Partnerships". Join your own room.' }),
    );
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.message).toContain('Join your own room.');
  });

  it('given a blocked microphone inside Teams, then the message names App permissions and the browser; outside Teams, the site setting', () => {
    expect(deviceFailureMessage('PermissionDenied', 'audioinput', true)).toMatch(/microphone.*App permissions.*Open in browser/);
    expect(deviceFailureMessage('PermissionDenied', 'videoinput', false)).toMatch(/^The browser blocked your camera/);
  });

  it('given the room was deleted at the end of the round (ROOM_DELETED = 5), then people are told they are back in plenary', () => {
    expect(disconnectMessage(5)).toMatch(/round ended.*back in plenary/);
    expect(disconnectMessage(1)).toBe('You left the breakout room.');
  });
});
