import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import { isRightToLeft, LANGUAGES, resolveLanguage, toLanguage, type Language } from './languages.js';

// One i18next instance for the tab. English is bundled and ready synchronously (so that helpers and unit tests
// read English without waiting); the other five catalogs are separate chunks, fetched when chosen.

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  resources: { en: { translation: en } },
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
});

const CATALOGS: Record<Exclude<Language, 'en'>, () => Promise<{ default: unknown }>> = {
  ar: () => import('./locales/ar.json'),
  'zh-Hans': () => import('./locales/zh-Hans.json'),
  fr: () => import('./locales/fr.json'),
  ru: () => import('./locales/ru.json'),
  es: () => import('./locales/es.json'),
};

const STORAGE_KEY = 'convene.lang';

export const currentLanguage = (): Language => toLanguage(i18n.language) ?? 'en';

/** The document follows the tab's language: `lang` for screen readers and fonts, `dir` for Arabic. */
function markDocument(language: Language): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
}
i18n.on('languageChanged', (lng) => markDocument(toLanguage(lng) ?? 'en'));

async function use(language: Language): Promise<void> {
  if (language !== 'en' && !i18n.hasResourceBundle(language, 'translation')) {
    const catalog = await CATALOGS[language]();
    i18n.addResourceBundle(language, 'translation', catalog.default as Record<string, unknown>);
  }
  await i18n.changeLanguage(language);
}

function stored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (third-party frame policies): the choice lasts for this page only
  }
}

/** The language this page starts in, before Teams answers (Teams' locale, if any, is applied by `startLanguage`). */
export function initialLanguage(inTeams: boolean, teamsLocale: string | null = null): Language {
  if (typeof window === 'undefined') return 'en';
  return resolveLanguage({
    query: new URLSearchParams(window.location.search).get('lang'),
    inTeams,
    stored: stored(),
    teamsLocale,
    browser: navigator.languages?.length ? navigator.languages : [navigator.language],
  });
}

/** Loads and applies the language this page should speak. Resolves once its catalog is in. */
export function startLanguage(inTeams: boolean, teamsLocale: string | null = null): Promise<void> {
  return use(initialLanguage(inTeams, teamsLocale));
}

/** The picker's choice: applied at once, and remembered for the next visit. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered; still applied
  }
  await use(language);
}
