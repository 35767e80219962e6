import { escapeMarkdown as e } from '../render/renderMarkdown.js';
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

// The annex in Markdown, with the Chair's summary's escaping (renderMarkdown.ts): every user-supplied string
// goes through `escapeMarkdown`; link targets are built by the server from ids and percent-encoded.

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;

/** A link target may not close the Markdown link (parentheses, spaces and angle brackets are encoded), and only
 * a relative or http(s) target is linked, as in the HTML annex. */
const href = (url: string): string | null =>
  /^(\/(?!\/)|https?:\/\/)/i.test(url) ? url.replace(/[()<> \\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) : null;
const link = (label: string, url: string): string => {
  const target = href(url);
  return target === null ? e(label) : `[${e(label)}](${target})`;
};

export function renderAnnexMarkdown(annex: Annex): string {
  const out: string[] = [`# ${ANNEX_TITLE}`, '', `**${e(annex.metadata.title)}**`, ''];
  const c = annex.counts;
  out.push(countsLine(annex), '');
  out.push('## Proposals by status', '', row(['Status', 'Proposals']), row(['---', '---:']));
  for (const s of PROPOSAL_STATUSES) out.push(row([STATUS_LABELS[s], String(c.byStatus[s])]));
  out.push('', '## Proposals by theme', '', row(['Theme', 'Proposals', ...PROPOSAL_STATUSES.map((s) => STATUS_LABELS[s])]));
  out.push(row(['---', '---:', ...PROPOSAL_STATUSES.map(() => '---:')]));
  for (const t of c.byTheme) out.push(row([e(t.theme), String(t.total), ...PROPOSAL_STATUSES.map((s) => String(t.byStatus[s]))]));
  out.push('');
  for (const { theme, proposals } of annex.themes) {
    out.push(`## ${e(theme)}`, '');
    for (const p of proposals) {
      out.push(`### Proposal ${p.number}: ${e(p.title)}`, '', e(p.description), '');
      out.push(`- **Status:** ${e(statusText(p))}`);
      if (p.questionRef) out.push(`- **Guiding question or agenda item:** ${e(p.questionRef)}`);
      out.push(`- **Proponents:** ${e(proponentsLine(p))}`, `- **Source:** ${e(sourceText(p))}`);
      for (const [label, value] of implementationRows(p)) out.push(`- **${label}:** ${e(value)}`);
      if (p.papers.length > 0) out.push(`- **Concept papers:** ${p.papers.map((paper) => link(paperLabel(paper), paper.url)).join('; ')}`);
      out.push('');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
