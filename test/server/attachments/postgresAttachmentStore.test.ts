import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/appError.js';
import { createPostgresAttachmentStore, type PostgresAttachmentStore } from '../../../server/attachments/postgresAttachmentStore.js';
import { openPostgresEventStore } from '../../../server/store/postgresEventStore.js';
import { createTestDatabase, hasPostgres } from '../../support/postgres.js';
import { elfBytes, pdfBytes } from './documents.js';

// Attachments in PostgreSQL (DATABASE_URL): what one instance stores, every other reads. Two stores, two pools,
// one database, as two instances have; the checks are the file store's (attachmentStore.test.ts), shared.

const stores: PostgresAttachmentStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function twoStores() {
  const url = await createTestDatabase();
  // The event log's migrations create the table, as at an instance's start.
  await (await openPostgresEventStore(url)).close();
  const make = () => {
    const store = createPostgresAttachmentStore({ url, maxBytes: 64 * 1024, now: () => new Date('2026-11-28T10:00:00Z') });
    stores.push(store);
    return store;
  };
  return [make(), make()] as const;
}

const code = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
};

describe.skipIf(!hasPostgres)('attachments in PostgreSQL (several instances)', () => {
  it('PAPER-1: given a PDF uploaded through instance A, when B opens it, then B gets the same bytes and metadata; names() finds it', async () => {
    const [a, b] = await twoStores();
    const bytes = await pdfBytes();
    const saved = await a.save('eng-1', { filename: 'concept paper.pdf', bytes, uploadedBy: 'dev:chair' });
    expect(saved).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      filename: 'concept paper.pdf',
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      contentType: 'application/pdf',
    });
    const opened = await b.open('eng-1', saved.id);
    expect(Buffer.compare(opened.bytes, Buffer.from(bytes))).toBe(0);
    expect(opened.meta).toMatchObject({ ...saved, uploadedAt: '2026-11-28T10:00:00.000Z', uploadedBy: 'dev:chair' });
    expect(await b.names('eng-1', [saved.id, saved.id, 'not-an-id'])).toEqual({ [saved.id]: 'concept paper.pdf' });
  });

  it('PAPER-1: given ids from elsewhere, an executable, or a file over the limit, then NOT_FOUND, 415 and 413, and nothing is stored', async () => {
    const [a, b] = await twoStores();
    const saved = await a.save('eng-1', { filename: 'x.pdf', bytes: await pdfBytes() });
    expect(await code(b.open('eng-2', saved.id))).toBe('NOT_FOUND');
    expect(await code(b.open('eng-1', '../eng-1'))).toBe('NOT_FOUND');
    expect(await code(b.open('eng-1', '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(await code(a.save('eng-1', { filename: 'report.pdf', bytes: elfBytes() }))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await code(a.save('eng-1', { filename: 'big.txt', bytes: Buffer.alloc(64 * 1024 + 1, 'a') }))).toBe('PAYLOAD_TOO_LARGE');
    expect(await b.names('eng-1', [saved.id])).toEqual({ [saved.id]: 'x.pdf' });
  });
});
