import { cachingApplies, type CachedLoad } from './cachedLoad.js';
import type { Surface, ThemeName } from './hostMode.js';
import { themeFromTeams } from './hostMode.js';
import { IncomingAudioHandoff } from './incomingAudioHandoff.js';
import { isAppSharing, meetingCall } from './meetingCall.js';
import { scheduledEndOf, type MeetingDetailsLike } from './meetingSchedule.js';

// The one file that calls TeamsJS (loaded on demand, so browser mode never downloads it). Everything the
// tab needs from Teams goes through `TeamsHost`, which keeps the UI testable outside Teams.

export interface TeamsHost {
  surface: Surface;
  theme: ThemeName;
  meetingId: string | null;
  userName: string | null;
  isAnonymous: boolean;
  /** Teams' `app.locale` (e.g. `fr-fr`), for the tab's language. */
  locale: string | null;
  getAuthToken(): Promise<string>;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  canShareToStage(): Promise<boolean>;
  shareToStage(url: string): Promise<void>;
  /** Whether the app's content is on the meeting stage now (false when Teams cannot say). */
  isSharingToStage(): Promise<boolean>;
  /** Takes the app's content off the stage (presenters). */
  stopSharingToStage(): Promise<void>;
  /** The meeting's scheduled end (ISO), or null outside a meeting or when Teams will not say. */
  meetingScheduledEnd(): Promise<string | null>;
  configure(handlers: { onSave: () => Promise<{ contentUrl: string; entityId: string; websiteUrl: string }> }): void;
  setConfigValid(valid: boolean): void;
  /** Mutes the Teams meeting while the person is in a breakout room; null where Teams offers no such call. */
  audioHandoff: IncomingAudioHandoff | null;
  /**
   * Opts into app caching where it applies and the host supports it (teamsCore); false when not registered.
   * `onBeforeUnload` resolves when the tab has let go of its resources; Teams is then told it may unload.
   */
  enableCaching(handlers: { onLoad: (load: CachedLoad) => void; onBeforeUnload: () => Promise<void> }): boolean;
  /** Tells Teams the (re-shown) tab is ready: after its first meaningful render (Teams hides its spinner on notifyAppLoaded). */
  notifyLoaded(): void;
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

const SURFACES: Record<string, Surface> = {
  settings: 'settings',
  sidePanel: 'sidePanel',
  meetingStage: 'meetingStage',
  content: 'content',
};

/** Initializes TeamsJS with our own short time-out (its own is 60 s), then reads the context. */
export async function connectTeams(extraOrigins: string[], timeoutMs = 8000): Promise<TeamsHost> {
  const { app, authentication, meeting, pages, teamsCore } = await import('@microsoft/teams-js');
  await withTimeout(app.initialize(extraOrigins.length ? extraOrigins : undefined), timeoutMs);
  const context = await withTimeout(app.getContext(), timeoutMs);
  // The order Teams documents: loaded now; success only once something meaningful is on screen
  // (notifyLoaded, called by HostProvider after the first render of the page).
  app.notifyAppLoaded();
  const surface = SURFACES[context.page.frameContext] ?? 'content';
  return {
    surface,
    theme: themeFromTeams(context.app.theme),
    meetingId: context.meeting?.id ?? null,
    userName: context.user?.displayName ?? null,
    isAnonymous: !context.user || context.user.licenseType === 'Anonymous',
    locale: context.app.locale || null,
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
    isSharingToStage() {
      if (surface !== 'sidePanel' && surface !== 'meetingStage') return Promise.resolve(false);
      return isAppSharing((callback) => meeting.getAppContentStageSharingState(callback));
    },
    async stopSharingToStage() {
      await meetingCall((callback) => meeting.stopSharingAppContentToStage(callback));
    },
    async meetingScheduledEnd() {
      if (!context.meeting?.id) return null;
      try {
        const response = await meetingCall<unknown>((callback) => meeting.getMeetingDetails(callback));
        return scheduledEndOf(response as MeetingDetailsLike | null);
      } catch {
        // Without the RSC permission OnlineMeeting.ReadBasic.Chat (or outside a scheduled meeting) Teams refuses.
        return null;
      }
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
    // Teams allows the incoming-audio calls only in these two frame contexts (and they throw elsewhere).
    audioHandoff:
      surface === 'sidePanel' || surface === 'meetingStage'
        ? new IncomingAudioHandoff({
            isMuted: async () => (await meetingCall<boolean>((callback) => meeting.getIncomingClientAudioState(callback))) === true,
            toggle: async () => (await meetingCall<boolean>((callback) => meeting.toggleIncomingClientAudio(callback))) === true,
          })
        : null,
    enableCaching({ onLoad, onBeforeUnload }) {
      if (!cachingApplies(surface)) return false;
      try {
        if (!teamsCore.isSupported()) return false;
        teamsCore.registerOnLoadHandler((load) => onLoad(load));
        teamsCore.registerBeforeUnloadHandler((readyToUnload) => {
          void onBeforeUnload().finally(readyToUnload);
          return true; // we call readyToUnload ourselves, once the live stream is closed
        });
        return true;
      } catch {
        return false;
      }
    },
    notifyLoaded() {
      void app.notifySuccess();
    },
  };
}
