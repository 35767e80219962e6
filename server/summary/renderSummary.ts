import { assertNever } from '../domain/events.js';
import { renderCsv } from './render/renderCsv.js';
import { renderDocx } from './render/renderDocx.js';
import { renderHtml } from './render/renderHtml.js';
import { renderJson } from './render/renderJson.js';
import { renderMarkdown } from './render/renderMarkdown.js';
import { renderPdf } from './render/renderPdf.js';
import type { Summary } from './Summary.js';
import { toSummaryLanguage } from './summaryWords.js';

// One entry point for `GET /api/engagements/:id/summary?format=…`: the file, its type and its name.
// Async because DOCX and PDF are produced by streaming libraries.

export const SUMMARY_FORMATS = ['md', 'html', 'docx', 'pdf', 'json', 'csv'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export interface RenderedSummary {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

/** ASCII, lower case, dashes; a title with no Latin letters (Arabic, Chinese) falls back to "engagement". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'engagement';
}

export function summaryFilename(summary: Summary, format: SummaryFormat, language?: string): string {
  // A published version is `-v3`; anything not yet published is `-draft` (never a bare "-vdraft").
  const version = summary.metadata.version === null ? 'draft' : `v${summary.metadata.version}`;
  // English keeps the name it always had; another language says which, so six downloads do not overwrite each other.
  const lang = toSummaryLanguage(language ?? summary.metadata.language);
  const suffix = lang === 'en' || format === 'json' ? '' : `-${lang.toLowerCase()}`;
  return `chairs-summary-${slugify(summary.metadata.title)}-${version}${suffix}.${format}`;
}

/**
 * `language`: the words around the record (LIFE-7); the summary's own language by default. JSON is the record
 * itself, the same in every language.
 */
export async function renderSummary(summary: Summary, format: SummaryFormat, language?: string): Promise<RenderedSummary> {
  const filename = summaryFilename(summary, format, language);
  switch (format) {
    case 'md':
      return { body: renderMarkdown(summary, language), contentType: 'text/markdown; charset=utf-8', filename };
    case 'html':
      return { body: renderHtml(summary, language), contentType: 'text/html; charset=utf-8', filename };
    case 'docx':
      return {
        body: await renderDocx(summary, language),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        filename,
      };
    case 'pdf':
      return { body: await renderPdf(summary, { language }), contentType: 'application/pdf', filename };
    case 'json':
      return { body: renderJson(summary), contentType: 'application/json; charset=utf-8', filename };
    case 'csv':
      return { body: renderCsv(summary, language), contentType: 'text/csv; charset=utf-8; header=present', filename };
    default:
      return assertNever(format);
  }
}
