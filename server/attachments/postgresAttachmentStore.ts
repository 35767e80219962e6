// Attachments in PostgreSQL (DATABASE_URL), so that every instance on the database reads what was uploaded to
// any of them: the same checks and metadata as the file store (attachmentStore.ts: size, type by content,
// hash, a random id that is the only key), one row per file in `attachments` (migration 5, applied with the
// event log's), written in one INSERT, so a row always holds a complete file. Its own small pool: an upload
// of 10 MB must not hold one of the write path's connections.
import pg from 'pg';
import { AppError } from '../appError.js';
import { describePostgresFailure } from '../store/postgresFailure.js';
import {
  attachmentNotFound,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  describeUpload,
  isAttachmentId,
  savedOf,
  type AttachmentMeta,
  type AttachmentStore,
} from './attachmentStore.js';

export interface PostgresAttachmentStore extends AttachmentStore {
  close(): Promise<void>;
}

async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = describePostgresFailure(error);
    if (reason === null) throw error;
    throw new AppError(
      'STORAGE_UNAVAILABLE',
      `The server could not ${what}: its database cannot be reached right now (${reason}). Try again shortly, and tell the operator if it persists.`,
      { cause: reason },
    );
  }
}

export function createPostgresAttachmentStore(options: {
  url: string;
  maxBytes?: number;
  now?: () => Date;
  /** Connections for attachments (default 3). */
  poolSize?: number;
  onIdleError?: (error: Error) => void;
}): PostgresAttachmentStore {
  const maxBytes = options.maxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;
  const now = options.now ?? (() => new Date());
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 3,
    connectionTimeoutMillis: 5000,
    statement_timeout: 30_000,
    query_timeout: 31_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'convene-attachments',
  });
  pool.on('error', (error) => options.onIdleError?.(error));

  const metaOf = (text: string): AttachmentMeta => JSON.parse(text) as AttachmentMeta;
  let closing: Promise<void> | null = null;

  return {
    maxBytes,
    async save(engagementId, file) {
      const meta = await describeUpload(file, maxBytes, now);
      await guard('store the file', () =>
        pool.query('INSERT INTO attachments (engagement_id, id, meta, bytes) VALUES ($1, $2, $3, $4)', [
          engagementId,
          meta.id,
          JSON.stringify(meta),
          Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
        ]),
      );
      return savedOf(meta);
    },
    async open(engagementId, id) {
      if (!isAttachmentId(id)) throw attachmentNotFound();
      const { rows } = await guard('read the file', () =>
        pool.query<{ meta: string; bytes: Buffer }>('SELECT meta, bytes FROM attachments WHERE engagement_id = $1 AND id = $2', [
          engagementId,
          id,
        ]),
      );
      const row = rows[0];
      if (!row) throw attachmentNotFound();
      return { meta: metaOf(row.meta), bytes: row.bytes };
    },
    async names(engagementId, ids) {
      const wanted = [...new Set(ids)].filter(isAttachmentId);
      if (wanted.length === 0) return {};
      const { rows } = await guard('read the files', () =>
        pool.query<{ id: string; meta: string }>('SELECT id, meta FROM attachments WHERE engagement_id = $1 AND id = ANY($2::uuid[])', [
          engagementId,
          wanted,
        ]),
      );
      return Object.fromEntries(rows.map((row) => [row.id, metaOf(row.meta).filename]));
    },
    close() {
      closing ??= pool.end().catch(() => undefined);
      return closing;
    },
  };
}
