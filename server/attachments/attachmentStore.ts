import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../appError.js';
import { documentTypeOf, type DocumentContentType } from './documentType.js';

// Files attached to written inputs, kept on disk under `${dataDir}/attachments/<engagementId>/`:
// `<id>` holds the bytes and `<id>.json` the metadata beside it. The id is random and is the only name on
// disk: the user's file name lives in the metadata and never reaches a path. The blob is written first and
// the metadata last, each through a temporary file and a rename, so a metadata file always describes a
// complete blob. Metadata as JSON beside the file (not SQLite): one small file per upload, read only with
// its blob, and the directory can be copied or backed up as it is.

export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface AttachmentMeta {
  id: string;
  filename: string;
  size: number;
  /** sha256 of the bytes, hex. */
  sha256: string;
  contentType: DocumentContentType;
  uploadedAt: string;
  /** The signed-in user who uploaded it, when known. */
  uploadedBy: string | null;
}

/** LIMIT-4: what one engagement's folder may hold. */
export interface AttachmentQuota {
  /** Files one uploader may store per engagement (staff: not counted, see `save`'s `counted`). */
  perUploader: number;
  /** Bytes one engagement may hold in all. */
  totalBytes: number;
}

export interface AttachmentStore {
  readonly maxBytes: number;
  /**
   * `counted` false: the uploader's number of files is not limited (staff); the engagement's total always is
   * (LIMIT-4). Saves of one engagement run one at a time, so two uploads cannot both take the last place.
   */
  save(
    engagementId: string,
    file: { filename: string; bytes: Uint8Array; uploadedBy?: string; counted?: boolean },
  ): Promise<Omit<AttachmentMeta, 'uploadedAt' | 'uploadedBy'>>;
  /** The file and its metadata; NOT_FOUND for an id this engagement does not hold. */
  open(engagementId: string, id: string): Promise<{ meta: AttachmentMeta; bytes: Buffer }>;
  /** id → file name for those of `ids` this engagement holds (for the summary's annex). */
  names(engagementId: string, ids: readonly string[]): Promise<Record<string, string>>;
}

const SAFE_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;
const ATTACHMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const StoredMeta = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number().int().min(0),
  sha256: z.string(),
  contentType: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});

/** "10 MB", "1.5 MB", "700 KB": sizes as people say them (1 MB = 1024 × 1024 bytes, as the default is written). */
export function plainSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function tooLarge(maxBytes: number, size?: number): AppError {
  const was = size === undefined ? 'This file is larger than' : `This file is ${plainSize(size)}, more than`;
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `${was} the ${plainSize(maxBytes)} an attachment may be. Make it smaller (compress its images, or split it into parts) and upload it again.`,
    { maxBytes },
  );
}

/** The name as shown and offered on download: no directories, no control characters, at most 200 characters. */
export function cleanFilename(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').replace(/^[\s.]+|\s+$/g, '');
  if (clean.length <= 200) return clean || 'attachment';
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ext.length) + ext;
}

export const attachmentNotFound = () => new AppError('NOT_FOUND', 'There is no such attachment in this engagement.');
const notFound = attachmentNotFound;

/** An upload checked (size, not empty) and described (clean name, type by content, hash, a new random id), before it is stored. */
export async function describeUpload(
  file: { filename: string; bytes: Uint8Array; uploadedBy?: string },
  maxBytes: number,
  now: () => Date,
): Promise<AttachmentMeta> {
  if (file.bytes.byteLength > maxBytes) throw tooLarge(maxBytes, file.bytes.byteLength);
  if (file.bytes.byteLength === 0)
    throw new AppError('INVALID_INPUT', 'The file is empty; choose the document again.', {
      issues: [{ path: 'file', message: 'The file is empty' }],
    });
  const filename = cleanFilename(file.filename);
  const contentType = await documentTypeOf(file.bytes, filename);
  return {
    id: randomUUID(),
    filename,
    size: file.bytes.byteLength,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    contentType,
    uploadedAt: now().toISOString(),
    uploadedBy: file.uploadedBy ?? null,
  };
}

/** What `save` answers: the metadata less who and when. */
export const savedOf = (meta: AttachmentMeta) => ({
  id: meta.id,
  filename: meta.filename,
  size: meta.size,
  sha256: meta.sha256,
  contentType: meta.contentType,
});

/** Only a random UUID names an attachment; anything else is not one. */
export const isAttachmentId = (id: string): boolean => ATTACHMENT_ID.test(id);

/** LIMIT-4: the uploader has stored as many files here as one participant may. */
export const tooManyAttachments = (perUploader: number): AppError =>
  new AppError(
    'RULE_VIOLATION',
    `You have uploaded the ${perUploader} attachments one participant may upload in this engagement. Attach one of the files you already uploaded, or ask the secretariat.`,
    { rule: 'LIMIT-4' },
  );

/** LIMIT-4: the engagement's attachments would exceed their total. */
export const engagementFull = (totalBytes: number, size: number): AppError =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `This engagement already holds nearly the ${plainSize(totalBytes)} of attachments it may hold, and this file (${plainSize(size)}) does not fit. Tell the secretariat; a smaller file may still fit.`,
    { rule: 'LIMIT-4', totalBytes },
  );

export function createAttachmentStore(options: {
  dataDir: string;
  maxBytes?: number;
  now?: () => Date;
  /** LIMIT-4; absent: no quota. */
  quota?: AttachmentQuota;
}): AttachmentStore {
  const maxBytes = options.maxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;
  const quota = options.quota ?? null;
  /** Per engagement, the save running now: the next waits for it (the quota is checked and taken in turn). */
  const saving = new Map<string, Promise<unknown>>();
  const now = options.now ?? (() => new Date());
  const root = join(options.dataDir, 'attachments');

  /** Path segments come only from checked ids, so nothing a client sends can leave the engagement's folder. */
  const folderOf = (engagementId: string): string => {
    if (!SAFE_SEGMENT.test(engagementId)) throw notFound();
    return join(root, engagementId);
  };

  const readMeta = async (folder: string, id: string): Promise<AttachmentMeta | null> => {
    if (!ATTACHMENT_ID.test(id)) return null;
    let text: string;
    try {
      text = await readFile(join(folder, `${id}.json`), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return StoredMeta.parse(JSON.parse(text)) as AttachmentMeta;
  };

  return {
    maxBytes,

    save(engagementId, file) {
      const earlier = saving.get(engagementId) ?? Promise.resolve();
      const turn = earlier.catch(() => undefined).then(() => saveNow(engagementId, file));
      saving.set(engagementId, turn);
      void turn
        .finally(() => {
          if (saving.get(engagementId) === turn) saving.delete(engagementId);
        })
        .catch(() => undefined);
      return turn;
    },

    async open(engagementId, id) {
      const folder = folderOf(engagementId);
      const meta = await readMeta(folder, id);
      if (!meta) throw notFound();
      return { meta, bytes: await readFile(join(folder, meta.id)) };
    },

    async names(engagementId, ids) {
      const folder = folderOf(engagementId);
      const names: Record<string, string> = {};
      for (const id of new Set(ids)) {
        const meta = await readMeta(folder, id);
        if (meta) names[id] = meta.filename;
      }
      return names;
    },
  };

  /**
   * What the folder holds, read from the metadata files each time (not a counter in memory), so that
   * instances sharing DATA_DIR see each other's uploads.
   */
  async function usage(folder: string, uploadedBy: string | null): Promise<{ files: number; bytes: number }> {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: 0, bytes: 0 };
      throw error;
    }
    let files = 0;
    let bytes = 0;
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const meta = await readMeta(folder, name.slice(0, -'.json'.length));
      if (!meta) continue;
      bytes += meta.size;
      if (uploadedBy !== null && meta.uploadedBy === uploadedBy) files++;
    }
    return { files, bytes };
  }

  async function saveNow(
    engagementId: string,
    file: { filename: string; bytes: Uint8Array; uploadedBy?: string; counted?: boolean },
  ): Promise<Omit<AttachmentMeta, 'uploadedAt' | 'uploadedBy'>> {
    const folder = folderOf(engagementId);
    // Size, emptiness and type first (describeUpload), then the quotas (LIMIT-4), then the write.
    const meta = await describeUpload(file, maxBytes, now);
    if (quota) {
      const counted = file.counted !== false && file.uploadedBy !== undefined;
      const used = await usage(folder, counted ? file.uploadedBy! : null);
      if (counted && used.files >= quota.perUploader) throw tooManyAttachments(quota.perUploader);
      if (used.bytes + file.bytes.byteLength > quota.totalBytes) throw engagementFull(quota.totalBytes, file.bytes.byteLength);
    }
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const blob = join(folder, meta.id);
    await writeFile(`${blob}.part`, file.bytes, { mode: 0o600 });
    await rename(`${blob}.part`, blob);
    await writeFile(`${blob}.json.part`, JSON.stringify(meta), { mode: 0o600 });
    await rename(`${blob}.json.part`, `${blob}.json`);
    return savedOf(meta);
  }
}
