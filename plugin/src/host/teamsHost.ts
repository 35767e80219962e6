import type { Surface, ThemeName } from './hostMode.js';
import { themeFromTeams } from './hostMode.js';

// The one file that calls TeamsJS (loaded on demand, so browser mode never downloads it). Everything the
// tab needs from Teams goes through `TeamsHost`, which keeps the UI testable outside Teams.

export interface TeamsHost {
  surface: Surface;
  theme: ThemeName;
  meetingId: string | null;
  userName: string | null;
  isAnonymous: boolean;
  getAuthToken(): Promise<string>;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  canShareToStage(): Promise<boolean>;
  shareToStage(url: string): Promise<void>;
  configure(handlers: { onSave: () => Promise<{ contentUrl: string; entityId: string; websiteUrl: string }> }): void;
  setConfigValid(valid: boolean): void;
}

export class TeamsInitTimeout extends Error {
  constructor() {
    super('Convene could not talk to Teams.');
    this.name = 'TeamsInitTimeout';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new TeamsInitTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const SURFACES: Record<string, Surface> = { settings: 'settings', sidePanel: 'sidePanel', meetingStage: 'meetingStage', content: 'content' };

/** Initializes TeamsJS with our own short time-out (its own is 60 s), then reads the context. */
export async function connectTeams(extraOrigins: string[], timeoutMs = 8000): Promise<TeamsHost> {
  const { app, authentication, meeting, pages } = await import('@microsoft/teams-js');
  await withTimeout(app.initialize(extraOrigins.length ? extraOrigins : undefined), timeoutMs);
  const context = await withTimeout(app.getContext(), timeoutMs);
  void app.notifySuccess();
  const surface = SURFACES[context.page.frameContext] ?? 'content';
  return {
    surface,
    theme: themeFromTeams(context.app.theme),
    meetingId: context.meeting?.id ?? null,
    userName: context.user?.displayName ?? null,
    isAnonymous: !context.user || context.user.licenseType === 'Anonymous',
    getAuthToken: () => authentication.getAuthToken(),
    onThemeChange(handler) {
      app.registerOnThemeChangeHandler((theme) => handler(themeFromTeams(theme)));
    },
    canShareToStage() {
      if (surface !== 'sidePanel' && surface !== 'meetingStage') return Promise.resolve(false);
      return new Promise((resolve) => {
        try {
          meeting.getAppContentStageSharingCapabilities((error, capabilities) =>
            resolve(!error && Boolean(capabilities?.doesAppHaveSharePermission)),
          );
        } catch {
          resolve(false);
        }
      });
    },
    shareToStage(url) {
      return new Promise((resolve, reject) => {
        meeting.shareAppContentToStage((error) => {
          if (!error) return resolve();
          const reason =
            error.errorCode === 1000
              ? 'Teams says this app may not share to the stage: only presenters and organizers can.'
              : `Teams could not share to the stage (${error.errorCode}${error.message ? `: ${error.message}` : ''}).`;
          reject(new Error(`${reason} Try again, or ask the organizer to make you a presenter.`));
        }, url);
      });
    },
    configure({ onSave }) {
      pages.config.registerOnSaveHandler((saveEvent) => {
        onSave().then(
          async ({ contentUrl, entityId, websiteUrl }) => {
            await pages.config.setConfig({ contentUrl, entityId, suggestedDisplayName: 'Convene', websiteUrl });
            saveEvent.notifySuccess();
          },
          (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
        );
      });
    },
    setConfigValid(valid) {
      pages.config.setValidityState(valid);
    },
  };
}
