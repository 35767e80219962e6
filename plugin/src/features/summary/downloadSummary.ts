import { ApiError, problemFrom } from '../../api/problem.js';
import { bearerToken } from '../../api/session.js';
import { fallbackFilename, filenameFromContentDisposition, summaryPath, type SummaryFormat } from './summaryFiles.js';

// A download needs the bearer (never a token in a URL, docs/api.md), so it cannot be a plain link: fetch the file,
// turn it into an object URL, and click a temporary <a download>. Works inside the Teams webview as well as
// in a browser; the object URL is revoked once the click has been handled.

/** The Store's wording in English; the tab shows `summary.downloaded`, which is this sentence in each language. */
export const DOWNLOADED = 'Results successfully downloaded';

export async function fetchSummaryFile(
  engagementId: string,
  format: SummaryFormat,
  version?: number | null,
  lang?: string | null,
): Promise<{ blob: Blob; filename: string }> {
  const token = await bearerToken();
  const response = await fetch(summaryPath(engagementId, format, version, lang), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new ApiError(await problemFrom(response));
  const filename = filenameFromContentDisposition(response.headers.get('content-disposition')) ?? fallbackFilename(format, version);
  return { blob: await response.blob(), filename };
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers read the URL after the click returns; give them a moment before revoking it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadSummary(
  engagementId: string,
  format: SummaryFormat,
  version?: number | null,
  lang?: string | null,
): Promise<string> {
  const { blob, filename } = await fetchSummaryFile(engagementId, format, version, lang);
  saveBlob(blob, filename);
  return filename;
}
