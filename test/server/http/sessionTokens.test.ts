import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../server/clock.js';
import { createSessionTokens, SESSION_TTL_SECONDS } from '../../../server/http/sessionTokens.js';

// Session tokens (AUTH): the verified-session cache must answer exactly what a fresh verify answers —
// the same session for the same token, a refusal once the token has expired, and never a hit for a
// token that differs from the verified one by a single character.

const key = new TextEncoder().encode('a test key of at least thirty-two bytes');
const user = { userId: 'dev:amina', displayName: 'Amina' };

function movableClock(start = Date.parse('2026-12-07T10:00:00Z')) {
  let now = start;
  const clock: Clock = { now: () => new Date(now), setTimer: () => ({ cancel: () => undefined }) };
  return { clock, advance: (ms: number) => (now += ms) };
}

describe('session tokens (AUTH)', () => {
  it('given a verified token, when it is verified again, then the same session comes back', async () => {
    const { clock } = movableClock();
    const tokens = createSessionTokens(key, clock);
    const { token } = await tokens.issue(user, { engagementId: 'e1', role: 'stakeholder' });
    const first = await tokens.verify(token);
    const second = await tokens.verify(token);
    expect(second).toEqual(first);
    expect(second.user).toEqual(user);
    expect(second.scope).toEqual({ engagementId: 'e1', role: 'stakeholder' });
  });

  it('given a verified token, when it has expired, then a second verify refuses it as the first would', async () => {
    const { clock, advance } = movableClock();
    const tokens = createSessionTokens(key, clock);
    const { token } = await tokens.issue(user);
    await tokens.verify(token);
    advance((SESSION_TTL_SECONDS + 6) * 1000);
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const fresh = createSessionTokens(key, clock);
    await expect(fresh.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('given a verified token, when one character of its signature changes, then it is refused', async () => {
    const { clock } = movableClock();
    const tokens = createSessionTokens(key, clock);
    const { token } = await tokens.issue(user);
    await tokens.verify(token);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    await expect(tokens.verify(tampered)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('given a token signed with another key, when verified, then it is refused', async () => {
    const { clock } = movableClock();
    const other = createSessionTokens(new TextEncoder().encode('another key, also thirty-two bytes long'), clock);
    const { token } = await other.issue(user);
    await expect(createSessionTokens(key, clock).verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
