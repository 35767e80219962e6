import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/appError.js';
import type { BreakoutEvent } from '../../../server/domain/breakouts/events.js';
import {
  applyMediaAfterCommit,
  BREAKOUT_TOPIC,
  broadcastMedia,
  endRoundMedia,
  joinTokenFor,
  NOT_CONFIGURED_DETAIL,
  openMediaBeforeAppend,
  startRoundMedia,
  whoIsInRooms,
  type BreakoutMediaAdapter,
} from '../../../server/engagements/breakoutMedia.js';
import { createLiveKitAdapter } from '../../../server/integrations/livekit.js';
import { startLiveKitDouble, type LiveKitDouble } from '../../fakes/livekitServerDouble.js';
import { BreakoutWorld } from '../../domain/breakouts/breakoutWorld.js';

// The LiveKit policy of breakout rounds against the protocol-faithful LiveKit double, through Convene's
// real adapter and the real livekit-server-sdk: rooms opened all-or-none, closed at the end, messages to
// every room, and join tokens only for one's own room while the round runs.

const API_KEY = 'convene-breakouts-key';
const API_SECRET = 'convene-breakouts-secret-long-enough-for-hs256';

let double: LiveKitDouble;
let adapter: BreakoutMediaAdapter;

beforeEach(async () => {
  double = await startLiveKitDouble({ apiKey: API_KEY, apiSecret: API_SECRET });
  adapter = createLiveKitAdapter({ url: double.url, apiKey: API_KEY, apiSecret: API_SECRET });
});
afterEach(async () => {
  await double.close();
});

/** A live engagement with a three-room self-select round: ana in room 1, obs (observer) in room 2, ben in room 3. */
function threeRooms(): { w: BreakoutWorld; roundId: string } {
  const w = new BreakoutWorld().person('ana').person('ben', { role: 'delegation' }).person('obs', { role: 'observer' });
  const [planned] = w.run('chair', {
    type: 'breakouts.plan',
    mode: 'self-select',
    durationMinutes: 20,
    rooms: [
      { theme: 'Needs', capacity: 4 },
      { theme: 'Partnerships', capacity: 6 },
      { theme: 'Funding', capacity: 3 },
    ],
  });
  const roundId = (planned as Extract<BreakoutEvent, { type: 'breakouts.planned' }>).roundId;
  w.run('ana', { type: 'breakouts.choose', roundId, roomId: w.roomId(1) });
  w.run('obs', { type: 'breakouts.choose', roundId, roomId: w.roomId(2) });
  w.run('ben', { type: 'breakouts.choose', roundId, roomId: w.roomId(3) });
  return { w, roundId };
}

/** The round started in the domain, and its rooms opened on the double. */
async function runningRound() {
  const { w, roundId } = threeRooms();
  w.run('chair', { type: 'breakouts.start', roundId });
  await startRoundMedia(adapter, w.round(), { now: w.now });
  return { w, roundId, names: w.round().rooms.map((r) => w.round().roomNames[r.id]) };
}

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; rule?: string; kind?: string; detail?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; rule?: string; kind?: string; detail?: string };
  }
  throw new Error('expected a refusal');
}

describe('breakout media on LiveKit', () => {
  it('BREAKOUT-21: given a round that starts, when its media opens, then every room exists with the round’s timeouts, capacity plus staff headroom and theme/endsAt metadata', async () => {
    const { w, names } = await runningRound();
    const rooms = double.rooms().sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(rooms.map((r) => r.name)).toEqual([...names].sort());
    expect(rooms.map((r) => r.maxParticipants)).toEqual([4 + 5, 6 + 5, 3 + 5]);
    for (const room of rooms) {
      expect(room.emptyTimeout).toBe(20 * 60 + 5 * 60);
      expect(room.departureTimeout).toBe(120);
    }
    expect(JSON.parse(rooms[0].metadata)).toMatchObject({ theme: 'Needs', endsAt: w.round().deadline });
  });

  it('BREAKOUT-21: given the media server refuses the third room, when the round’s media opens, then it throws LIVEKIT_UNAVAILABLE and no room is left behind', async () => {
    const { w, roundId } = threeRooms();
    const [started] = w.run('chair', { type: 'breakouts.start', roundId });
    double.faults.failNextCall('CreateRoom', 'unavailable', 2);
    const error = await refusal(startRoundMedia(adapter, w.round(), { now: w.now }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'LIVEKIT_UNAVAILABLE' });
    expect(error.detail).toMatch(/the round has not started/);
    expect(double.rooms()).toEqual([]);
    expect(started.type).toBe('breakouts.started');
  });

  it('BREAKOUT-20: given a running round, when a stakeholder asks for a token for their room, then LiveKit admits them as their participant id and display name, and lists them there', async () => {
    const { w, names } = await runningRound();
    const join = await joinTokenFor(adapter, w.state, w.membership('ana'), w.roomId(1), w.now);
    expect(join).toMatchObject({ serverUrl: double.url, roomName: names[0] });
    const expiresIn = Date.parse(join.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(9 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(10 * 60_000 + 1_000);
    const joined = await double.join(join.token);
    expect(joined).toMatchObject({ identity: 'p-ana', name: 'ana', room: names[0] });
    expect(double.rooms().find((r) => r.name === names[0])?.participants[0]).toMatchObject({ identity: 'p-ana', canPublish: true });
    expect(await whoIsInRooms(adapter, w.round())).toEqual({ [w.roomId(1)]: ['p-ana'], [w.roomId(2)]: [], [w.roomId(3)]: [] });
  });

  it('BREAKOUT-20: given an observer, when they join their room, then they listen only (canPublish false)', async () => {
    const { w, names } = await runningRound();
    const join = await joinTokenFor(adapter, w.state, w.membership('obs'), w.roomId(2), w.now);
    await double.join(join.token);
    expect(double.rooms().find((r) => r.name === names[1])?.participants[0]).toMatchObject({
      identity: 'p-obs',
      canPublish: false,
      canPublishData: false,
    });
  });

  it('BREAKOUT-20: given a stakeholder in room 1, when they ask for room 3, then it is refused (403) naming their own room; the Chair may join any room', async () => {
    const { w, names } = await runningRound();
    const error = await refusal(joinTokenFor(adapter, w.state, w.membership('ana'), w.roomId(3), w.now));
    expect(error).toMatchObject({ rule: 'BREAKOUT-20', kind: 'FORBIDDEN' });
    expect(error.detail).toMatch(/You are in room "Needs", not "Funding"/);
    const chair = await joinTokenFor(adapter, w.state, w.membership('chair'), w.roomId(3), w.now);
    expect(await double.join(chair.token)).toMatchObject({ identity: 'p-chair', room: names[2] });
  });

  it('BREAKOUT-20: given a round not yet started, ended, or past its deadline, then no token is minted', async () => {
    const { w, roundId } = threeRooms();
    expect(await refusal(joinTokenFor(adapter, w.state, w.membership('ana'), w.roomId(1), w.now))).toMatchObject({ rule: 'BREAKOUT-20' });
    w.run('chair', { type: 'breakouts.start', roundId });
    const late = new Date(Date.parse(w.round().deadline!) + 1000).toISOString();
    expect((await refusal(joinTokenFor(adapter, w.state, w.membership('ana'), w.roomId(1), late))).detail).toMatch(/time .* is up/);
    w.run('chair', { type: 'breakouts.end', roundId });
    expect((await refusal(joinTokenFor(adapter, w.state, w.membership('ana'), w.roomId(1), w.now))).detail).toMatch(/has ended/);
    expect(await refusal(joinTokenFor(adapter, w.state, w.membership('stranger'), w.roomId(1), w.now))).toMatchObject({
      kind: 'FORBIDDEN',
    });
  });

  it('BREAKOUT-20: given no LiveKit server configured, when an assigned participant asks for a token, then 503 LIVEKIT_NOT_CONFIGURED explains that breakouts run without media', async () => {
    const { w, roundId } = threeRooms();
    w.run('chair', { type: 'breakouts.start', roundId });
    const error = await refusal(joinTokenFor(null, w.state, w.membership('ana'), w.roomId(1), w.now));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'LIVEKIT_NOT_CONFIGURED', status: 503, detail: NOT_CONFIGURED_DETAIL });
  });

  it('BREAKOUT-18: given a running round, when the Chair broadcasts, then every room receives the message on the breakouts topic', async () => {
    const { w, roundId, names } = await runningRound();
    const result = await broadcastMedia(adapter, w.round(), { kind: 'broadcast', message: 'Two minutes left', at: w.now });
    expect(result).toEqual({ delivered: names, failed: [] });
    for (const name of names) {
      const [message] = double.dataMessages(name);
      expect(message.topic).toBe(BREAKOUT_TOPIC);
      expect(JSON.parse(message.text)).toEqual({ roundId, kind: 'broadcast', message: 'Two minutes left', at: w.now });
    }
  });

  it('BREAKOUT-17: given a round that ended with people in a room and one room already closed by LiveKit, when its media ends, then every room is gone and the closed one counts as gone', async () => {
    const { w, roundId, names } = await runningRound();
    await double.join((await joinTokenFor(adapter, w.state, w.membership('ana'), w.roomId(1), w.now)).token);
    await adapter.deleteRoom(names[2]);
    w.run('chair', { type: 'breakouts.end', roundId });
    const result = await endRoundMedia(adapter, w.round());
    expect(result).toEqual({ closed: [names[0], names[1]], alreadyGone: [names[2]] });
    expect(double.rooms()).toEqual([]);
  });

  it('BREAKOUT-17: given the media server fails to close one room, when the media ends, then the others close and the error names the one left', async () => {
    const { w, names } = await runningRound();
    double.faults.failNextCall('DeleteRoom', 'internal');
    const error = await refusal(endRoundMedia(adapter, w.round()));
    expect(error).toMatchObject({ code: 'LIVEKIT_UNAVAILABLE' });
    const left = double.rooms().map((r) => r.name);
    expect(left).toHaveLength(1);
    expect(error.detail).toContain(left[0]);
    expect(names).toContain(left[0]);
  });

  it('BREAKOUT-21: given the write path, when a start command’s events are about to be appended, then its rooms open; if the append then fails, rollback closes them', async () => {
    const { w, roundId } = threeRooms();
    const events = w.run('chair', { type: 'breakouts.start', roundId });
    const opened = await openMediaBeforeAppend(adapter, events, w.state, w.now);
    expect(double.rooms()).toHaveLength(3);
    await opened.rollback();
    expect(double.rooms()).toEqual([]);
    const none = await openMediaBeforeAppend(null, events, w.state, w.now);
    await none.rollback();
  });

  it('BREAKOUT-15, BREAKOUT-17, BREAKOUT-18: given committed events, when the media follows them, then rooms hear the broadcast, the new end time and the warning, and close when the round ends', async () => {
    const { w, roundId, names } = await runningRound();
    const follow = async (events: { type: string }[]) => expect(await applyMediaAfterCommit(adapter, events, w.state)).toEqual([]);
    await follow(w.run('chair', { type: 'breakouts.broadcast', roundId, message: 'Agree on one proposal' }));
    await follow(w.run('chair', { type: 'breakouts.extend', roundId, minutes: 5 }));
    w.now = new Date(Date.parse(w.round().deadline!) - 60_000).toISOString();
    await follow(w.run('system', { type: 'breakouts.warn', roundId }));
    const kinds = double.dataMessages(names[1]).map((m) => (JSON.parse(m.text) as { kind: string }).kind);
    expect(kinds).toEqual(['broadcast', 'extended', 'warning']);
    expect(JSON.parse(double.rooms().find((r) => r.name === names[1])!.metadata)).toMatchObject({ endsAt: w.round().deadline });
    await follow(w.run('chair', { type: 'breakouts.end', roundId }));
    expect(double.rooms()).toEqual([]);
  });

  it('BREAKOUT-18: given the media server is down after a commit, when the media follows the events, then it reports the problems instead of throwing', async () => {
    const { w, roundId } = await runningRound();
    const events = w.run('chair', { type: 'breakouts.broadcast', roundId, message: 'Hello' });
    await double.close();
    const problems = await applyMediaAfterCommit(adapter, events, w.state);
    expect(problems).toHaveLength(3);
    double = await startLiveKitDouble({ apiKey: API_KEY, apiSecret: API_SECRET });
  });
});
