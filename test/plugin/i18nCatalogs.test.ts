import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../plugin/src/i18n/languages.js';

// docs/product.md item 10: the tab speaks all six UN languages. A catalog that misses a key shows English
// in the middle of Arabic; one that drops a placeholder shows "{{name}}" or loses the name; one without
// a plural form its language needs says "2 minute" (or worse, in Arabic and Russian).

type Catalog = { [key: string]: string | Catalog };

const dir = resolve(import.meta.dirname, '../../plugin/src/i18n/locales');
const load = (language: Language): Catalog => JSON.parse(readFileSync(resolve(dir, `${language}.json`), 'utf8')) as Catalog;

/** Flattens to `a.b.c → value`. */
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

/** A key's base (plural suffix removed) → the plural categories present (empty set: not a plural). */
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
const tags = (text: string): string[] => [...text.matchAll(/<\/?([a-z]+)>/g)].map((m) => m[0]).sort();

const en = flatten(load('en'));
const enBases = bases(en);
const others = LANGUAGES.filter((l) => l !== 'en');

describe('the six catalogs (docs/product.md item 10)', () => {
  it('given the English catalog, then every key is in all five other catalogs, and they have no key English lacks', () => {
    for (const language of others) {
      const theirs = bases(flatten(load(language)));
      const missing = [...enBases.keys()].filter((k) => !theirs.has(k));
      const extra = [...theirs.keys()].filter((k) => !enBases.has(k));
      expect({ language, missing, extra }).toEqual({ language, missing: [], extra: [] });
    }
  });

  it('given each language, then every plural key has exactly the forms Intl.PluralRules needs for it', () => {
    for (const language of LANGUAGES) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories.slice().sort();
      const theirs = bases(flatten(load(language)));
      for (const [base, forms] of enBases) {
        if (forms.size === 0) continue;
        expect({ language, key: base, forms: [...(theirs.get(base) ?? [])].sort() }).toEqual({ language, key: base, forms: needed });
      }
    }
  });

  it('given Arabic and Russian, then their plural keys carry six and four forms (zero…other; one, few, many, other)', () => {
    const ar = flatten(load('ar'));
    const ru = flatten(load('ru'));
    for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(ar.has(`time.aboutMinutes_${form}`)).toBe(true);
    for (const form of ['one', 'few', 'many', 'other']) expect(ru.has(`time.spokenMinutes_${form}`)).toBe(true);
  });

  it('given any translation, then it uses the same placeholders and markup tags as English (count may be spelt out in a plural form)', () => {
    for (const language of others) {
      for (const [key, value] of flatten(load(language))) {
        const base = baseOf(key);
        const source = en.get(key) ?? en.get(`${base}_other`) ?? en.get(base);
        expect(source, `${language} ${key} has no English source`).toBeDefined();
        const expected = placeholders(source!);
        const actual = placeholders(value);
        // "one minute", "two minutes" in Arabic are words, not "{{count}}": a plural form may leave count out.
        const comparable = PLURAL.test(key) ? expected.filter((p) => p !== 'count' || actual.includes('count')) : expected;
        expect({ language, key, placeholders: actual }).toEqual({ language, key, placeholders: comparable });
        expect({ language, key, tags: tags(value) }).toEqual({ language, key, tags: tags(source!) });
      }
    }
  });

  it('given any catalog, then no value is empty or only spaces', () => {
    for (const language of LANGUAGES) {
      const empty = [...flatten(load(language))].filter(([, v]) => !v.trim()).map(([k]) => k);
      expect({ language, empty }).toEqual({ language, empty: [] });
    }
  });

  it('given the non-English catalogs, then a value equals English only where it holds no words (placeholders, punctuation) or is a true cognate', () => {
    // File format names and "min" read the same everywhere; a few words are spelt alike in French or Spanish.
    const sameEverywhere = [
      'summary.format.md',
      'summary.format.html',
      'summary.format.docx',
      'summary.format.pdf',
      'console.time.minutes',
      'console.agenda.item',
    ];
    const cognates: Partial<Record<Language, string[]>> = {
      fr: [
        'input.question',
        'breakouts.participant',
        'summary.corrections',
        'summary.versionN',
        'summary.questionN',
        'console.tab.participants',
        'console.current.pause',
        'console.speakers.objections_one',
        'console.speakers.objections_other',
        'console.notes.title',
        'console.questions.question',
        'console.agenda.question',
        'console.registrations.table',
        'console.registrations.objections_one',
        'console.registrations.objections_other',
        'console.invitations.title',
        'console.invitations.action',
        'console.fairness.participant',
        'bconsole.minutes_one',
        'bconsole.minutes_other',
        'bconsole.planner.questionOption',
        'bconsole.planner.rapporteur',
      ],
      es: ['input.fileSize', 'console.notes.general'],
    };
    const copied: Record<string, string[]> = {};
    for (const language of others) {
      const allowed = new Set([...sameEverywhere, ...(cognates[language] ?? [])]);
      const same = [...flatten(load(language))]
        .filter(([k, v]) => en.get(k) === v && /\p{L}/u.test(v.replace(/\{\{[^}]+\}\}/g, '')) && !allowed.has(k))
        .map(([k]) => k);
      if (same.length) copied[language] = same;
    }
    expect(copied).toEqual({});
  });
});
