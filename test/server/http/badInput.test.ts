import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';

// Every refusal is application/problem+json with a stable code, names the field and the reason, and
// changes nothing: the engagement's version is the same afterwards.

describe('refused requests', () => {
  let app: TestApp<FakeClock>;
  let chair: string;
  let engagementId: string;

  beforeAll(async () => {
    app = await createTestApp();
    chair = await app.signIn('Refusal Chair');
    const created = await app.api(chair).post('/api/engagements', { title: 'Refusals', plannedMinutes: 60 });
    expect(created.status).toBe(201);
    engagementId = created.body.id;
  });
  afterAll(() => app?.close());

  const version = async () => (await app.api(chair).get(`/api/engagements/${engagementId}`)).body.version as number;
  const commandsUrl = () => `/api/engagements/${engagementId}/commands`;

  const expectProblem = (res: { status: number; contentType: string; body: any }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  };

  it('given a created engagement, when reading it, then it carries version and serverNow', async () => {
    const res = await app.api(chair).get(`/api/engagements/${engagementId}`);
    expect(res.status).toBe(200);
    expect(res.body.version).toBeGreaterThanOrEqual(1);
    expect(res.body.serverNow).toBe(app.clock.now().toISOString());
  });

  it('given malformed JSON, then 400 INVALID_INPUT and nothing changes', async () => {
    const before = await version();
    const res = await app.api(chair).post(commandsUrl(), '{"type": "question.add", "text": ');
    expectProblem(res, 400, 'INVALID_INPUT');
    expect(res.body.detail).toMatch(/not valid JSON/);
    expect(await version()).toBe(before);
  });

  it('given an unknown command type, then 400 naming `type`', async () => {
    const before = await version();
    const res = await app.api(chair).command(engagementId, { type: 'floor.teleport' });
    expectProblem(res, 400, 'INVALID_INPUT');
    expect(res.body.issues[0].path).toBe('type');
    expect(res.body.issues[0].message).toMatch(/Unknown command type "floor.teleport"/);
    expect(await version()).toBe(before);
  });

  it('given a missing field, then 400 whose issue names the field and the reason', async () => {
    const before = await version();
    const res = await app.api(chair).command(engagementId, { type: 'question.add' });
    expectProblem(res, 400, 'INVALID_INPUT');
    expect(res.body.issues[0]).toEqual({ path: 'text', message: 'Invalid input: expected string, received undefined' });
    expect(res.body.detail).toBe('question.add: text: Invalid input: expected string, received undefined');
    expect(await version()).toBe(before);
  });

  it('given a number out of range, then the detail reads `<type>: <field>: <reason>`', async () => {
    const res = await app.api(chair).command(engagementId, { type: 'floor.extend', seconds: 0 });
    expectProblem(res, 400, 'INVALID_INPUT');
    expect(res.body.detail).toBe('floor.extend: seconds: Too small: expected number to be >=1');
  });

  it('given an unknown field, then 400 (no silent mass assignment)', async () => {
    const res = await app.api(chair).command(engagementId, { type: 'engagement.open', status: 'live' });
    expectProblem(res, 400, 'INVALID_INPUT');
    expect(res.body.issues[0].message).toMatch(/Unrecognized key/);
  });

  it('given a bad envelope (expectedVersion not a number), then 400 naming it', async () => {
    const res = await app.api(chair).command(engagementId, { type: 'engagement.open', expectedVersion: 'latest' });
    expectProblem(res, 400, 'INVALID_INPUT');
    expect(res.body.issues[0].path).toBe('expectedVersion');
  });

  for (const type of ['floor.recordOverrun', 'invitation.redeem', 'invitation.create', 'engagement.create']) {
    it(`AUTH-1: given the internal command ${type}, when sent to POST /commands, then 403 and nothing changes`, async () => {
      const before = await version();
      const res = await app
        .api(chair)
        .command(engagementId, { type, requestId: 'r1', invitationId: 'i1', userId: 'u', displayName: 'X', title: 'T' });
      expectProblem(res, 403, 'FORBIDDEN');
      expect(await version()).toBe(before);
    });
  }

  it('AUTH-1: given someone who is not staff, when they open the engagement, then 403 FORBIDDEN and nothing changes', async () => {
    const stranger = await app.signIn('Stranger');
    const before = await version();
    const res = await app.api(stranger).command(engagementId, { type: 'engagement.open' });
    expectProblem(res, 403, 'FORBIDDEN');
    expect(await version()).toBe(before);
  });

  it('given an unknown engagement, then 404 for reading, commands and the stream', async () => {
    expectProblem(await app.api(chair).get('/api/engagements/no-such-engagement'), 404, 'NOT_FOUND');
    expectProblem(await app.api(chair).command('no-such-engagement', { type: 'engagement.open' }), 404, 'NOT_FOUND');
    expectProblem(await app.api(chair).get('/api/engagements/no-such-engagement/stream'), 404, 'NOT_FOUND');
    expectProblem(await app.api(chair).get(`/api/engagements/${'x'.repeat(500)}`), 404, 'NOT_FOUND');
  });

  it('given a body over the 256 kB limit, then 413 PAYLOAD_TOO_LARGE and nothing changes', async () => {
    const before = await version();
    const res = await app.api(chair).command(engagementId, { type: 'question.add', text: 'x'.repeat(300 * 1024) });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(await version()).toBe(before);
  });

  it('given a form post instead of JSON, then 415 UNSUPPORTED_MEDIA_TYPE and nothing changes', async () => {
    const before = await version();
    const res = await app.api(chair).post(commandsUrl(), 'type=engagement.open', { 'content-type': 'application/x-www-form-urlencoded' });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await version()).toBe(before);
  });

  it('given no token, a malformed header or a forged token, then 401 UNAUTHENTICATED with WWW-Authenticate', async () => {
    const before = await version();
    const none = await app.api().command(engagementId, { type: 'engagement.open' });
    expectProblem(none, 401, 'UNAUTHENTICATED');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectProblem(
      await app.api().post(commandsUrl(), { type: 'engagement.open' }, { authorization: 'Basic YWRtaW46YWRtaW4=' }),
      401,
      'UNAUTHENTICATED',
    );
    const [h, p] = chair.split('.');
    const forged = `${h}.${p}.${Buffer.from('not the signature').toString('base64url')}`;
    expectProblem(await app.api(forged).command(engagementId, { type: 'engagement.open' }), 401, 'UNAUTHENTICATED');
    expectProblem(await app.api('garbage.garbage.garbage').get('/api/me'), 401, 'UNAUTHENTICATED');
    expect(await version()).toBe(before);
  });

  it('given a replan preview without a strategy, then 400 naming `strategy`', async () => {
    const res = await app.api(chair).get(`/api/engagements/${engagementId}/replan?minSeconds=5`);
    expectProblem(res, 400, 'INVALID_INPUT');
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['strategy', 'minSeconds']));
  });

  it('given an invalid engagement body, then 400 naming the field', async () => {
    const res = await app.api(chair).post('/api/engagements', { title: '' });
    expectProblem(res, 400, 'INVALID_INPUT');
    expect(res.body.issues[0].path).toBe('title');
    expect(res.body.detail).toMatch(/^engagement\.create: title: /);
  });

  it('given an expectedVersion that is behind, then 409 VERSION_CONFLICT and nothing changes', async () => {
    const before = await version();
    const res = await app.api(chair).command(engagementId, { type: 'question.add', text: 'Late?', expectedVersion: before - 1 });
    expectProblem(res, 409, 'VERSION_CONFLICT');
    expect(await version()).toBe(before);
  });

  it('given a command that breaks a rule, then 409 RULE_VIOLATION naming the rule', async () => {
    const res = await app.api(chair).command(engagementId, { type: 'engagement.start' });
    expectProblem(res, 409, 'RULE_VIOLATION');
    expect(res.body.rule).toBe('LIFE-2');
  });
});
