import { readFileSync } from 'node:fs';
import { SUMMARY_LANGUAGES, type SummaryLanguage } from '../domain/vocabulary.js';

// The summary's own words in the six UN languages (LIFE-7), from server/summary/locales/*.json: the same
// shape as the tab's catalogs (nested keys, `{{name}}` placeholders, `_one`/`_few`/… plural forms chosen by
// Intl.PluralRules), checked by test/summary/summaryCatalogs.test.ts. The server never imports the tab's files.

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

const load = (language: SummaryLanguage): Map<string, string> =>
  flatten(JSON.parse(readFileSync(new URL(`./locales/${language}.json`, import.meta.url), 'utf8')) as Catalog);

const CATALOGS = new Map<SummaryLanguage, Map<string, string>>(SUMMARY_LANGUAGES.map((l) => [l, load(l)]));

export const isRightToLeft = (language: SummaryLanguage): boolean => language === 'ar';

export type Vars = Record<string, string | number>;

export interface SummaryWords {
  language: SummaryLanguage;
  dir: 'ltr' | 'rtl';
  /** A catalog entry with `{{name}}` filled in; with a numeric `count`, the plural form the language needs. */
  t(key: string, vars?: Vars): string;
  /** A count as the language writes it (Intl.NumberFormat). */
  n(value: number): string;
  /** A calendar date (YYYY-MM-DD) as the language writes it; English keeps the ISO form it always printed. */
  date(isoDate: string): string;
  /** What joins two sentences: a space, or nothing in Chinese. */
  sentenceGap: string;
}

const cache = new Map<SummaryLanguage, SummaryWords>();

/** Any tag that is not one of the six reads as English: a summary is never refused for its language. */
export function toSummaryLanguage(tag: string | null | undefined): SummaryLanguage {
  return (SUMMARY_LANGUAGES as readonly string[]).includes(tag ?? '') ? (tag as SummaryLanguage) : 'en';
}

export function wordsFor(tag: string | null | undefined): SummaryWords {
  const language = toSummaryLanguage(tag);
  const cached = cache.get(language);
  if (cached) return cached;
  const catalog = CATALOGS.get(language)!;
  const english = CATALOGS.get('en')!;
  const plural = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language, { useGrouping: false });
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  const n = (value: number): string => numbers.format(value);
  const lookup = (key: string): string => catalog.get(key) ?? english.get(key) ?? key;
  const words: SummaryWords = {
    language,
    dir: isRightToLeft(language) ? 'rtl' : 'ltr',
    n,
    t(key, vars = {}) {
      const count = vars.count;
      const text =
        typeof count === 'number'
          ? (catalog.get(`${key}_${plural.select(count)}`) ?? catalog.get(`${key}_other`) ?? lookup(`${key}_other`))
          : lookup(key);
      return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
        const value = vars[name];
        return value === undefined ? whole : typeof value === 'number' ? n(value) : value;
      });
    },
    date: (isoDate) =>
      language === 'en' || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? isoDate : dates.format(new Date(`${isoDate}T00:00:00Z`)),
    sentenceGap: language === 'zh-Hans' ? '' : ' ',
  };
  cache.set(language, words);
  return words;
}
