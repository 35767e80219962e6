import { afterEach, describe, expect, it } from 'vitest';
import { openLimitsMeeting, versionOf, type LimitsMeeting } from './limitsMeeting.js';

// LIMIT-1 over real HTTP: a participant's command bucket per engagement; staff never throttled.

let meeting: LimitsMeeting | undefined;
afterEach(async () => {
  await meeting?.app.close();
  meeting = undefined;
});

const submit = (i: number) => ({ type: 'input.submit', title: `Input ${i}`, text: `Written input number ${i}.` });

describe('the command rate limit (LIMIT-1)', () => {
  it('LIMIT-1: given a stakeholder, when they send 200 commands in one second, then at most the burst is accepted, the rest get 429 with Retry-After in plain words, and the version moves only by the accepted ones', async () => {
    meeting = await openLimitsMeeting({ COMMAND_BURST: '5', COMMAND_RATE_PER_SECOND: '1' });
    // The registration took one token of the stakeholder's bucket; a second later it is full again.
    meeting.app.clock.advance(10_000);
    const before = await versionOf(meeting);
    const { api } = meeting.stakeholders[0];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => api.command(meeting!.engagementId, submit(i))));

    const accepted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 429);
    expect(accepted.length).toBeLessThanOrEqual(5);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length + refused.length).toBe(200);
    for (const answer of refused) {
      expect(answer.contentType).toContain('application/problem+json');
      expect(answer.body).toMatchObject({
        status: 429,
        code: 'RATE_LIMITED',
        detail: 'You are sending requests too quickly; try again in 1 second.',
      });
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(await versionOf(meeting)).toBe(before + accepted.length);
  });

  it('LIMIT-1: given a stakeholder who emptied their bucket, when time passes, then they may send again at the refill rate', async () => {
    meeting = await openLimitsMeeting({ COMMAND_BURST: '2', COMMAND_RATE_PER_SECOND: '0.5' });
    meeting.app.clock.advance(10_000);
    const { api } = meeting.stakeholders[0];
    expect((await api.command(meeting.engagementId, submit(1))).status).toBe(200);
    expect((await api.command(meeting.engagementId, submit(2))).status).toBe(200);
    const refused = await api.command(meeting.engagementId, submit(3));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.body.detail).toBe('You are sending requests too quickly; try again in 2 seconds.');
    meeting.app.clock.advance(2_000);
    expect((await api.command(meeting.engagementId, submit(4))).status).toBe(200);
  });

  it('LIMIT-1: given the Chair, when they send 50 commands at once, then none is throttled', async () => {
    meeting = await openLimitsMeeting({ COMMAND_BURST: '1', COMMAND_RATE_PER_SECOND: '1' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        meeting!.chair.command(meeting!.engagementId, { type: 'note.add', text: `Note ${i}`, visibility: 'public' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 200));
  });

  it('LIMIT-1: given one stakeholder flooding, then another stakeholder still has their own bucket', async () => {
    meeting = await openLimitsMeeting({ COMMAND_BURST: '2', COMMAND_RATE_PER_SECOND: '1' }, 2);
    meeting.app.clock.advance(10_000);
    const [flooder, other] = meeting.stakeholders;
    await Promise.all(Array.from({ length: 20 }, (_, i) => flooder.api.command(meeting!.engagementId, submit(i))));
    expect((await flooder.api.command(meeting.engagementId, submit(99))).status).toBe(429);
    expect((await other.api.command(meeting.engagementId, submit(100))).status).toBe(200);
  });
});
