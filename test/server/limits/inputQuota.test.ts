import { afterEach, describe, expect, it } from 'vitest';
import { openLimitsMeeting, type LimitsMeeting } from './limitsMeeting.js';

// LIMIT-3 over real HTTP: the written-input quota, its 409, and what the views say is left.

let meeting: LimitsMeeting | undefined;
afterEach(async () => {
  await meeting?.app.close();
  meeting = undefined;
});

const submit = (i: number) => ({ type: 'input.submit', title: `Input ${i}`, text: `Written input number ${i}.` });

describe('the written-input quota over HTTP (LIMIT-3)', () => {
  it("LIMIT-3: given a quota of 3, when a stakeholder reaches it, then the next input is 409 naming LIMIT-3, the view says 0 left, and the Chair's inputs are unaffected", async () => {
    meeting = await openLimitsMeeting({ INPUTS_PER_PARTICIPANT: '3' });
    const { api } = meeting.stakeholders[0];
    const id = meeting.engagementId;
    expect((await api.get(`/api/engagements/${id}`)).body.me).toMatchObject({ inputQuota: 3, inputsLeft: 3 });
    for (let i = 0; i < 3; i++) expect((await api.command(id, submit(i))).status).toBe(200);

    const refused = await api.command(id, submit(3));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'LIMIT-3' });
    expect(refused.body.detail).toContain('the 3 written inputs one participant may submit');
    expect((await api.get(`/api/engagements/${id}`)).body.me).toMatchObject({ inputQuota: 3, inputsLeft: 0 });

    for (let i = 0; i < 5; i++) expect((await meeting.chair.command(id, submit(10 + i))).status).toBe(200);
    expect((await meeting.chair.get(`/api/engagements/${id}`)).body.me).toMatchObject({ inputQuota: null, inputsLeft: null });
  });
});
