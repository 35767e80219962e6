import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/appError.js';
import type { StoredEvent } from '../../../server/domain/events.js';
import { createLiveKitAdapter } from '../../../server/integrations/livekit.js';
import { startLiveKitDouble, type LiveKitDouble } from '../../fakes/livekitServerDouble.js';
import { chair, Harness } from './serviceFixture.js';

// The write path opens a round's LiveKit rooms before `breakouts.started` is appended and closes them after
// the round ends (BREAKOUT-21), against the protocol-faithful LiveKit double through the real adapter.

const KEY = 'devkey';
const SECRET = 'a-secret-long-enough-for-livekit-hmac';
let harness: Harness | undefined;
let double: LiveKitDouble | undefined;
afterEach(async () => {
  await harness?.dispose();
  await double?.close();
  harness = undefined;
  double = undefined;
});

async function plannedRound(rooms = 3) {
  double = await startLiveKitDouble({ apiKey: KEY, apiSecret: SECRET });
  const media = createLiveKitAdapter({ url: double.url, apiKey: KEY, apiSecret: SECRET });
  harness = await Harness.open({}, { media });
  const { id, participantIds } = await harness.liveEngagement(rooms * 2);
  const planned = await harness.service.execute(id, chair, {
    type: 'breakouts.plan',
    rooms: Array.from({ length: rooms }, (_, i) => ({ theme: `Theme ${i + 1}`, capacity: 4 })),
    durationMinutes: 20,
    mode: 'balanced',
  });
  const roundId = (planned.events.find((e) => e.type === 'breakouts.planned') as Extract<StoredEvent, { type: 'breakouts.planned' }>)
    .roundId;
  await harness.service.execute(id, chair, { type: 'breakouts.autoAssign', roundId, seed: 7 });
  return { id, roundId, participantIds };
}

describe('breakout rooms on LiveKit', () => {
  it('BREAKOUT-21: starting a round opens one room per breakout with its timeouts, size and metadata; ending closes them', async () => {
    const { id, roundId } = await plannedRound(3);
    const started = await harness!.service.execute(id, chair, { type: 'breakouts.start', roundId });
    const event = started.events.find((e) => e.type === 'breakouts.started') as Extract<StoredEvent, { type: 'breakouts.started' }>;
    const names = Object.values(event.roomNames).sort();
    expect(
      double!
        .rooms()
        .map((r) => r.name)
        .sort(),
    ).toEqual(names);
    for (const room of double!.rooms()) {
      expect(room.name).toMatch(new RegExp(`^breakout-${roundId}-\\d+$`));
      expect(room.maxParticipants).toBeGreaterThanOrEqual(4);
      expect(room.emptyTimeout).toBeGreaterThan(0);
      expect(room.departureTimeout).toBeGreaterThan(0);
      expect(JSON.parse(room.metadata)).toMatchObject({ endsAt: event.deadline });
    }
    await harness!.service.execute(id, chair, { type: 'breakouts.end', roundId });
    await harness!.service.whenIdle();
    await expect.poll(() => double!.rooms().length, { timeout: 5000 }).toBe(0);
  });

  it('BREAKOUT-21: LiveKit failing while the rooms open → a clear 503, no room left behind, no round started', async () => {
    const { id, roundId } = await plannedRound(4);
    const before = harness!.service.get(id, { userId: 'dev:chair' }).version;
    double!.faults.failNextCall('CreateRoom', 'unavailable', 2); // the third room fails
    const failure = await harness!.service.execute(id, chair, { type: 'breakouts.start', roundId }).catch((e) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('LIVEKIT_UNAVAILABLE');
    expect((failure as AppError).status).toBe(503);
    expect(double!.rooms()).toEqual([]);
    const after = harness!.service.get(id, { userId: 'dev:chair' });
    expect(after.version).toBe(before);
    expect(after.breakouts.rounds[roundId].status).toBe('planned');
  });

  it('BREAKOUT-21: a refused start opens nothing (the rule is checked before LiveKit is called)', async () => {
    const { id, roundId } = await plannedRound(2);
    await harness!.service.execute(id, chair, { type: 'engagement.end' });
    const failure = await harness!.service.execute(id, chair, { type: 'breakouts.start', roundId }).catch((e) => e);
    expect((failure as AppError).status).toBe(409);
    expect(double!.rooms()).toEqual([]);
  });

  it('ending the engagement during a round closes its rooms', async () => {
    const { id, roundId } = await plannedRound(2);
    await harness!.service.execute(id, chair, { type: 'breakouts.start', roundId });
    expect(double!.rooms()).toHaveLength(2);
    await harness!.service.execute(id, chair, { type: 'engagement.end' });
    await harness!.service.whenIdle();
    await expect.poll(() => double!.rooms().length, { timeout: 5000 }).toBe(0);
  });
});
