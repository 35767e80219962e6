import { expect } from 'vitest';
import { systemClock } from '../../../server/clock.js';
import { breakoutExtension } from '../../../server/http/breakoutRoutes.js';
import { livekitWebhookExtension } from '../../../server/http/livekitWebhookRoute.js';
import { createLiveKitAdapter } from '../../../server/integrations/livekit.js';
import { startLiveKitDouble, type LiveKitDouble } from '../../fakes/livekitServerDouble.js';
import { createTestApp, type ApiClient, type TestApp } from '../../support/createTestApp.js';

// A live engagement over real HTTP (real SQLite, the real app on port 0) with a running manual breakout
// round, wired as main.ts wires it: both breakout extensions.
// With `livekit`, the protocol-faithful LiveKit double stands in for the media server and posts its signed
// webhooks to the app. The system clock is used because LiveKit's tokens are checked against real time.

export const API_KEY = 'convene-breakouts-http-key';
export const API_SECRET = 'convene-breakouts-http-secret-long-enough';

export interface Person {
  token: string;
  api: ApiClient;
  participantId: string;
}

export interface BreakoutMeeting {
  app: TestApp;
  double: LiveKitDouble | null;
  engagementId: string;
  roundId: string;
  /** Room ids by index (1-based): ana and obs in room 1, ben and stan in room 2. */
  rooms: [string, string];
  roomNames: [string, string];
  chair: Person;
  ana: Person;
  ben: Person;
  obs: Person;
  stan: Person;
  close(): Promise<void>;
}

export async function command(
  api: ApiClient,
  engagementId: string,
  body: Record<string, unknown>,
): Promise<Array<{ type: string; [k: string]: unknown }>> {
  const res = await api.command(engagementId, body);
  expect(res.status, `${String(body.type)}: ${res.text}`).toBe(200);
  return res.body.events;
}

export async function breakoutMeeting(options: { livekit: boolean; start?: boolean }): Promise<BreakoutMeeting> {
  const double = options.livekit ? await startLiveKitDouble({ apiKey: API_KEY, apiSecret: API_SECRET }) : null;
  const app = await createTestApp({
    clock: systemClock,
    env: double ? { LIVEKIT_URL: double.url, LIVEKIT_API_KEY: API_KEY, LIVEKIT_API_SECRET: API_SECRET } : {},
    extensions: [breakoutExtension(), livekitWebhookExtension()],
  });
  double?.setWebhookUrl(`${app.baseUrl}/api/livekit/webhook`);

  const chairToken = await app.signIn('The Chair');
  const chairApi = app.api(chairToken);
  const created = await chairApi.post('/api/engagements', { title: 'Informal consultation on capacity-building', plannedMinutes: 90 });
  expect(created.status, created.text).toBe(201);
  const engagementId = created.body.id as string;
  const chairId = Object.values(created.body.participants as Record<string, { id: string }>)[0].id;
  await command(chairApi, engagementId, { type: 'engagement.open' });

  const person = async (name: string, role: 'stakeholder' | 'delegation' | 'observer'): Promise<Person> => {
    const token = await app.signIn(name);
    const api = app.api(token);
    const [registered] = await command(api, engagementId, {
      type: 'participant.register',
      organization: `${name} organisation`,
      category: role === 'delegation' ? 'member-state' : 'ngo',
    });
    const participantId = (registered.participant as { id: string }).id;
    await command(chairApi, engagementId, { type: 'participant.approve', participantId, role });
    return { token, api, participantId };
  };
  const ana = await person('Ana', 'stakeholder');
  const ben = await person('Ben', 'delegation');
  const obs = await person('Obi', 'observer');
  const stan = await person('Stan', 'stakeholder');
  await command(chairApi, engagementId, { type: 'engagement.start' });

  const [planned] = await command(chairApi, engagementId, {
    type: 'breakouts.plan',
    mode: 'manual',
    durationMinutes: 20,
    rooms: [
      { theme: 'Capacity-building needs', capacity: 4 },
      { theme: 'Public-private partnerships', capacity: 4 },
    ],
  });
  const roundId = planned.roundId as string;
  const rooms = (planned.rooms as Array<{ id: string }>).map((r) => r.id) as [string, string];
  for (const [who, room] of [
    [ana, rooms[0]],
    [obs, rooms[0]],
    [ben, rooms[1]],
    [stan, rooms[1]],
  ] as const) {
    await command(chairApi, engagementId, { type: 'breakouts.assign', roundId, participantId: who.participantId, roomId: room });
  }
  const roomNames: [string, string] = [`breakout-${roundId}-1`, `breakout-${roundId}-2`];
  if (options.start !== false) {
    await command(chairApi, engagementId, { type: 'breakouts.start', roundId });
    if (double) {
      // What the lead's start hook will do (BREAKOUT-21): open the rooms, so that a join's webhooks are its own.
      const adapter = createLiveKitAdapter({ url: double.url, apiKey: API_KEY, apiSecret: API_SECRET });
      for (const name of roomNames)
        await adapter.createRoom({ name, emptyTimeout: 25 * 60, departureTimeout: 120, maxParticipants: 9, metadata: '{}' });
      await double.settleWebhooks();
    }
  }

  return {
    app,
    double,
    engagementId,
    roundId,
    rooms,
    roomNames,
    chair: { token: chairToken, api: chairApi, participantId: chairId },
    ana,
    ben,
    obs,
    stan,
    async close() {
      await double?.close();
      await app.close();
    },
  };
}

/** POST /api/engagements/:id/breakouts/:roomId/token as `who`. */
export const tokenFor = (m: BreakoutMeeting, who: Person, roomId: string) =>
  who.api.post(`/api/engagements/${m.engagementId}/breakouts/${roomId}/token`);
