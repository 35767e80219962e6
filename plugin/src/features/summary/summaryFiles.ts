// The six export formats of GET /api/engagements/:id/summary (docs/api.md), and the file name a download gets.
// The format list mirrors server/summary/renderSummary.ts, which the tab may not import (only server/domain).

import { i18n } from '../../i18n/i18n.js';

export const SUMMARY_FORMATS = ['md', 'html', 'docx', 'pdf', 'json', 'csv'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export const formatLabel = (format: SummaryFormat): string => i18n.t(`summary.format.${format}`);

/**
 * The download URL: the current draft (staff; reviewers while circulated), or a published version; `lang`
 * (one of the six) writes it in that language, else in the engagement's summary language (LIFE-7).
 */
export function summaryPath(engagementId: string, format: SummaryFormat, version?: number | null, lang?: string | null): string {
  const params = new URLSearchParams({ format });
  if (version) params.set('version', String(version));
  if (lang) params.set('lang', lang);
  return `/api/engagements/${encodeURIComponent(engagementId)}/summary?${params.toString()}`;
}

/** Used only when the server's Content-Disposition has no usable name (it always sends one today). */
export const fallbackFilename = (format: SummaryFormat, version?: number | null): string =>
  `chairs-summary-${version ? `v${version}` : 'draft'}.${format}`;

/**
 * The file name in a Content-Disposition header (RFC 6266): `filename*=UTF-8''…` (percent-encoded) wins over
 * `filename="…"` or a bare token. Path parts and control characters are dropped, so a name can never point
 * outside the download folder; null when there is no usable name.
 */
export function filenameFromContentDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    const charset = extended[1].trim().toLowerCase();
    try {
      const value = extended[2].trim().replace(/^"|"$/g, '');
      const decoded = charset === 'utf-8' || charset === '' ? decodeURIComponent(value) : unescape(value);
      const safe = sanitize(decoded);
      if (safe) return safe;
    } catch {
      // A malformed percent-encoding: fall back to the plain parameter.
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted) return sanitize(quoted[1].replace(/\\(.)/g, '$1'));
  const token = /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(header);
  if (token) return sanitize(token[1]);
  return null;
}

function sanitize(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean && clean !== '.' && clean !== '..' ? clean : null;
}
