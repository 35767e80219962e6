import { assertNever } from '../../domain/events.js';
import { slugify } from '../renderSummary.js';
import { Annex } from './Annex.js';
import { renderAnnexCsv } from './renderAnnexCsv.js';
import { renderAnnexDocx } from './renderAnnexDocx.js';
import { renderAnnexPdf } from './renderAnnexPdf.js';
import { renderAnnexHtml } from './renderAnnexHtml.js';
import { renderAnnexMarkdown } from './renderAnnexMarkdown.js';

// One entry point for the annex export, shaped like renderSummary: the file, its type and its name, in the
// six formats the summary has. Async because DOCX and PDF are produced by streaming libraries.

export const ANNEX_FORMATS = ['md', 'html', 'docx', 'pdf', 'json', 'csv'] as const;
/** The formats that are text, which `renderAnnexText` gives synchronously. */
export const ANNEX_TEXT_FORMATS = ['md', 'html', 'json', 'csv'] as const;
export type AnnexTextFormat = (typeof ANNEX_TEXT_FORMATS)[number];
export type AnnexFormat = (typeof ANNEX_FORMATS)[number];

export interface RenderedAnnex {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

export interface RenderedAnnexText extends RenderedAnnex {
  body: string;
}

export const annexFilename = (annex: Annex, format: AnnexFormat): string =>
  `progress-report-annex-${slugify(annex.metadata.title)}.${format}`;

/** The JSON export is the Annex itself, checked against its schema so that nothing off-contract leaves. */
export const renderAnnexJson = (annex: Annex): string => `${JSON.stringify(Annex.parse(annex), null, 2)}\n`;

export async function renderAnnex(annex: Annex, format: AnnexFormat): Promise<RenderedAnnex> {
  const filename = annexFilename(annex, format);
  switch (format) {
    case 'docx':
      return {
        body: await renderAnnexDocx(annex),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        filename,
      };
    case 'pdf':
      return { body: await renderAnnexPdf(annex), contentType: 'application/pdf', filename };
    case 'md':
    case 'html':
    case 'json':
    case 'csv':
      return renderAnnexText(annex, format);
    default:
      return assertNever(format);
  }
}

export function renderAnnexText(annex: Annex, format: AnnexTextFormat): RenderedAnnexText {
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
