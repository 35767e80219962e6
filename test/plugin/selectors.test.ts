import { describe, expect, it } from 'vitest';
import { emptyState, type EngagementState, type FloorRequest, type Intervention } from '../../server/domain/index.js';
import { placeInLine } from '../../plugin/src/features/shared/selectors.js';
import { matchRoute } from '../../plugin/src/router.js';

const request = (id: string, allowanceSeconds: number, status: FloorRequest['status'] = 'waiting'): FloorRequest => ({
  id,
  questionId: 'q1',
  participantId: `p-${id}`,
  requestedAt: '2026-11-28T10:00:00.000Z',
  status,
  allowanceSeconds,
  skipReason: null,
  deferredAt: null,
  deferralReason: null,
  fulfilledByInputId: null,
});

function stateWithLine(): EngagementState {
  const speaking: Intervention = {
    requestId: 'r0',
    questionId: 'q1',
    participantId: 'p-r0',
    allowanceSeconds: 180,
    startedAt: '2026-11-28T10:00:00.000Z',
    deadline: '2026-11-28T10:03:00.000Z',
    pausedAt: null,
    pausedSeconds: 0,
    extendedSeconds: 0,
    overranAt: null,
    endedAt: null,
    spokeSeconds: null,
    overrunSeconds: null,
  };
  return {
    ...emptyState(),
    requests: { r0: request('r0', 180, 'speaking'), r1: request('r1', 180), r2: request('r2', 120), r3: request('r3', 180) },
    waiting: { q1: ['r1', 'r2', 'r3'] },
    currentRequestId: 'r0',
    interventions: { r0: speaking },
  };
}

describe('place in line and estimated wait (panel)', () => {
  it('given two ahead (180 s + 120 s) and a speaker with 60 s left, then I am third and wait 360 s', () => {
    const now = Date.parse('2026-11-28T10:02:00.000Z');
    expect(placeInLine(stateWithLine(), 'r3', now)).toEqual({ place: 3, waitSeconds: 360 });
  });

  it('given the speaker overran, then the overrun adds nothing to the wait (never negative)', () => {
    const now = Date.parse('2026-11-28T10:05:00.000Z');
    expect(placeInLine(stateWithLine(), 'r1', now)).toEqual({ place: 1, waitSeconds: 0 });
  });

  it('given a request that is not waiting, then there is no place in line', () => {
    expect(placeInLine(stateWithLine(), 'r0', Date.now())).toBeNull();
  });
});

describe('routes', () => {
  it('maps the five surfaces and decodes the engagement id', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/join')).toEqual({ name: 'join' });
    // The manifest's privacy and terms links (developer URLs) open these pages, without sign-in.
    expect(matchRoute('/privacy')).toEqual({ name: 'privacy' });
    expect(matchRoute('/terms')).toEqual({ name: 'terms' });
    expect(matchRoute('/config/')).toEqual({ name: 'config' });
    expect(matchRoute('/e/abc%20d')).toEqual({ name: 'engagement', engagementId: 'abc d' });
    expect(matchRoute('/stage/e1')).toEqual({ name: 'stage', engagementId: 'e1' });
    expect(matchRoute('/elsewhere')).toEqual({ name: 'notFound' });
  });
});
