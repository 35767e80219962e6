// Where the tab runs, decided synchronously: Teams only when the URL carries the
// `inTeams=1` marker we put in every Teams URL and the page is framed. Everything else is browser mode.

export type ThemeName = 'light' | 'dark' | 'contrast';
export type Surface = 'settings' | 'content' | 'sidePanel' | 'meetingStage';

export function isTeamsHint(location: Location = window.location): boolean {
  const params = new URLSearchParams(location.search);
  let framed = false;
  try {
    framed = window.self !== window.top;
  } catch {
    framed = true; // a cross-origin parent throws on access: that is a frame
  }
  return params.get('inTeams') === '1' && framed;
}

/** `?theme=dark|contrast` lets people try the themes outside Teams. */
export function themeFromQuery(search: string = window.location.search): ThemeName {
  const value = new URLSearchParams(search).get('theme');
  return value === 'dark' || value === 'contrast' ? value : 'light';
}

/** Teams' `app.theme` (`default | dark | contrast | glass`) to ours; glass is treated as light. */
export function themeFromTeams(theme: string | undefined): ThemeName {
  return theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light';
}

/** `?view=console|panel|stage` overrides the surface outside Teams. */
export function surfaceFromQuery(search: string = window.location.search): Surface | null {
  const view = new URLSearchParams(search).get('view');
  if (view === 'panel') return 'sidePanel';
  if (view === 'stage') return 'meetingStage';
  if (view === 'console') return 'content';
  return null;
}
