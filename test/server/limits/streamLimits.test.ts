import { afterEach, describe, expect, it } from 'vitest';
import { TOO_MANY_STREAMS_RETRY_MS } from '../../../server/engagements/liveHub.js';
import { openSse, type SseConnection } from '../../support/sseClient.js';
import { openLimitsMeeting, type LimitsMeeting } from './limitsMeeting.js';

// LIMIT-5 over real HTTP: streams per person per engagement (the oldest ends), per instance (503), and a
// participant whose standing changes loses their streams at once.

let meeting: LimitsMeeting | undefined;
const connections: SseConnection[] = [];
afterEach(async () => {
  for (const c of connections.splice(0)) c.close();
  await meeting?.app.close();
  meeting = undefined;
});

const open = async (token: string) => {
  const conn = await openSse(`${meeting!.app.baseUrl}/api/engagements/${meeting!.engagementId}/stream`, { token });
  connections.push(conn);
  return conn;
};
const endOf = (conn: SseConnection) => conn.messages.find((m) => m.event === 'end');

describe('live stream limits (LIMIT-5)', () => {
  it('LIMIT-5: given a stakeholder with 5 open streams, when they open a 6th, then the first ends with a retry hint and the 6 never all stay open', async () => {
    meeting = await openLimitsMeeting({ STREAMS_PER_PARTICIPANT: '5', STREAMS_PER_STAFF: '20' });
    const { token } = meeting.stakeholders[0];
    const streams: SseConnection[] = [];
    for (let i = 0; i < 5; i++) {
      const conn = await open(token);
      await conn.waitFor((m) => m.event === 'snapshot');
      streams.push(conn);
    }
    expect(meeting.app.engagements.subscriberCount(meeting.engagementId)).toBe(5);
    const sixth = await open(token);
    await sixth.waitFor((m) => m.event === 'snapshot');

    await streams[0].ended;
    expect(endOf(streams[0])?.json()).toEqual({ reason: 'too-many-streams', retryMs: TOO_MANY_STREAMS_RETRY_MS });
    expect(streams[0].retries).toContain(TOO_MANY_STREAMS_RETRY_MS);
    for (const conn of streams.slice(1)) expect(endOf(conn)).toBeUndefined();
    expect(meeting.app.engagements.subscriberCount(meeting.engagementId)).toBe(5);
  });

  it('LIMIT-5: given the Chair, then their larger limit applies (6 streams stay open with STREAMS_PER_STAFF 20)', async () => {
    meeting = await openLimitsMeeting({ STREAMS_PER_PARTICIPANT: '2', STREAMS_PER_STAFF: '20' }, 0);
    const streams: SseConnection[] = [];
    for (let i = 0; i < 6; i++) {
      const conn = await open(meeting.chairToken);
      await conn.waitFor((m) => m.event === 'snapshot');
      streams.push(conn);
    }
    expect(meeting.app.engagements.subscriberCount(meeting.engagementId)).toBe(6);
    for (const conn of streams) expect(endOf(conn)).toBeUndefined();
  });

  it('LIMIT-5: given the instance at STREAMS_PER_INSTANCE, when one more stream opens, then it is 503 SERVER_BUSY with Retry-After', async () => {
    meeting = await openLimitsMeeting({ STREAMS_PER_INSTANCE: '2' });
    for (let i = 0; i < 2; i++) await (await open(meeting.chairToken)).waitFor((m) => m.event === 'snapshot');
    const refused = await open(meeting.stakeholders[0].token);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.errorBody!)).toMatchObject({ code: 'SERVER_BUSY', status: 503 });
  });

  it("LIMIT-5: given a stakeholder's open streams, when the Chair changes their role, then every one of them ends at once with a retry hint", async () => {
    meeting = await openLimitsMeeting({});
    const { token, participantId } = meeting.stakeholders[0];
    const streams = [await open(token), await open(token)];
    for (const conn of streams) await conn.waitFor((m) => m.event === 'snapshot');
    const changed = await meeting.chair.command(meeting.engagementId, { type: 'participant.setRole', participantId, role: 'observer' });
    expect(changed.status).toBe(200);
    for (const conn of streams) {
      await conn.ended;
      expect(endOf(conn)?.json()).toMatchObject({ reason: 'standing-changed' });
      expect(conn.retries.length).toBeGreaterThan(0);
    }
    const again = await open(token);
    expect((await again.waitFor((m) => m.event === 'snapshot')).json().me).toMatchObject({ role: 'observer' });
  });

  it('LIMIT-5: given a pending registrant with an open stream, when the Chair declines them, then the stream ends at once with a retry hint', async () => {
    meeting = await openLimitsMeeting({}, 0);
    const token = await meeting.app.signIn('Pending Person');
    const registered = await meeting.app
      .api(token)
      .command(meeting.engagementId, { type: 'participant.register', organization: 'Late NGO', category: 'ngo' });
    expect(registered.status).toBe(200);
    const conn = await open(token);
    await conn.waitFor((m) => m.event === 'snapshot');
    const participantId = registered.body.events[0].participant.id as string;
    expect((await meeting.chair.command(meeting.engagementId, { type: 'participant.decline', participantId })).status).toBe(200);
    await conn.ended;
    expect(endOf(conn)?.json()).toMatchObject({ reason: 'standing-changed' });
  });
});
