import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch } from '../../plugin/src/api/http.js';
import { ApiError } from '../../plugin/src/api/problem.js';
import { sendCommand } from '../../plugin/src/api/sendCommand.js';
import { CommandResultResponse } from '../../server/domain/wireContract.js';

// The tab's one HTTP edge parses every answer with the wire contract's zod schemas (never `as T`): an answer
// that does not match is an ApiError that says so in words, which every surface shows in its error bar.
// Only the network is stood in for (fetch); the code under test is the tab's own.

const answer = (status: number, body: string, type = 'application/json') =>
  vi.fn(async () => new Response(body, { status, headers: { 'content-type': type } }));

afterEach(() => vi.unstubAllGlobals());

describe('the tab’s HTTP edge', () => {
  it('given a command answer that matches the contract, when it is read, then the parsed result is returned', async () => {
    vi.stubGlobal(
      'fetch',
      answer(200, JSON.stringify({ version: 3, events: [{ version: 3, type: 'floor.given', at: '2026-12-07T10:00:00.000Z' }] })),
    );
    const result = await sendCommand('e1', { type: 'floor.give' });
    expect(result.version).toBe(3);
    expect(result.events[0]?.type).toBe('floor.given');
  });

  it('given an answer missing a field of the contract, when it is read, then an ApiError names where it went wrong', async () => {
    vi.stubGlobal('fetch', answer(200, JSON.stringify({ events: [] })));
    const failure = await apiFetch('/api/engagements/e1/commands', CommandResultResponse, { body: {} }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('MALFORMED_RESPONSE');
    expect((failure as ApiError).message).toContain('The server’s answer could not be read (version)');
  });

  it('given an answer that is not JSON at all, when it is read, then it is an ApiError too, not a SyntaxError', async () => {
    vi.stubGlobal('fetch', answer(200, '<html>proxy page</html>', 'text/html'));
    const failure = await sendCommand('e1', { type: 'floor.give' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('MALFORMED_RESPONSE');
  });

  it('given a problem+json error, when it is read, then its fields are kept and the HTTP status wins', async () => {
    vi.stubGlobal(
      'fetch',
      answer(
        409,
        JSON.stringify({ status: 200, code: 'RULE_VIOLATION', detail: 'Someone already has the floor.', rule: 'FLOOR-2' }),
        'application/problem+json',
      ),
    );
    const failure = (await sendCommand('e1', { type: 'floor.give' }).catch((e: unknown) => e)) as ApiError;
    expect(failure.status).toBe(409);
    expect(failure.problem.rule).toBe('FLOOR-2');
    expect(failure.message).toContain('Someone already has the floor.');
  });
});
