import { expect } from 'vitest';
import type { ApiClient, TestApp } from '../../support/createTestApp.js';

// A real engagement over HTTP for the attachment and summary route tests: the Chair creates and opens it,
// people sign in (dev sign-in), register and are approved through POST /commands.

export interface Person {
  token: string;
  api: ApiClient;
  participantId: string;
}

export async function command(
  api: ApiClient,
  engagementId: string,
  body: Record<string, unknown>,
): Promise<{ type: string; [k: string]: unknown }[]> {
  const res = await api.command(engagementId, body);
  expect(res.status, `${String(body.type)}: ${res.text}`).toBe(200);
  return res.body.events;
}

export async function openEngagement(
  app: TestApp,
  title = 'Informal consultation on capacity-building',
): Promise<{ chair: ApiClient; chairToken: string; engagementId: string }> {
  const chairToken = await app.signIn('The Chair');
  const chair = app.api(chairToken);
  const created = await chair.post('/api/engagements', { title, plannedMinutes: 60, speakingSeconds: 180 });
  expect(created.status, created.text).toBe(201);
  const engagementId = created.body.id as string;
  await command(chair, engagementId, { type: 'engagement.open' });
  return { chair, chairToken, engagementId };
}

/** Signs `name` in, registers them and, unless `approve` is false, approves them with `role`. */
export async function join(
  app: TestApp,
  chair: ApiClient,
  engagementId: string,
  name: string,
  role: 'secretariat' | 'delegation' | 'stakeholder' | 'observer',
  approve = true,
): Promise<Person> {
  const token = await app.signIn(name);
  const api = app.api(token);
  const category = role === 'delegation' ? 'member-state' : role === 'secretariat' ? 'other' : 'ngo';
  const [registered] = await command(api, engagementId, { type: 'participant.register', organization: `${name} organisation`, category });
  const participantId = (registered.participant as { id: string }).id;
  if (approve) await command(chair, engagementId, { type: 'participant.approve', participantId, role });
  return { token, api, participantId };
}

/** POST a multipart body with one file, as a browser form would. */
export async function upload(
  app: TestApp,
  token: string | null,
  engagementId: string,
  file: { name: string; bytes: Uint8Array },
  field = 'file',
) {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(file.bytes)]), file.name);
  const response = await fetch(`${app.baseUrl}/api/engagements/${engagementId}/attachments`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text,
  };
}

export async function download(app: TestApp, token: string, path: string) {
  const response = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
