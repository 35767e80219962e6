import { afterEach, describe, expect, it } from 'vitest';
import { attachmentExtension } from '../../../server/http/attachmentRoutes.js';
import { createTestApp, type TestApp } from '../../support/createTestApp.js';
import { join, openEngagement, upload } from '../attachments/httpMeeting.js';

// LIMIT-4 over real HTTP: attachments per participant (409 naming the rule) and bytes per engagement (413).

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const text = (name: string, size: number) => ({ name, bytes: Buffer.from('x'.repeat(size)), type: 'text/plain' });

describe('the attachment quotas (LIMIT-4)', () => {
  it('LIMIT-4: given 2 attachments per participant, when a stakeholder uploads a 3rd, then it is 409 naming LIMIT-4, while the Chair and another stakeholder still upload', async () => {
    app = await createTestApp({ env: { ATTACHMENTS_PER_PARTICIPANT: '2' }, extensions: [attachmentExtension()] });
    const { chair, chairToken, engagementId } = await openEngagement(app);
    const ngo = await join(app, chair, engagementId, 'NGO Speaker', 'stakeholder');
    const other = await join(app, chair, engagementId, 'Other Speaker', 'stakeholder');
    for (const i of [1, 2]) expect((await upload(app, ngo.token, engagementId, text(`paper ${i}.txt`, 100))).status).toBe(201);

    const refused = await upload(app, ngo.token, engagementId, text('paper 3.txt', 100));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'LIMIT-4' });
    expect(refused.body.detail).toContain('the 2 attachments one participant may upload');
    expect((await upload(app, other.token, engagementId, text('theirs.txt', 100))).status).toBe(201);
    for (const i of [1, 2, 3]) expect((await upload(app, chairToken, engagementId, text(`chair ${i}.txt`, 100))).status).toBe(201);
  });

  it("LIMIT-4: given an engagement's attachments near their total, when a file does not fit, then it is 413 in plain words and a smaller one still fits", async () => {
    app = await createTestApp({ env: { ATTACHMENT_TOTAL_BYTES_PER_ENGAGEMENT: '4096' }, extensions: [attachmentExtension()] });
    const { chair, engagementId } = await openEngagement(app);
    const ngo = await join(app, chair, engagementId, 'NGO Speaker', 'stakeholder');
    expect((await upload(app, ngo.token, engagementId, text('big.txt', 3000))).status).toBe(201);
    const refused = await upload(app, ngo.token, engagementId, text('too much.txt', 2000));
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', rule: 'LIMIT-4' });
    expect(refused.body.detail).toContain('does not fit');
    expect((await upload(app, ngo.token, engagementId, text('small.txt', 1000))).status).toBe(201);
  });
});
