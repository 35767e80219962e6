import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../faults/serverProcess.js';

// The server's logs are JSON lines with a request id per request, and no secret reaches them: not the bearer
// token, not an invitation code (the real server process at LOG_LEVEL=debug, its stdout captured).

const servers: ServerProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function call(server: ServerProcess, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.baseUrl + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, requestId: res.headers.get('x-request-id'), body: (await res.json()) as Record<string, any> };
}

describe('structured, redacted logs', { timeout: 60_000 }, () => {
  it('given a sign-in, a command and an invitation redeemed, when the log is read, then every line is JSON with a request id and no token or code', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'convene-logs-'));
    dirs.push(dataDir);
    const server = await startServerProcess(dataDir, { LOG_LEVEL: 'debug' });
    servers.push(server);
    const startUp = server.output().length;

    const signIn = await call(server, 'POST', '/api/auth/dev', { displayName: 'Chair Person' });
    const auth = { authorization: `Bearer ${signIn.body.token}` };
    const created = await call(
      server,
      'POST',
      '/api/engagements',
      { title: 'Logged consultation', theme: 'logs', plannedMinutes: 60, speakingSeconds: 180 },
      auth,
    );
    const id = created.body.id as string;
    const command = await call(
      server,
      'POST',
      `/api/engagements/${id}/commands`,
      { type: 'question.add', text: 'Is anything secret logged?' },
      auth,
    );
    const invitation = await call(
      server,
      'POST',
      `/api/engagements/${id}/invitations`,
      { role: 'stakeholder', displayName: 'Amina Diallo', organization: 'Org', category: 'ngo' },
      auth,
    );
    const redeemed = await call(
      server,
      'POST',
      '/api/auth/invitation',
      { code: invitation.body.code },
      { 'x-request-id': 'client-retry-42' },
    );
    // A refused redemption is logged (with its reason): its code must not be.
    const wrongCode = 'wrong-code-0123456789abcdef';
    const refused = await call(server, 'POST', '/api/auth/invitation', { code: wrongCode });
    const refusedAgain = await call(server, 'GET', `/api/me?code=${wrongCode}`, undefined, {
      authorization: 'Bearer not-a-valid-token-at-all',
    });
    expect([signIn.status, created.status, command.status, invitation.status, redeemed.status]).toEqual([200, 201, 200, 201, 200]);
    expect([refused.status, refusedAgain.status]).toEqual([401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 200)); // lets the last response lines reach stdout

    const secrets = [signIn.body.token, redeemed.body.token, invitation.body.code, wrongCode, 'not-a-valid-token-at-all'];
    const lines = server
      .output()
      .slice(startUp)
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry.requestId, line).toEqual(expect.any(String));
      for (const secret of secrets) expect(line).not.toContain(secret);
    }
    expect(lines.some((line) => line.includes('"requestId":"client-retry-42"'))).toBe(true);
    expect(lines.some((line) => line.includes('[redacted]'))).toBe(true);
    // The same id is on the response and in the problem body.
    expect(refused.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(refused.body.requestId).toBe(refused.requestId);
    expect(redeemed.requestId).toBe('client-retry-42');
  });

  it('given an insane X-Request-Id, when a request is made, then a fresh id replaces it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'convene-logs-'));
    dirs.push(dataDir);
    const server = await startServerProcess(dataDir, { LOG_LEVEL: 'silent' });
    servers.push(server);
    const res = await call(server, 'GET', '/api/me', undefined, { 'x-request-id': 'spaces and <script> are not an id' });
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.requestId).toBe(res.requestId);
  });
});
