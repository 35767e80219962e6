import {
  FluentProvider,
  makeStyles,
  tokens,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getClientConfig, getHealth } from '../api/endpoints.js';
import { setSsoTokenSource } from '../api/session.js';
import { initialLanguage, startLanguage } from '../i18n/i18n.js';
import { isRightToLeft, toLanguage } from '../i18n/languages.js';
import { HostError } from './HostError.js';
import { isTeamsHint, surfaceFromQuery, themeFromQuery, type Surface, type ThemeName } from './hostMode.js';
import type { TeamsHost } from './teamsHost.js';
import { useAppCaching } from './useAppCaching.js';
import { remTheme } from './remTheme.js';

// Decides browser or Teams mode once, wires SSO and the theme, and renders the Fluent provider.

export interface HostInfo {
  mode: 'browser' | 'teams';
  /** The surface Teams put us on, or the `?view=` override in a browser. Null: pick by role. */
  surface: Surface | null;
  theme: ThemeName;
  teams: TeamsHost | null;
}

const THEMES: Record<ThemeName, Theme> = {
  light: remTheme(teamsLightTheme),
  dark: remTheme(teamsDarkTheme),
  contrast: remTheme(teamsHighContrastTheme),
};

const useStyles = makeStyles({ connecting: { padding: tokens.spacingHorizontalL } });

const HostContext = createContext<HostInfo>({ mode: 'browser', surface: null, theme: 'light', teams: null });
export const useHost = (): HostInfo => useContext(HostContext);

/** Extra origins allowed to host the tab (TEAMS_EXTRA_HOST_ORIGINS, for test hosts standing in for Teams). */
async function teamsHostOrigins(): Promise<string[]> {
  try {
    return (await getClientConfig()).teamsExtraHostOrigins ?? [];
  } catch {
    try {
      return (await getHealth()).teamsHostOrigins ?? [];
    } catch {
      return [];
    }
  }
}

export function HostProvider({ children }: { children: ReactNode }) {
  const inTeams = isTeamsHint();
  const { t, i18n } = useTranslation();
  // English is bundled; another language waits for its catalog, so that nobody reads a flash of English.
  const [languageReady, setLanguageReady] = useState(() => inTeams || initialLanguage(false) === 'en');
  const [host, setHost] = useState<HostInfo | null>(() =>
    inTeams ? null : { mode: 'browser', surface: surfaceFromQuery(), theme: themeFromQuery(), teams: null },
  );
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (inTeams) return;
    void startLanguage(false).finally(() => setLanguageReady(true));
  }, [inTeams]);

  useEffect(() => {
    if (!inTeams) return;
    let cancelled = false;
    (async () => {
      const { connectTeams } = await import('./teamsHost.js');
      const teams = await connectTeams(await teamsHostOrigins());
      if (cancelled) return;
      // Anonymous guests have no SSO token: they use an invitation (a Convene session) instead.
      if (!teams.isAnonymous) setSsoTokenSource(() => teams.getAuthToken());
      // The tab speaks Teams' language (app.locale) unless the user picked another in the tab.
      await startLanguage(true, teams.locale).catch(() => undefined);
      if (cancelled) return;
      setHost({ mode: 'teams', surface: surfaceFromQuery() ?? teams.surface, theme: teams.theme, teams });
      teams.onThemeChange((theme) => setHost((h) => (h ? { ...h, theme } : h)));
    })().catch((error: unknown) => {
      if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
    });
    return () => {
      cancelled = true;
    };
  }, [inTeams]);

  const cache = useAppCaching(host?.teams ?? null);
  // Once per page load: a cached tab shown again is announced by useAppCaching.
  const toldTeams = useRef(false);
  const theme = THEMES[host?.theme ?? themeFromQuery()];
  const styles = useStyles();
  const dir = isRightToLeft(toLanguage(i18n.language) ?? 'en') ? 'rtl' : 'ltr';
  return (
    // Inline, not a class: Fluent copies the provider's classes onto its portal nodes (menus, listboxes),
    // which would then cover the page.
    <FluentProvider theme={theme} dir={dir} style={{ minHeight: '100vh' }}>
      {failure ? (
        <HostError detail={failure} />
      ) : cache.suspended ? null : host && languageReady ? (
        <>
          {/* key: a cached tab that Teams shows again mounts afresh (useAppCaching). */}
          <HostContext.Provider key={cache.generation} value={host}>
            {children}
          </HostContext.Provider>
          <NotifyWhenRendered teams={host.teams} told={toldTeams} />
        </>
      ) : inTeams ? (
        <p role="status" className={styles.connecting}>
          {t('host.connecting')}
        </p>
      ) : null}
    </FluentProvider>
  );
}

/**
 * Tells Teams the tab loaded successfully once, after the page's first render has been committed (its effects
 * run after those of the page before it); connectTeams already said notifyAppLoaded.
 */
function NotifyWhenRendered({ teams, told }: { teams: TeamsHost | null; told: { current: boolean } }) {
  useEffect(() => {
    if (!teams || told.current) return;
    told.current = true;
    teams.notifyLoaded();
  }, [teams, told]);
  return null;
}
