import { assertNever } from '../../domain/events.js';
import { slugify } from '../renderSummary.js';
import { Annex } from './Annex.js';
import { renderAnnexCsv } from './renderAnnexCsv.js';
import { renderAnnexHtml } from './renderAnnexHtml.js';
import { renderAnnexMarkdown } from './renderAnnexMarkdown.js';

// One entry point for the annex export, shaped like renderSummary: the file, its type and its name.
// DOCX and PDF are not written yet (the summary's renderers take a Summary, not an Annex).

export const ANNEX_FORMATS = ['md', 'html', 'json', 'csv'] as const;
export type AnnexFormat = (typeof ANNEX_FORMATS)[number];

export interface RenderedAnnex {
  body: string;
  contentType: string;
  filename: string;
}

export const annexFilename = (annex: Annex, format: AnnexFormat): string => `progress-report-annex-${slugify(annex.metadata.title)}.${format}`;

/** The JSON export is the Annex itself, checked against its schema so that nothing off-contract leaves. */
export const renderAnnexJson = (annex: Annex): string => `${JSON.stringify(Annex.parse(annex), null, 2)}\n`;

export function renderAnnex(annex: Annex, format: AnnexFormat): RenderedAnnex {
  const filename = annexFilename(annex, format);
  switch (format) {
    case 'md':
      return { body: renderAnnexMarkdown(annex), contentType: 'text/markdown; charset=utf-8', filename };
    case 'html':
      return { body: renderAnnexHtml(annex), contentType: 'text/html; charset=utf-8', filename };
    case 'json':
      return { body: renderAnnexJson(annex), contentType: 'application/json; charset=utf-8', filename };
    case 'csv':
      return { body: renderAnnexCsv(annex), contentType: 'text/csv; charset=utf-8; header=present', filename };
    default:
      return assertNever(format);
  }
}
