import { describe, expect, it } from 'vitest';
import { i18n } from '../../plugin/src/i18n/i18n.js';
import { resolveLanguage, toLanguage, type LanguageSources } from '../../plugin/src/i18n/languages.js';
import { formatMinutes } from '../../plugin/src/features/shared/selectors.js';
import { spokenStatus } from '../../plugin/src/live/countdown.js';

// Which of the six UN languages the tab speaks (docs/product.md item 10): ?lang= outside Teams, then the
// picker's remembered choice, then Teams' app.locale, then the browser's languages, then English.

const none: LanguageSources = { query: null, inTeams: false, stored: null, teamsLocale: null, browser: [] };

describe('language tags to the six UN languages', () => {
  it('given region variants, then each maps to its language (fr-CA → fr, es-419 → es, ar-EG → ar, ru-RU → ru, EN_us → en)', () => {
    expect(toLanguage('fr-CA')).toBe('fr');
    expect(toLanguage('es-419')).toBe('es');
    expect(toLanguage('ar-EG')).toBe('ar');
    expect(toLanguage('ru-RU')).toBe('ru');
    expect(toLanguage('EN_us')).toBe('en');
  });

  it('given any Chinese tag, then Simplified Chinese — also for Traditional (zh-TW, zh-Hant), which has no catalog of its own', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-hans-cn', 'zh-TW', 'zh-Hant', 'zh-HK'])
      expect(toLanguage(tag)).toBe('zh-Hans');
  });

  it('given a language outside the six, or nothing, then none (the resolver then falls back to English)', () => {
    expect(toLanguage('de-DE')).toBeNull();
    expect(toLanguage('pt')).toBeNull();
    expect(toLanguage('')).toBeNull();
    expect(toLanguage(null)).toBeNull();
    expect(resolveLanguage({ ...none, browser: ['de-DE', 'pt-BR'] })).toBe('en');
  });
});

describe('precedence of the language sources', () => {
  it('given ?lang= in a browser, then it wins over the stored choice, Teams and the browser', () => {
    expect(resolveLanguage({ query: 'ar', inTeams: false, stored: 'fr', teamsLocale: 'ru-ru', browser: ['es-ES'] })).toBe('ar');
  });

  it('given ?lang= inside Teams, then it is ignored: the stored choice, else Teams’ locale, decides', () => {
    expect(resolveLanguage({ query: 'ar', inTeams: true, stored: null, teamsLocale: 'ru-ru', browser: ['es-ES'] })).toBe('ru');
    expect(resolveLanguage({ query: 'ar', inTeams: true, stored: 'fr', teamsLocale: 'ru-ru', browser: ['es-ES'] })).toBe('fr');
  });

  it('given no query and no stored choice, then Teams’ locale wins over the browser, and the browser over English', () => {
    expect(resolveLanguage({ ...none, teamsLocale: 'zh-cn', browser: ['es-ES'] })).toBe('zh-Hans');
    expect(resolveLanguage({ ...none, browser: ['de-DE', 'es-MX', 'fr'] })).toBe('es');
    expect(resolveLanguage(none)).toBe('en');
  });

  it('given an unsupported ?lang= or stored value, then the next source is used', () => {
    expect(resolveLanguage({ ...none, query: 'xx', stored: 'klingon', browser: ['ru'] })).toBe('ru');
  });
});

describe('plural forms through i18next', () => {
  it('given Russian, then 1, 3, 5 and 21 minutes take the one, few, many and one forms', async () => {
    const ru = (await import('../../plugin/src/i18n/locales/ru.json')).default;
    i18n.addResourceBundle('ru', 'translation', ru);
    await i18n.changeLanguage('ru');
    try {
      expect([1, 3, 5, 21].map((m) => spokenStatus(m * 60))).toEqual([
        'Осталась 1 минута или меньше.',
        'Осталось 3 минуты или меньше.',
        'Осталось 5 минут или меньше.',
        'Осталась 21 минута или меньше.',
      ]);
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('given Arabic, then one, two, three and eleven minutes take the one, two, few and many forms', async () => {
    const ar = (await import('../../plugin/src/i18n/locales/ar.json')).default;
    i18n.addResourceBundle('ar', 'translation', ar);
    await i18n.changeLanguage('ar');
    try {
      expect([60, 120, 180, 660].map(formatMinutes)).toEqual(['نحو دقيقة واحدة', 'نحو دقيقتين', 'نحو 3 دقائق', 'نحو 11 دقيقة']);
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('given English (the default), then the helpers read as before', () => {
    expect(formatMinutes(30)).toBe('under a minute');
    expect(formatMinutes(120)).toBe('about 2 minutes');
  });
});
