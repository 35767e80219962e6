import type { z } from 'zod';
import { i18n } from '../i18n/i18n.js';
import { ApiError, problemFrom } from './problem.js';
import { bearerToken } from './session.js';

// The one way the tab talks to Convene's API: JSON, bearer auth, problem+json errors as ApiError. Every
// answer is parsed with the server's own zod schema (server/domain/wireContract.ts), never cast: an answer
// that does not match becomes an ApiError that says so in words, so a surface shows an error, not a crash.

export async function apiFetch<S extends z.ZodType>(
  path: string,
  schema: S,
  init: { method?: string; body?: unknown; auth?: boolean } = {},
): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.auth !== false) {
    const token = await bearerToken();
    if (token) headers.authorization = `Bearer ${token}`;
  }
  const response = await fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return readAnswer(response, path, schema);
}

/** Multipart upload of one file (the browser sets the boundary); same auth, errors and parsing as apiFetch. */
export async function apiUpload<S extends z.ZodType>(path: string, field: string, file: File, schema: S): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = await bearerToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const body = new FormData();
  body.append(field, file, file.name);
  const response = await fetch(path, { method: 'POST', headers, body });
  return readAnswer(response, path, schema);
}

async function readAnswer<S extends z.ZodType>(response: Response, path: string, schema: S): Promise<z.output<S>> {
  if (!response.ok) throw new ApiError(await problemFrom(response));
  const text = response.status === 204 ? '' : await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw malformed(response.status, path, i18n.t('problem.request'));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw malformed(response.status, path, first && first.path.length ? first.path.join('.') : i18n.t('problem.request'));
  }
  return parsed.data;
}

/** The answer is not what the wire contract says: told as a problem, with where it went wrong. */
function malformed(status: number, path: string, where: string): ApiError {
  return new ApiError({ status, code: 'MALFORMED_RESPONSE', title: path, detail: i18n.t('problem.malformed', { where }) });
}
