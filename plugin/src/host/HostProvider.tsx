import { FluentProvider, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { getClientConfig, getHealth } from '../api/endpoints.js';
import { setSsoTokenSource } from '../api/session.js';
import { HostError } from './HostError.js';
import { isTeamsHint, surfaceFromQuery, themeFromQuery, type Surface, type ThemeName } from './hostMode.js';
import type { TeamsHost } from './teamsHost.js';

// Decides browser or Teams mode once, wires SSO and the theme, and renders the Fluent provider.

export interface HostInfo {
  mode: 'browser' | 'teams';
  /** The surface Teams put us on, or the `?view=` override in a browser. Null: pick by role. */
  surface: Surface | null;
  theme: ThemeName;
  teams: TeamsHost | null;
}

const THEMES: Record<ThemeName, Theme> = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

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
  const [host, setHost] = useState<HostInfo | null>(() =>
    inTeams ? null : { mode: 'browser', surface: surfaceFromQuery(), theme: themeFromQuery(), teams: null },
  );
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!inTeams) return;
    let cancelled = false;
    (async () => {
      const { connectTeams } = await import('./teamsHost.js');
      const teams = await connectTeams(await teamsHostOrigins());
      if (cancelled) return;
      // Anonymous guests have no SSO token: they use an invitation (a Convene session) instead.
      if (!teams.isAnonymous) setSsoTokenSource(() => teams.getAuthToken());
      setHost({ mode: 'teams', surface: surfaceFromQuery() ?? teams.surface, theme: teams.theme, teams });
      teams.onThemeChange((theme) => setHost((h) => (h ? { ...h, theme } : h)));
    })().catch((error: unknown) => {
      if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
    });
    return () => {
      cancelled = true;
    };
  }, [inTeams]);

  const theme = THEMES[host?.theme ?? themeFromQuery()];
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      {failure ? (
        <HostError detail={failure} />
      ) : host ? (
        <HostContext.Provider value={host}>{children}</HostContext.Provider>
      ) : (
        <p role="status" style={{ padding: 16 }}>
          Connecting to Teams…
        </p>
      )}
    </FluentProvider>
  );
}
