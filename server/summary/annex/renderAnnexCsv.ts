import { stringify } from 'csv-stringify/sync';
import { neutralizeFormula } from '../render/renderCsv.js';
import type { Annex } from './Annex.js';
import { FRAMEWORK_LABELS, STATUS_LABELS } from './annexLabels.js';

// The annex as CSV, one record per proposal, written exactly as the Chair's summary's CSV (renderCsv.ts):
// RFC 4180 with CRLF, a BOM for spreadsheets, and spreadsheet formulas defused. With CRLF as the record
// delimiter csv-stringify 6.9 does not quote a field holding a lone LF or CR, which a strict reader rejects;
// `quoted_match` quotes those too (descriptions are multi-line).

export const ANNEX_CSV_COLUMNS = [
  'number',
  'theme',
  'title',
  'description',
  'question_ref',
  'status',
  'status_text',
  'merged_into',
  'action',
  'implementers',
  'beneficiaries',
  'resources',
  'timeline',
  'framework_element',
  'framework_element_text',
  'named_proponents',
  'other_proponents',
  'source',
  'engagement',
  'paper_urls',
] as const;

export function renderAnnexCsv(annex: Annex): string {
  const records = annex.themes.flatMap(({ proposals }) =>
    proposals.map((p) => [
      p.number,
      p.theme,
      p.title,
      p.description,
      p.questionRef,
      p.status,
      STATUS_LABELS[p.status],
      p.mergedIntoNumber,
      p.action,
      p.implementers,
      p.beneficiaries.join('; '),
      p.resources,
      p.timeline,
      p.frameworkElement,
      p.frameworkElement === null ? null : FRAMEWORK_LABELS[p.frameworkElement],
      p.namedProponents.join('; '),
      p.otherProponents,
      p.source,
      p.engagement,
      p.papers.map((paper) => paper.url).join(' '),
    ]),
  );
  return stringify(records, {
    header: true,
    columns: [...ANNEX_CSV_COLUMNS],
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    bom: true,
    cast: { string: neutralizeFormula, number: (n) => String(n) },
  });
}
