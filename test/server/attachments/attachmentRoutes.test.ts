import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentExtension } from '../../../server/http/attachmentRoutes.js';
import { createTestApp, type ApiClient, type TestApp } from '../../support/createTestApp.js';
import { docxBytes, elfBytes, odtBytes, pdfBytes, peBytes } from './documents.js';
import { download, join, openEngagement, upload, type Person } from './httpMeeting.js';

// POST/GET /api/engagements/:id/attachments over real HTTP, real files in a temporary DATA_DIR.

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const LIMIT = 64 * 1024;

describe('attachments over HTTP', () => {
  let app: TestApp;
  let chairToken: string;
  let engagementId: string;
  let ngo: Person;
  let observer: Person;
  let pending: Person;
  let strangerToken: string;
  let chair: ApiClient;

  beforeAll(async () => {
    app = await createTestApp({ env: { ATTACHMENT_MAX_BYTES: String(LIMIT) }, extensions: [attachmentExtension()] });
    ({ chair, chairToken, engagementId } = await openEngagement(app));
    ngo = await join(app, chair, engagementId, 'NGO Speaker', 'stakeholder');
    observer = await join(app, chair, engagementId, 'An Observer', 'observer');
    pending = await join(app, chair, engagementId, 'Not Yet Approved', 'stakeholder', false);
    strangerToken = await app.signIn('A Stranger');
  });
  afterAll(async () => app?.close());

  it('given an approved stakeholder, when they upload a PDF, DOCX, ODT, TXT and MD, then each is 201 with its sha256, and a member downloads the same bytes as an attachment', async () => {
    const files = [
      { name: 'concept paper.pdf', bytes: await pdfBytes(), type: 'application/pdf' },
      { name: 'input.docx', bytes: await docxBytes(), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { name: 'input.odt', bytes: await odtBytes(), type: 'application/vnd.oasis.opendocument.text' },
      { name: 'statement.txt', bytes: Buffer.from('Our statement, in writing.\n'), type: 'text/plain' },
      { name: 'مقترح.md', bytes: Buffer.from('# مقترح\n\nنص.\n'), type: 'text/markdown' },
    ];
    for (const file of files) {
      const res = await upload(app, ngo.token, engagementId, file);
      expect(res.status, `${file.name}: ${res.text}`).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        filename: file.name,
        size: file.bytes.length,
        sha256: sha256(file.bytes),
        contentType: file.type,
      });

      const got = await download(app, observer.token, `/api/engagements/${engagementId}/attachments/${res.body.id}`);
      expect(got.status).toBe(200);
      expect(sha256(got.bytes)).toBe(res.body.sha256);
      expect(got.headers.get('content-type')).toContain(file.type);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      const disposition = got.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment;/);
      // ASCII names are quoted as they are; others travel RFC 5987-encoded (with an ASCII fallback).
      if (/^[\x20-\x7e]*$/.test(file.name)) expect(disposition.replace(/"/g, '')).toContain(`filename=${file.name}`);
      else expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(file.name)}`);
    }
  });

  it('given an ELF or PE executable renamed .pdf, when uploaded, then 415 with the plain message', async () => {
    const elf = await upload(app, ngo.token, engagementId, { name: 'paper.pdf', bytes: elfBytes() });
    expect(elf.status).toBe(415);
    expect(elf.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(elf.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail:
        'This file is not a PDF, DOCX, ODT, TXT or Markdown document (it looks like a Linux program (ELF)). Save it in one of those formats and upload it again.',
    });
    const pe = await upload(app, ngo.token, engagementId, { name: 'paper.pdf', bytes: peBytes() });
    expect(pe.status).toBe(415);
    expect(pe.body.detail).toMatch(/it looks like a Windows program \(EXE\)/);
  });

  it('given a file over ATTACHMENT_MAX_BYTES, when uploaded, then 413 naming the limit in plain words', async () => {
    const res = await upload(app, ngo.token, engagementId, { name: 'long.txt', bytes: Buffer.alloc(LIMIT + 1, 0x61) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.body.detail).toMatch(/64 KB/);
  });

  it('given an observer, an applicant not yet approved, a stranger or no token, when they upload, then 403 / 401 and nothing is kept', async () => {
    const file = { name: 'a.txt', bytes: Buffer.from('hello') };
    const folder = joinPath(app.dataDir, 'attachments', engagementId);
    const kept = () => (existsSync(folder) ? readdirSync(folder).length : 0);
    const before = kept();
    expect((await upload(app, observer.token, engagementId, file)).status).toBe(403);
    expect((await upload(app, pending.token, engagementId, file)).status).toBe(403);
    expect((await upload(app, strangerToken, engagementId, file)).status).toBe(403);
    expect((await upload(app, null, engagementId, file)).status).toBe(401);
    expect(kept()).toBe(before);
  });

  it('given an uploaded file, when a stranger or an applicant asks for it, then 403; an unknown id is 404', async () => {
    const saved = await upload(app, chairToken, engagementId, { name: 'chair.txt', bytes: Buffer.from('from the chair') });
    expect(saved.status).toBe(201);
    const path = `/api/engagements/${engagementId}/attachments/${saved.body.id}`;
    expect((await download(app, strangerToken, path)).status).toBe(403);
    expect((await download(app, pending.token, path)).status).toBe(403);
    expect(
      (await download(app, ngo.token, `/api/engagements/${engagementId}/attachments/00000000-0000-0000-0000-000000000000`)).status,
    ).toBe(404);
    expect((await download(app, ngo.token, `/api/engagements/${engagementId}/attachments/..%2F..%2Fconvene.db`)).status).toBe(404);
  });

  it('given the wrong field name or a JSON body, then 400 / 415 with what to send instead', async () => {
    const wrongField = await upload(app, ngo.token, engagementId, { name: 'a.txt', bytes: Buffer.from('x') }, 'document');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.issues).toEqual([{ path: 'file', message: 'Send exactly one file, in the form field named "file"' }]);
    const json = await app.api(ngo.token).post(`/api/engagements/${engagementId}/attachments`, { file: 'x' });
    expect(json.status).toBe(415);
  });
});
