import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/appError.js';
import { cleanFilename, createAttachmentStore, plainSize, type AttachmentStore } from '../../../server/attachments/attachmentStore.js';
import { docxBytes, elfBytes, odtBytes, pdfBytes, peBytes, zipBytes } from './documents.js';

const ENGAGEMENT = 'eng-1';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the upload to be refused');
}

describe('attachment store', () => {
  let dataDir: string;
  let store: AttachmentStore;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'convene-attachments-'));
    store = createAttachmentStore({ dataDir, maxBytes: 64 * 1024, now: () => new Date('2026-11-28T10:00:00Z') });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given a real PDF, DOCX, ODT, TXT and Markdown file, when saved, then each is recognised by content, hashed and kept under a random id', async () => {
    const cases = [
      { filename: 'concept-paper.pdf', bytes: await pdfBytes(), contentType: 'application/pdf' },
      {
        filename: 'input.docx',
        bytes: await docxBytes(),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      { filename: 'input.odt', bytes: await odtBytes(), contentType: 'application/vnd.oasis.opendocument.text' },
      {
        filename: 'statement.txt',
        bytes: Buffer.from('Our statement.\r\n\tWith a tab — and UTF-8: مرحبا, 你好.\n'),
        contentType: 'text/plain',
      },
      { filename: 'README.md', bytes: Buffer.from('# Proposal\n\n- one\n- two\n'), contentType: 'text/markdown' },
    ];
    for (const c of cases) {
      const saved = await store.save(ENGAGEMENT, { filename: c.filename, bytes: c.bytes });
      expect(saved, c.filename).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        filename: c.filename,
        size: c.bytes.length,
        sha256: sha256(c.bytes),
        contentType: c.contentType,
      });
      const onDisk = join(dataDir, 'attachments', ENGAGEMENT, saved.id);
      expect(readFileSync(onDisk).equals(c.bytes)).toBe(true);
      expect(JSON.parse(readFileSync(`${onDisk}.json`, 'utf8'))).toMatchObject({
        filename: c.filename,
        sha256: saved.sha256,
        uploadedAt: '2026-11-28T10:00:00.000Z',
      });
      const opened = await store.open(ENGAGEMENT, saved.id);
      expect(opened.bytes.equals(c.bytes)).toBe(true);
      expect(opened.meta.contentType).toBe(c.contentType);
    }
    // The user's file names never become paths: only ids and their metadata are on disk.
    const files = readdirSync(join(dataDir, 'attachments', ENGAGEMENT));
    expect(files.every((f) => /^[0-9a-f-]{36}(\.json)?$/.test(f))).toBe(true);
  });

  it('given an ELF or PE executable renamed .pdf, when saved, then it is refused (415) saying what it looks like, and nothing is written', async () => {
    const elf = await refusal(store.save(ENGAGEMENT, { filename: 'paper.pdf', bytes: elfBytes() }));
    expect(elf).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
    expect(elf.detail).toBe(
      'This file is not a PDF, DOCX, ODT, TXT or Markdown document (it looks like a Linux program (ELF)). Save it in one of those formats and upload it again.',
    );
    const pe = await refusal(store.save(ENGAGEMENT, { filename: 'paper.pdf', bytes: peBytes() }));
    expect(pe.detail).toMatch(/it looks like a Windows program \(EXE\)/);
    expect(existsSync(join(dataDir, 'attachments', ENGAGEMENT))).toBe(false);
  });

  it('given a ZIP renamed .docx, binary junk, or text with NUL bytes, when saved, then each is refused (415)', async () => {
    expect((await refusal(store.save(ENGAGEMENT, { filename: 'input.docx', bytes: await zipBytes() }))).detail).toMatch(/a ZIP archive/);
    expect((await refusal(store.save(ENGAGEMENT, { filename: 'a.txt', bytes: Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x80]) }))).code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect((await refusal(store.save(ENGAGEMENT, { filename: 'a.txt', bytes: Buffer.from('text\u0000with NUL') }))).code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect((await refusal(store.save(ENGAGEMENT, { filename: 'a.md', bytes: Buffer.from('bell \u0007') }))).code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('given valid UTF-8 text named .pdf or .html, when saved, then it is refused: text is accepted only as .txt or .md', async () => {
    const named = await refusal(store.save(ENGAGEMENT, { filename: 'page.html', bytes: Buffer.from('hello') }));
    expect(named.detail).toMatch(/plain text, but its name does not end in \.txt or \.md/);
    expect((await refusal(store.save(ENGAGEMENT, { filename: 'x.pdf', bytes: Buffer.from('%not really') }))).status).toBe(415);
  });

  it('given a file over the limit, when saved, then it is refused (413) with the limit in plain words', async () => {
    const big = Buffer.alloc(64 * 1024 + 1, 0x61);
    const error = await refusal(store.save(ENGAGEMENT, { filename: 'big.txt', bytes: big }));
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(error.detail).toMatch(/more than the 64 KB an attachment may be/);
    expect(plainSize(10 * 1024 * 1024)).toBe('10 MB');
    expect(plainSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });

  it('given ids from elsewhere, when opened, then unknown ids, other engagements and path tricks are NOT_FOUND', async () => {
    const saved = await store.save(ENGAGEMENT, { filename: 'a.txt', bytes: Buffer.from('mine') });
    await expect(store.open('eng-2', saved.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.open(ENGAGEMENT, '00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.open(ENGAGEMENT, `../${ENGAGEMENT}/${saved.id}`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.open('..', saved.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await store.names(ENGAGEMENT, [saved.id, 'nope'])).toEqual({ [saved.id]: 'a.txt' });
  });

  it('given a name with folders and control characters, then only a clean base name is kept', () => {
    expect(cleanFilename('C:\\Users\\me\\..\\paper.pdf')).toBe('paper.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('a\u0000b\r\n.txt')).toBe('ab.txt');
    expect(cleanFilename('...')).toBe('attachment');
    const long = cleanFilename(`${'x'.repeat(300)}.docx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.docx')).toBe(true);
  });
});
