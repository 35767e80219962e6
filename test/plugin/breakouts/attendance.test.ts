import { describe, expect, it } from 'vitest';
import type { BreakoutRound } from '../../../server/domain/breakouts/state.js';
import { attendanceOf } from '../../../plugin/src/features/breakouts/breakoutsOf.js';

// The Chair's "in the room now" per room, read from the attendance the server records per LiveKit
// connection (BREAKOUT-23: keyed by sid; a rejoin is a new connection; a leave closes one).

const round = (attendance: BreakoutRound['attendance']) => ({ attendance }) as unknown as BreakoutRound;
const record = (participantId: string, roomId: string, joinedAt: string | null, leftAt: string | null) =>
  ({ participantId, roomId, joinedAt, leftAt, leftBy: leftAt ? 'livekit' : null, source: 'webhook' }) as const;

describe('attendance in the console', () => {
  it('BREAKOUT-23: given connections per sid, then each room lists who is in it now, once, whatever their connections', () => {
    const seen = attendanceOf(
      round({
        PA_1: record('p-amina', 'r1', '2026-11-28T10:00:00Z', '2026-11-28T10:05:00Z'),
        PA_2: record('p-amina', 'r1', '2026-11-28T10:06:00Z', null),
        PA_3: record('p-jonas', 'r2', '2026-11-28T10:01:00Z', null),
        PA_4: record('p-jonas', 'r2', '2026-11-28T10:02:00Z', null),
        PA_5: record('p-kofi', 'r2', null, '2026-11-28T10:03:00Z'),
        PA_6: record('p-lena', 'r3', '2026-11-28T10:00:00Z', '2026-11-28T10:04:00Z'),
      }),
    );
    expect(seen).toEqual({ r1: ['p-amina'], r2: ['p-jonas'] });
  });

  it('given a round without any attendance (no LiveKit, or nobody joined yet), then there is nothing to show', () => {
    expect(attendanceOf(round({}))).toBeNull();
  });
});
