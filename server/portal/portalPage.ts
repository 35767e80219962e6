import type { PaperLanguage } from '../domain/process/vocabulary.js';
import { escapeHtml as h } from '../summary/render/renderHtml.js';
import type { PortalListing, PortalPaper } from './portalListing.js';

// The portal page (`/p/<process>`, read without signing in, PROCESS-VIEW-5): the published concept papers by
// theme and guiding question, server-rendered from `portalListing` (which shows only what the Chair published
// and names only proponents who agreed, PROPOSAL-8). Every interpolated value is escaped; names and titles
// are isolated (<bdi>) so that Arabic and Latin text keep their order; the page is one column that reflows
// at 320 px; Arabic is right-to-left. No script: the app's CSP applies as it does everywhere.

export const PORTAL_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

interface PortalLabels {
  papers: string;
  none: string;
  question: string;
  noQuestion: string;
  proposal: string;
  version: string;
  proposedBy: string;
  download: string;
  published: string;
  languages: Record<PaperLanguage, string>;
}

const LANGUAGE_NAMES: Record<PaperLanguage, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

export const PORTAL_LABELS: Record<PortalLanguage, PortalLabels> = {
  en: {
    papers: 'Concept papers',
    none: 'No concept paper has been published yet.',
    question: 'Guiding question',
    noQuestion: 'Other papers',
    proposal: 'Proposal',
    version: 'version',
    proposedBy: 'Put forward by',
    download: 'Download',
    published: 'Published',
    languages: LANGUAGE_NAMES,
  },
  fr: {
    papers: 'Documents de réflexion',
    none: 'Aucun document de réflexion n’a encore été publié.',
    question: 'Question directrice',
    noQuestion: 'Autres documents',
    proposal: 'Proposition',
    version: 'version',
    proposedBy: 'Présentée par',
    download: 'Télécharger',
    published: 'Publié le',
    languages: LANGUAGE_NAMES,
  },
  es: {
    papers: 'Documentos conceptuales',
    none: 'Todavía no se ha publicado ningún documento conceptual.',
    question: 'Pregunta orientadora',
    noQuestion: 'Otros documentos',
    proposal: 'Propuesta',
    version: 'versión',
    proposedBy: 'Presentada por',
    download: 'Descargar',
    published: 'Publicado el',
    languages: LANGUAGE_NAMES,
  },
  ru: {
    papers: 'Концептуальные документы',
    none: 'Концептуальные документы ещё не опубликованы.',
    question: 'Руководящий вопрос',
    noQuestion: 'Другие документы',
    proposal: 'Предложение',
    version: 'версия',
    proposedBy: 'Внесено',
    download: 'Скачать',
    published: 'Опубликовано',
    languages: LANGUAGE_NAMES,
  },
  zh: {
    papers: '概念文件',
    none: '尚未发布任何概念文件。',
    question: '指导性问题',
    noQuestion: '其他文件',
    proposal: '提案',
    version: '版本',
    proposedBy: '提出者',
    download: '下载',
    published: '发布于',
    languages: LANGUAGE_NAMES,
  },
  ar: {
    papers: 'ورقات المفاهيم',
    none: 'لم تُنشر أي ورقة مفاهيم بعد.',
    question: 'السؤال التوجيهي',
    noQuestion: 'ورقات أخرى',
    proposal: 'المقترح',
    version: 'الإصدار',
    proposedBy: 'مقدَّم من',
    download: 'تنزيل',
    published: 'نُشر في',
    languages: LANGUAGE_NAMES,
  },
};

const STYLE = `
*{box-sizing:border-box}
body{font-family:"Segoe UI",system-ui,Arial,"Noto Sans","Noto Naskh Arabic",sans-serif;font-size:1rem;line-height:1.5;color:#111;background:#fff;margin:0;padding:1rem;max-width:52rem;margin-inline:auto;overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #888}h3{font-size:1.05rem;margin-top:1.25rem}
ul{list-style:none;padding:0;margin:0}li.paper{border:1px solid #bbb;border-radius:4px;padding:.75rem;margin:.5rem 0}
.meta{color:#444;font-size:.9rem}a{color:#0f548c}a:focus-visible{outline:2px solid #0f548c;outline-offset:2px}
nav.langs{font-size:.9rem;margin-bottom:1rem}nav.langs a{margin-inline-end:.75rem}
`;

const isPortalLanguage = (value: string | undefined): value is PortalLanguage =>
  value !== undefined && (PORTAL_LANGUAGES as readonly string[]).includes(value);

/** `?lang=` if it is one of the six, else the first of Accept-Language that is, else English. */
export function portalLanguageOf(query: string | undefined, acceptLanguage: string | undefined): PortalLanguage {
  if (isPortalLanguage(query)) return query;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().split(/[;-]/)[0]?.toLowerCase();
    if (isPortalLanguage(tag)) return tag;
  }
  return 'en';
}

const u = (text: string): string => `<bdi>${h(text)}</bdi>`;

function paperItem(paper: PortalPaper, labels: PortalLabels, href: string): string {
  const by = paper.proponents.length > 0 ? `<p class="meta">${h(labels.proposedBy)}: ${paper.proponents.map(u).join(', ')}</p>` : '';
  const published = paper.publishedAt
    ? ` · ${h(labels.published)} <time datetime="${h(paper.publishedAt)}">${h(paper.publishedAt.slice(0, 10))}</time>`
    : '';
  return [
    `<li class="paper" id="paper-${h(paper.paperId)}-v${paper.version}">`,
    `<h4 lang="${h(paper.language)}" dir="auto">${u(paper.title)}</h4>`,
    `<p class="meta">${h(labels.proposal)} ${paper.proposalNumber}: ${u(paper.proposalTitle)}</p>`,
    by,
    `<p class="meta">${h(labels.languages[paper.language])}, ${h(labels.version)} ${paper.version}${published}</p>`,
    `<p><a href="${h(href)}" download>${h(labels.download)} <span class="visually-hidden">${u(paper.title)}</span></a></p>`,
    '</li>',
  ].join('');
}

/** The whole page; `paperHref` gives a published version's download link. */
export function renderPortalPage(listing: PortalListing, lang: PortalLanguage, paperHref: (paper: PortalPaper) => string): string {
  const labels = PORTAL_LABELS[lang];
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const parts: string[] = [];
  parts.push(
    `<nav class="langs" aria-label="Language">${PORTAL_LANGUAGES.map((l) =>
      l === lang
        ? `<strong lang="${l}">${h(LANGUAGE_NAMES[l])}</strong>`
        : `<a href="?lang=${l}" lang="${l}" hreflang="${l}">${h(LANGUAGE_NAMES[l])}</a>`,
    ).join('')}</nav>`,
  );
  parts.push(`<header><h1 dir="auto">${u(listing.title)}</h1>`);
  if (listing.description) parts.push(`<p dir="auto">${h(listing.description)}</p>`);
  parts.push(`</header><main><h2>${h(labels.papers)}</h2>`);
  if (listing.themes.length === 0) parts.push(`<p>${h(labels.none)}</p>`);
  for (const theme of listing.themes) {
    parts.push(`<section><h2 dir="auto">${u(theme.theme)}</h2>`);
    for (const question of theme.questions) {
      parts.push(
        `<h3 dir="auto">${question.questionRef === null ? h(labels.noQuestion) : `${h(labels.question)}: ${u(question.questionRef)}`}</h3><ul>`,
      );
      for (const paper of question.papers) parts.push(paperItem(paper, labels, paperHref(paper)));
      parts.push('</ul>');
    }
    parts.push('</section>');
  }
  parts.push('</main>');
  return [
    '<!doctype html>',
    `<html lang="${lang}" dir="${dir}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(listing.title)} — ${h(labels.papers)}</title>`,
    `<style>${STYLE}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}</style>`,
    '</head>',
    `<body>${parts.join('\n')}</body></html>`,
  ].join('\n');
}
