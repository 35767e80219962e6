import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUMMARY_LANGUAGES, type SummaryLanguage } from '../../server/domain/vocabulary.js';
import { wordsFor } from '../../server/summary/summaryWords.js';

// LIFE-7: the summary's own words in the six UN languages (server/summary/locales/*.json), checked by the same
// rules as the tab's catalogs (test/plugin/i18nCatalogs.test.ts): every key in every language, the same
// placeholders, and each plural key with exactly the forms Intl.PluralRules needs for its language.

type Catalog = { [key: string]: string | Catalog };

const dir = resolve(import.meta.dirname, '../../server/summary/locales');
const load = (language: SummaryLanguage): Catalog => JSON.parse(readFileSync(resolve(dir, `${language}.json`), 'utf8')) as Catalog;

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseOf = (key: string) => key.replace(PLURAL, '');

function bases(flat: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const base = baseOf(key);
    const forms = out.get(base) ?? new Set<string>();
    const m = PLURAL.exec(key);
    if (m) forms.add(m[1]);
    out.set(base, forms);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const en = flatten(load('en'));
const enBases = bases(en);
const others = SUMMARY_LANGUAGES.filter((l) => l !== 'en');

describe("the Chair's summary catalogs (LIFE-7)", () => {
  it('LIFE-7: given the English catalog, then every key is in all five other catalogs, and they have no key English lacks', () => {
    for (const language of others) {
      const theirs = bases(flatten(load(language)));
      const missing = [...enBases.keys()].filter((k) => !theirs.has(k));
      const extra = [...theirs.keys()].filter((k) => !enBases.has(k));
      expect({ language, missing, extra }).toEqual({ language, missing: [], extra: [] });
    }
  });

  it('LIFE-7: given each language, then every plural key has exactly the forms Intl.PluralRules needs for it', () => {
    for (const language of SUMMARY_LANGUAGES) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories.slice().sort();
      const theirs = bases(flatten(load(language)));
      for (const [base, forms] of enBases) {
        if (forms.size === 0) continue;
        expect({ language, key: base, forms: [...(theirs.get(base) ?? [])].sort() }).toEqual({ language, key: base, forms: needed });
      }
    }
  });

  it('LIFE-7: given any translation, then it uses the same placeholders as English (a plural form may spell its count out)', () => {
    for (const language of others) {
      for (const [key, value] of flatten(load(language))) {
        const source = en.get(key) ?? en.get(`${baseOf(key)}_other`) ?? en.get(baseOf(key));
        expect(source, `${language} ${key} has no English source`).toBeDefined();
        const expected = placeholders(source!);
        const actual = placeholders(value);
        const comparable = PLURAL.test(key) ? expected.filter((p) => p !== 'count' || actual.includes('count')) : expected;
        expect({ language, key, placeholders: actual }).toEqual({ language, key, placeholders: comparable });
      }
    }
  });

  it('LIFE-7: given any catalog, then no value is empty, and the headings are not left in English', () => {
    for (const language of SUMMARY_LANGUAGES) {
      const empty = [...flatten(load(language))].filter(([, v]) => !v.trim()).map(([k]) => k);
      expect({ language, empty }).toEqual({ language, empty: [] });
    }
    for (const language of others) {
      const copied = [...flatten(load(language))]
        .filter(([k, v]) => k.startsWith('heading.') && /\p{L}{3}/u.test(v.replace(/\{\{[^}]+\}\}/g, '')) && en.get(k) === v)
        .map(([k]) => k);
      expect({ language, copied }).toEqual({ language, copied: [] });
    }
  });

  it('LIFE-7: given counts, then each language picks its own plural form (Arabic two, Russian few and many)', () => {
    expect(wordsFor('ar').t('counts.minutes', { count: 2 })).toBe('دقيقتين');
    expect(wordsFor('ru').t('counts.minutes', { count: 3 })).toBe('3 минуты');
    expect(wordsFor('ru').t('counts.minutes', { count: 5 })).toBe('5 минут');
    expect(wordsFor('fr').t('counts.minutes', { count: 1 })).toBe('1 minute');
    expect(wordsFor('zh-Hans').t('counts.minutes', { count: 1 })).toBe('1 分钟');
    expect(wordsFor('en').t('counts.minutes', { count: 1 })).toBe('1 minute');
  });
});
