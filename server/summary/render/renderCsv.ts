import { stringify } from 'csv-stringify/sync';
import { outcomeLabel } from '../labels.js';
import { wordsFor } from '../summaryWords.js';
import type { Summary } from '../Summary.js';

// The speakers-list audit annex as CSV (RFC 4180: CRLF records, fields with `"`, `,`, CR or LF quoted and
// inner quotes doubled, which csv-stringify does). csv-stringify does not defuse spreadsheet formulas, so
// the cast below prefixes `'` to any text cell starting with = + - @ TAB CR or NUL (OWASP CSV injection;
// docs/reliability.md: exports). Numbers are numbers and stay untouched, so a negative figure is never mangled.

const FORMULA_START = /^[=+\-@\t\r\0]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export const CSV_COLUMNS = [
  'request_id',
  'requested_at',
  'organization',
  'name',
  'category',
  'question_number',
  'question',
  'outcome',
  'reason',
  'outcome_text',
  'allowance_seconds',
  'extended_seconds',
  'given_at',
  'ended_at',
  'spoke_seconds',
  'overrun_seconds',
  'written_input_id',
  'written_input_title',
] as const;

/** `language`: the words of `outcome_text`; the column names and codes are the same in every language. */
export function renderCsv(summary: Summary, language?: string): string {
  const w = wordsFor(language ?? summary.metadata.language);
  const records = summary.annexes.speakersList.map((r) => [
    r.requestId,
    r.requestedAt,
    r.organization,
    r.name,
    r.category,
    r.questionNumber,
    r.questionText,
    r.outcome,
    r.reason,
    outcomeLabel(r, w),
    r.allowanceSeconds,
    r.extendedSeconds,
    r.givenAt,
    r.endedAt,
    r.spokeSeconds,
    r.overrunSeconds,
    r.writtenInputId,
    r.writtenInputTitle,
  ]);
  return stringify(records, {
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
    // Spreadsheets read UTF-8 without a BOM as the local code page and garble non-Latin names.
    bom: true,
    cast: { string: neutralizeFormula, number: (n) => String(n) },
  });
}
