import { ApiError, problemFrom } from './problem.js';
import { bearerToken } from './session.js';

// The one way the tab talks to Convene's API: JSON, bearer auth, problem+json errors as ApiError.

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; auth?: boolean } = {}): Promise<T> {
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
  if (!response.ok) throw new ApiError(await problemFrom(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Multipart upload of one file (the browser sets the boundary); same auth and errors as apiFetch. */
export async function apiUpload<T>(path: string, field: string, file: File): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = await bearerToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const body = new FormData();
  body.append(field, file, file.name);
  const response = await fetch(path, { method: 'POST', headers, body });
  if (!response.ok) throw new ApiError(await problemFrom(response));
  return (await response.json()) as T;
}
