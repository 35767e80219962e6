// An open engagement over real HTTP for the limit tests: a Chair, and stakeholders who registered and were
// approved through the public write path. The limits under test are set through the environment.
import { expect } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';

export interface LimitsMeeting {
  app: TestApp<FakeClock>;
  engagementId: string;
  chair: ApiClient;
  chairToken: string;
  stakeholders: { api: ApiClient; token: string; participantId: string }[];
}

export async function openLimitsMeeting(env: Record<string, string>, stakeholders = 1): Promise<LimitsMeeting> {
  const app = await createTestApp({ env });
  const chairToken = await app.signIn('Limits Chair');
  const chair = app.api(chairToken);
  const created = await chair.post('/api/engagements', { title: 'A consultation with limits' });
  expect(created.status, created.text).toBe(201);
  const engagementId = created.body.id as string;
  expect((await chair.command(engagementId, { type: 'engagement.open' })).status).toBe(200);
  const people: LimitsMeeting['stakeholders'] = [];
  for (let i = 0; i < stakeholders; i++) {
    const token = await app.signIn(`Stakeholder ${i}`);
    const api = app.api(token);
    const registered = await api.command(engagementId, { type: 'participant.register', organization: `NGO ${i}`, category: 'ngo' });
    expect(registered.status, registered.text).toBe(200);
    const participantId = registered.body.events[0].participant.id as string;
    const approved = await chair.command(engagementId, { type: 'participant.approve', participantId });
    expect(approved.status, approved.text).toBe(200);
    people.push({ api, token, participantId });
  }
  return { app, engagementId, chair, chairToken, stakeholders: people };
}

export const versionOf = async (meeting: LimitsMeeting): Promise<number> =>
  (await meeting.chair.get(`/api/engagements/${meeting.engagementId}`)).body.version as number;
