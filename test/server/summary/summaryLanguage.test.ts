import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../../server/domain/commands.js';
import { summaryExtension } from '../../../server/http/summaryRoutes.js';
import { Summary } from '../../../server/summary/Summary.js';
import { createTestApp, type ApiClient, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';
import { command, download, join, openEngagement, type Person } from '../attachments/httpMeeting.js';

// LIFE-7 over real HTTP and real SQLite: the Chair writes the summary in French; anyone may read it in another
// of the six languages with `lang`; a published version stays the record it was and reads the same every time.

const WIRED = (COMMAND_TYPES as readonly string[]).includes('summary.publish');
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('the summary in the six languages over HTTP (LIFE-7)', () => {
  let app: TestApp<FakeClock>;
  let chair: ApiClient;
  let chairToken: string;
  let engagementId: string;
  let obs: Person;
  const summaryPath = (query: string) => `/api/engagements/${engagementId}/summary${query}`;

  beforeAll(async () => {
    app = await createTestApp({ extensions: [summaryExtension()] });
    ({ chair, chairToken, engagementId } = await openEngagement(app, 'Consultation sur le renforcement des capacités'));
    await command(chair, engagementId, { type: 'engagement.update', summaryLanguage: 'fr' });
    obs = await join(app, chair, engagementId, 'Ольга Петрова', 'observer');
    await join(app, chair, engagementId, 'مؤسسة الحوار الرقمي', 'stakeholder');
    const [added] = await command(chair, engagementId, {
      type: 'question.add',
      text: 'Comment rendre le renforcement des capacités opérationnel ?',
    });
    const questionId = (added.question as { id: string }).id;
    await command(chair, engagementId, { type: 'engagement.start' });
    await command(chair, engagementId, { type: 'question.open', questionId });
    await command(chair, engagementId, { type: 'engagement.end' });
  });
  afterAll(async () => app?.close());

  it('LIFE-7: given the Chair chose French, when the draft is asked for without lang, then it is written in French', async () => {
    const got = await app.api(chairToken).get(summaryPath('?format=md'));
    expect(got.status).toBe(200);
    expect(got.text).toContain('# Résumé de la présidence : Consultation sur le renforcement des capacités');
    expect(got.text).toContain('Le présent résumé est publié sous la seule responsabilité de la présidence.');
    const json = Summary.parse(JSON.parse((await app.api(chairToken).get(summaryPath('?format=json'))).text));
    expect(json.metadata.language).toBe('fr');
  });

  it('LIFE-7: given lang=ar, when the draft is asked for, then it is Arabic, right to left, and the file name says so', async () => {
    const got = await fetch(`${app.baseUrl}${summaryPath('?format=html&lang=ar')}`, { headers: { authorization: `Bearer ${chairToken}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toMatch(/-draft-ar\.html"?$/);
    const html = await got.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('موجز الرئيس');
  });

  it('LIFE-7: given a language outside the six, when asked for, then 400 names the lang parameter', async () => {
    const got = await app.api(chairToken).get(summaryPath('?format=md&lang=de'));
    expect(got.status).toBe(400);
    expect(got.text).toContain('lang');
  });

  it.skipIf(!WIRED)(
    'LIFE-7: given a published version, when read in each language twice, then the JSON is the published bytes and each rendering is identical both times',
    async () => {
      const published = await chair.post(summaryPath('/publish'));
      expect(published.status, published.text).toBe(201);
      for (const lang of ['ar', 'zh-Hans', 'en', 'fr', 'ru', 'es']) {
        const json = await download(app, obs.token, summaryPath(`?format=json&version=1&lang=${lang}`));
        expect(sha256(json.bytes)).toBe(published.body.contentHash);
        for (const format of ['md', 'pdf']) {
          const a = await download(app, obs.token, summaryPath(`?format=${format}&version=1&lang=${lang}`));
          app.clock.advance(60_000);
          const b = await download(app, obs.token, summaryPath(`?format=${format}&version=1&lang=${lang}`));
          expect(a.status, `${lang} ${format}`).toBe(200);
          expect(sha256(a.bytes), `${lang} ${format}`).toBe(sha256(b.bytes));
        }
      }
      // The record's paragraphs stay French whatever the words around them.
      const en = await download(app, obs.token, summaryPath('?format=md&version=1&lang=en'));
      expect(en.bytes.toString('utf8')).toContain("# Chair's summary: Consultation sur le renforcement des capacités");
      expect(en.bytes.toString('utf8')).toContain('Le présent résumé est publié sous la seule responsabilité de la présidence.');
    },
  );
});
