import { escapeHtml as h, HTML_CSP } from '../render/renderHtml.js';
import { PROPOSAL_STATUSES } from '../../domain/process/vocabulary.js';
import type { Annex } from './Annex.js';
import {
  ANNEX_TITLE,
  countsLine,
  STATUS_LABELS,
  implementationRows,
  paperLabel,
  proponentsLine,
  sourceText,
  statusText,
} from './annexLabels.js';

// A standalone, printable HTML annex with the Chair's summary's escaping and Content-Security-Policy
// (renderHtml.ts): every interpolated value goes through `escapeHtml`; only relative or http(s) links are kept.

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

const STYLE = `
body{font-family:"Segoe UI",Arial,"DejaVu Sans",sans-serif;font-size:11pt;line-height:1.45;color:#111;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:18pt}h2{font-size:14pt;margin-top:1.8rem;border-bottom:1px solid #999}h3{font-size:12pt;margin-top:1.2rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem;font-size:9.5pt}th,td{border:1px solid #999;padding:.2rem .4rem;text-align:start;vertical-align:top}
th{background:#eee}td.num{text-align:end;font-variant-numeric:tabular-nums}dl{display:grid;grid-template-columns:14rem 1fr;gap:.2rem .8rem}dt{font-weight:600}dd{margin:0}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}section{break-inside:avoid}}
`;

/** A link target the file may carry: relative to the portal, or http(s); anything else is dropped. */
const safeHref = (url: string): string | null => (/^(\/(?!\/)|https?:\/\/)/i.test(url) ? url : null);

const num = (n: number) => `<td class="num">${n}</td>`;

export function renderAnnexHtml(annex: Annex): string {
  const c = annex.counts;
  const parts: string[] = [`<h1>${h(ANNEX_TITLE)}</h1>`, `<p><strong>${h(annex.metadata.title)}</strong></p>`];
  parts.push(`<p>${h(countsLine(annex))}</p>`);
  parts.push('<h2>Proposals by status</h2><table><thead><tr><th scope="col">Status</th><th scope="col">Proposals</th></tr></thead><tbody>');
  for (const s of PROPOSAL_STATUSES) parts.push(`<tr><td>${h(STATUS_LABELS[s])}</td>${num(c.byStatus[s])}</tr>`);
  parts.push('</tbody></table>', '<h2>Proposals by theme</h2><table><thead><tr><th scope="col">Theme</th><th scope="col">Proposals</th>');
  parts.push(`${PROPOSAL_STATUSES.map((s) => `<th scope="col">${h(STATUS_LABELS[s])}</th>`).join('')}</tr></thead><tbody>`);
  for (const t of c.byTheme)
    parts.push(`<tr><td>${h(t.theme)}</td>${num(t.total)}${PROPOSAL_STATUSES.map((s) => num(t.byStatus[s])).join('')}</tr>`);
  parts.push('</tbody></table>');
  for (const { theme, proposals } of annex.themes) {
    parts.push(`<h2>${h(theme)}</h2>`);
    for (const p of proposals) {
      const rows: [string, string][] = [
        ['Status', statusText(p)],
        ...(p.questionRef ? ([['Guiding question or agenda item', p.questionRef]] as [string, string][]) : []),
        ['Proponents', proponentsLine(p)],
        ['Source', sourceText(p)],
        ...implementationRows(p),
      ];
      const papers = p.papers.map((paper) => {
        const url = safeHref(paper.url);
        return url ? `<a href="${h(url)}" rel="noopener noreferrer">${h(paperLabel(paper))}</a>` : h(paperLabel(paper));
      });
      parts.push(
        `<section id="proposal-${p.number}"><h3>Proposal ${p.number}: ${h(p.title)}</h3><p>${h(p.description)}</p><dl>` +
          rows.map(([label, value]) => `<dt>${h(label)}</dt><dd>${h(value)}</dd>`).join('') +
          (papers.length > 0 ? `<dt>Concept papers</dt><dd>${papers.join('; ')}</dd>` : '') +
          '</dl></section>',
      );
    }
  }
  const lang = annex.metadata.language;
  const dir = RTL_LANGUAGES.has(lang.split('-')[0]) ? 'rtl' : 'ltr';
  return [
    '<!DOCTYPE html>',
    `<html lang="${h(lang)}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${h(ANNEX_TITLE)}: ${h(annex.metadata.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...parts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
