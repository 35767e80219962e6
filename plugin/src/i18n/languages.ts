// The six official languages of the United Nations (docs/product.md item 10), and how any language tag the
// browser, Teams or a link gives us maps onto them. Pure: the tests check the precedence without a browser.

export const LANGUAGES = ['ar', 'zh-Hans', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself: a picker must be readable by someone who cannot read the current one. */
export const NATIVE_NAME: Record<Language, string> = {
  ar: 'العربية',
  'zh-Hans': '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

export const isRightToLeft = (language: Language): boolean => language === 'ar';

/**
 * A BCP 47 tag (`fr-CA`, `zh-SG`, `ar_EG`, `EN-us`) to one of the six, or null when it is none of them.
 * Every Chinese tag maps to Simplified Chinese, the UN's written Chinese: Traditional (`zh-TW`, `zh-Hant`)
 * readers get Simplified rather than English.
 */
export function toLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().replace(/_/g, '-').split('-')[0];
  switch (primary) {
    case 'ar':
    case 'en':
    case 'fr':
    case 'ru':
    case 'es':
      return primary;
    case 'zh':
      return 'zh-Hans';
    default:
      return null;
  }
}

export interface LanguageSources {
  /** `?lang=` in the address; only honoured outside Teams, where Teams' own locale is the user's choice. */
  query: string | null;
  inTeams: boolean;
  /** What the user chose in the picker earlier. */
  stored: string | null;
  /** Teams' `app.locale` (e.g. `en-us`), once the host context is known. */
  teamsLocale: string | null;
  /** navigator.languages, most preferred first. */
  browser: readonly string[];
}

/** `?lang=` (outside Teams) > the picker's remembered choice > Teams' locale > the browser's languages > English. */
export function resolveLanguage(sources: LanguageSources): Language {
  const candidates = [sources.inTeams ? null : sources.query, sources.stored, sources.teamsLocale, ...sources.browser];
  for (const tag of candidates) {
    const language = toLanguage(tag);
    if (language) return language;
  }
  return 'en';
}
