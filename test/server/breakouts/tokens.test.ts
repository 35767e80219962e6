import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { NOT_CONFIGURED_DETAIL } from '../../../server/engagements/breakoutMedia.js';
import { breakoutMeeting, tokenFor, type BreakoutMeeting } from './breakoutHttp.js';

// POST /api/engagements/:id/breakouts/:roomId/token over real HTTP (BREAKOUT-20): the join token's grant is
// exactly one room, listen-only for observers, short-lived, and only for one's own room while the round runs.

let m: BreakoutMeeting | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

interface VideoGrant {
  roomJoin?: boolean;
  room?: string;
  canPublish?: boolean;
  canSubscribe?: boolean;
  canPublishData?: boolean;
  roomCreate?: boolean;
  roomAdmin?: boolean;
}
const claimsOf = (token: string) => decodeJwt(token) as { sub?: string; exp?: number; nbf?: number; video?: VideoGrant; name?: string };

describe('breakout join tokens over HTTP', () => {
  it('BREAKOUT-20: given a running round, when a stakeholder asks for their own room, then the token joins that room only, publishes, lasts ≤ 10 minutes and names them', async () => {
    m = await breakoutMeeting({ livekit: true });
    const res = await tokenFor(m, m.ana, m.rooms[0]);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ serverUrl: m.double!.url, roomName: m.roomNames[0] });
    const claims = claimsOf(res.body.token);
    expect(claims.sub).toBe(m.ana.participantId);
    expect(claims.name).toBe('Ana');
    expect(claims.video).toEqual({ roomJoin: true, room: m.roomNames[0], canPublish: true, canSubscribe: true, canPublishData: true });
    const ttl = claims.exp! - Math.floor(Date.now() / 1000);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10 * 60);
    expect(Date.parse(res.body.expiresAt)).toBe(claims.exp! * 1000);
    // The LiveKit double accepts it (and auto-creates the room, as rooms are not opened at start yet).
    const joined = await m.double!.join(res.body.token);
    expect(joined).toMatchObject({ identity: m.ana.participantId, room: m.roomNames[0] });
  });

  it('BREAKOUT-20: given a running round, when a stakeholder asks for another room, then it is 403 naming the rule', async () => {
    m = await breakoutMeeting({ livekit: true });
    const res = await tokenFor(m, m.ana, m.rooms[1]);
    expect(res.status, res.text).toBe(403);
    expect(res.contentType).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', rule: 'BREAKOUT-20' });
    expect(res.body.detail).toContain('Capacity-building needs');
  });

  it('BREAKOUT-20: given an observer, when they ask for their room, then the token is listen-only (no publishing, no data)', async () => {
    m = await breakoutMeeting({ livekit: true });
    const res = await tokenFor(m, m.obs, m.rooms[0]);
    expect(res.status, res.text).toBe(200);
    expect(claimsOf(res.body.token).video).toMatchObject({
      roomJoin: true,
      room: m.roomNames[0],
      canPublish: false,
      canSubscribe: true,
      canPublishData: false,
    });
  });

  it('BREAKOUT-20: given the Chair, then they may join any room', async () => {
    m = await breakoutMeeting({ livekit: true });
    for (const [i, roomId] of m.rooms.entries()) {
      const res = await tokenFor(m, m.chair, roomId);
      expect(res.status, res.text).toBe(200);
      expect(claimsOf(res.body.token).video).toMatchObject({ room: m.roomNames[i], canPublish: true });
      expect(claimsOf(res.body.token).sub).toBe(m.chair.participantId);
    }
  });

  it('BREAKOUT-20: given a round that has not started, then no token is minted: 409 RULE_VIOLATION', async () => {
    m = await breakoutMeeting({ livekit: true, start: false });
    const res = await tokenFor(m, m.ana, m.rooms[0]);
    expect(res.status, res.text).toBe(409);
    expect(res.body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'BREAKOUT-20' });
  });

  it('BREAKOUT-20, BREAKOUT-VIEW-2: given someone signed in who is not a participant, an unknown room or no sign-in, then 404 / 404 / 401', async () => {
    m = await breakoutMeeting({ livekit: true });
    const stranger = m.app.api(await m.app.signIn('Stranger'));
    // Non-participants see no breakout round at all, so the room does not exist for them (no oracle).
    const refused = await stranger.post(`/api/engagements/${m.engagementId}/breakouts/${m.rooms[0]}/token`);
    expect(refused.status, refused.text).toBe(404);
    expect(refused.body.token).toBeUndefined();
    const unknown = await tokenFor(m, m.ana, 'no-such-room');
    expect(unknown.status).toBe(404);
    expect((await m.app.api().post(`/api/engagements/${m.engagementId}/breakouts/${m.rooms[0]}/token`)).status).toBe(401);
  });

  it('BREAKOUT-20: given no LiveKit server configured, then a participant of a running round gets 503 LIVEKIT_NOT_CONFIGURED with the plain explanation', async () => {
    m = await breakoutMeeting({ livekit: false });
    const res = await tokenFor(m, m.ana, m.rooms[0]);
    expect(res.status, res.text).toBe(503);
    expect(res.body).toMatchObject({ code: 'LIVEKIT_NOT_CONFIGURED', detail: NOT_CONFIGURED_DETAIL });
    // The rules still come first: another room is refused as such, with or without media.
    expect((await tokenFor(m, m.ana, m.rooms[1])).status).toBe(403);
  });

  it('given the OpenAPI document, then it lists the breakout token, reconcile and webhook paths', async () => {
    m = await breakoutMeeting({ livekit: false, start: false });
    const doc = await m.app.api().get('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/engagements/{id}/breakouts/{roomId}/token',
        '/api/engagements/{id}/breakouts/reconcile',
        '/api/livekit/webhook',
      ]),
    );
    expect(doc.body.components.schemas.BreakoutJoin).toBeDefined();
  });
});
