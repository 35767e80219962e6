import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentExtension } from '../../../server/http/attachmentRoutes.js';
import { summaryExtension } from '../../../server/http/summaryRoutes.js';
import { Summary } from '../../../server/summary/Summary.js';
import { createTestApp, type ApiClient, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';
import { command, download, join, openEngagement, type Person } from '../attachments/httpMeeting.js';

// The summary's review cycle over real HTTP and real SQLite: a meeting runs and ends, the Chair downloads the
// draft, edits, circulates and publishes it twice; others try what they may not.

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('summary routes over HTTP', () => {
  let app: TestApp<FakeClock>;
  let chair: ApiClient;
  let chairToken: string;
  let engagementId: string;
  let questionId: string;
  let requestId: string;
  let del: Person;
  let ngo: Person;
  let obs: Person;
  let strangerToken: string;
  const summaryPath = (query: string) => `/api/engagements/${engagementId}/summary${query}`;

  beforeAll(async () => {
    app = await createTestApp({ extensions: [attachmentExtension(), summaryExtension()] });
    ({ chair, chairToken, engagementId } = await openEngagement(app, 'Capacity-building consultation'));
    del = await join(app, chair, engagementId, 'Delegation of Ruritania', 'delegation');
    ngo = await join(app, chair, engagementId, 'Civil Society Speaker', 'stakeholder');
    obs = await join(app, chair, engagementId, 'Quiet Observer', 'observer');
    strangerToken = await app.signIn('A Stranger');
    const [added] = await command(chair, engagementId, {
      type: 'question.add',
      text: 'How can capacity-building be made implementation-oriented?',
    });
    questionId = (added.question as { id: string }).id;
    await command(chair, engagementId, { type: 'engagement.start' });
    await command(chair, engagementId, { type: 'question.open', questionId });
    const [requested] = await command(ngo.api, engagementId, { type: 'floor.request', questionId });
    requestId = requested.requestId as string;
    await command(chair, engagementId, { type: 'floor.give', requestId });
    await command(chair, engagementId, { type: 'floor.end' });
    await command(chair, engagementId, {
      type: 'note.add',
      questionId,
      text: 'Several participants called for regional hubs.',
      visibility: 'public',
    });
    await command(chair, engagementId, { type: 'engagement.end' });
  });
  afterAll(async () => app?.close());

  it('SUMMARY-VIEW-1: given an ended meeting, when the Chair asks for the draft in each format, then each is a file named as a draft', async () => {
    for (const format of ['md', 'html', 'docx', 'pdf', 'json', 'csv']) {
      const got = await fetch(`${app.baseUrl}${summaryPath(`?format=${format}`)}`, { headers: { authorization: `Bearer ${chairToken}` } });
      expect(got.status, format).toBe(200);
      expect(got.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="?chairs-summary-capacity-building-consultation-draft\\.${format}"?$`),
      );
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      const body = Buffer.from(await got.arrayBuffer());
      if (format === 'json') {
        const summary = Summary.parse(JSON.parse(body.toString('utf8')));
        expect(summary.metadata).toMatchObject({ status: 'draft', version: null, attributive: false });
        expect(summary.questions[0].paragraphs.map((p) => p.text).join(' ')).toMatch(/regional hubs/);
      }
      expect(body.length, format).toBeGreaterThan(100);
    }
  });

  it('SUMMARY-VIEW-1: given staff, the attributive annex is there on request; given a stakeholder, asking for it is 403', async () => {
    const got = await fetch(`${app.baseUrl}${summaryPath('?format=json&attributive=1')}`, {
      headers: { authorization: `Bearer ${chairToken}` },
    });
    expect(got.status).toBe(200);
    expect(Summary.parse(await got.json()).annexes.attributive).not.toBeNull();
    expect((await app.api(ngo.token).get(summaryPath('?format=json&attributive=1'))).status).toBe(403);
  });

  it('SUMMARY-8: given a stakeholder, when they publish, then 403 and no version exists', async () => {
    const res = await app.api(ngo.token).post(summaryPath('/publish'));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await app.api(del.token).post(summaryPath('/publish'))).status).toBe(403);
    expect((await app.api(obs.token).get(summaryPath('/versions'))).body).toEqual([]);
  });

  it('SUMMARY-VIEW-4/5: before anything is published a member gets 404 with the reason; a stranger gets 403', async () => {
    const res = await app.api(obs.token).get(summaryPath('?format=md'));
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe('No version of the summary has been published yet.');
    expect((await app.api(strangerToken).get(summaryPath('?format=md'))).status).toBe(403);
    expect((await app.api(strangerToken).get(summaryPath('/versions'))).status).toBe(403);
    expect((await app.api(obs.token).get(summaryPath('?format=exe'))).status).toBe(400);
  });

  describe('the cycle through the write path', () => {
    it('SUMMARY-1: given a delegation, when it edits a paragraph through POST /commands, then 403', async () => {
      const res = await del.api.command(engagementId, { type: 'summary.editParagraph', paragraphKey: 'opening:2', text: 'Ours.' });
      expect(res.status).toBe(403);
      expect((await chair.command(engagementId, { type: 'summary.publish', content: '{}', contentHash: sha256('{}') })).status).toBe(403);
    });

    it('SUMMARY-8/9: given an edited, circulated draft, when the Chair publishes twice, then versions 1 and 2 exist and version 1 never changes, bytes and hash', async () => {
      const paragraphKey = `question:${questionId}:2`;
      expect(
        (
          await chair.command(engagementId, {
            type: 'summary.editParagraph',
            paragraphKey,
            text: 'Many participants called for regional hubs.',
          })
        ).status,
      ).toBe(200);
      const reviewUntil = new Date(app.clock.now().getTime() + 7 * 86_400_000).toISOString();
      expect((await chair.command(engagementId, { type: 'summary.circulate', reviewUntil })).status).toBe(200);

      // The delegation reviews the circulated draft, with the Chair's wording, and asks for a correction.
      const draft = await app.api(del.token).get(summaryPath('?format=md'));
      expect(draft.status).toBe(200);
      expect(draft.text).toContain('Many participants called for regional hubs.');
      // SUMMARY-VIEW-2: every reader of the draft gets the same document, built from the Chair's view (a
      // reviewer's own view would count only their own breakout room, and no attendance).
      const asReviewer = await app.api(del.token).get(summaryPath('?format=json'));
      const asChair = await app.api(chairToken).get(summaryPath('?format=json'));
      expect(asReviewer.text).toBe(asChair.text);
      expect(
        (await del.api.command(engagementId, { type: 'summary.requestCorrection', paragraphKey, text: 'Say "several".' })).status,
      ).toBe(200);
      expect((await app.api(obs.token).get(summaryPath('?format=md'))).status).toBe(404);

      const first = await chair.post(summaryPath('/publish'));
      expect(first.status, first.text).toBe(201);
      expect(first.body).toEqual({ version: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const v1 = await download(app, obs.token, summaryPath('?format=json&version=1'));
      expect(v1.status).toBe(200);
      expect(sha256(v1.bytes)).toBe(first.body.contentHash);
      expect(v1.headers.get('x-summary-content-hash')).toBe(first.body.contentHash);
      expect(JSON.parse(v1.bytes.toString('utf8')).metadata).toMatchObject({ status: 'published', version: 1 });

      expect(
        (
          await chair.command(engagementId, {
            type: 'summary.editParagraph',
            paragraphKey,
            text: 'Several participants called for regional hubs.',
          })
        ).status,
      ).toBe(200);
      app.clock.advance(3_600_000);
      const second = await chair.post(summaryPath('/publish'));
      expect(second.status, second.text).toBe(201);
      expect(second.body.version).toBe(2);
      expect(second.body.contentHash).not.toBe(first.body.contentHash);

      const again = await download(app, ngo.token, summaryPath('?format=json&version=1'));
      expect(again.bytes.equals(v1.bytes)).toBe(true);
      const versions = await app.api(obs.token).get(summaryPath('/versions'));
      expect(versions.body).toEqual([
        { version: 1, publishedAt: expect.any(String), contentHash: first.body.contentHash },
        { version: 2, publishedAt: expect.any(String), contentHash: second.body.contentHash },
      ]);
      const latest = await app.api(obs.token).get(summaryPath('?format=md'));
      expect(latest.headers.get('content-disposition')).toMatch(/-v2\.md/);
      expect(latest.text).toContain('Several participants called for regional hubs.');
      const pdf = await download(app, obs.token, summaryPath('?format=pdf&version=1'));
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });
});
