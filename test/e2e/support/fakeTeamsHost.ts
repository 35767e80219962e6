import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for the Teams client: a page on another origin that frames the tab
// and answers TeamsJS's postMessage protocol — initialize, getContext, getAuthToken, stage sharing,
// the configuration page's save, app caching (load / beforeUnload → readyToUnload) and the meeting's
// incoming audio (getIncomingClientAudioState / toggleIncomingClientAudio, message names as TeamsJS 2.58 sends them),
// the stage-sharing state (getAppContentStageSharingState / stopSharingAppContentToStage) and getMeetingDetails. The wire format is TeamsJS-internal, so this is kept deliberately thin.
// Every call the tab makes is recorded in `window.hostCalls` for the test to read.

export interface FakeHostOptions {
  tabUrl: string;
  frameContext: 'settings' | 'content' | 'sidePanel' | 'meetingStage';
  theme: 'default' | 'dark' | 'contrast';
  /** What `authentication.getAuthToken()` resolves to (the server accepts a Convene session as bearer). */
  token: string;
  width?: number;
  height?: number;
  /** How Teams answers the incoming-audio calls: as a meeting with the RSC consent (default), or with error 501. */
  incomingAudio?: 'supported' | 'refused';
  /** The meeting's scheduled end that `meeting.getMeetingDetails` answers (ISO); unset: Teams refuses (no RSC consent). */
  scheduledEnd?: string;
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Teams host</title>
<style>html,body{margin:0;height:100%;background:#1f1f1f}iframe{border:0;display:block}</style></head>
<body><main><h1 style="position:absolute;left:-9999px">Fake Teams host</h1><iframe id="tab" title="Convene"></iframe></main><script>
const opts = JSON.parse(decodeURIComponent(location.hash.slice(1)));
const frame = document.getElementById('tab');
frame.width = opts.width || 320; frame.height = opts.height || 800;
frame.allow = 'camera; microphone';
frame.src = opts.tabUrl;
const tabOrigin = new URL(opts.tabUrl).origin;
window.hostCalls = [];
const runtime = JSON.stringify({ apiVersion: 4, supports: { pages: { config: {}, backStack: {}, fullTrust: {} }, meeting: {}, teamsCore: {}, appInstallDialog: {} } });
const context = {
  locale: 'en-us', theme: opts.theme, frameContext: opts.frameContext, meetingId: 'MCMxOTptZWV0aW5nX2Zha2VAdGhyZWFkLnYyIzA=',
  chatId: '19:meeting_fake@thread.v2', userObjectId: '00000000-0000-0000-0000-0000000000aa', tid: '00000000-0000-0000-0000-0000000000bb',
  loginHint: 'chair@example.org', userPrincipalName: 'chair@example.org', userDisplayName: 'Ambassador Chair', hostClientType: 'desktop',
  hostName: 'Teams', userLicenseType: 'Unknown', entityId: 'convene', appSessionId: 'fake-session',
};
let incomingAudioMuted = false;
let stageSharing = false;
const refused = [{ errorCode: 501, message: 'Not supported in the current context' }, null];
function reply(source, msg, args) { source.postMessage({ id: msg.id, uuidAsString: msg.uuidAsString, args }, tabOrigin); }
window.addEventListener('message', (event) => {
  if (event.origin !== tabOrigin || event.source !== frame.contentWindow) return;
  const msg = event.data || {};
  if (typeof msg.func !== 'string') return;
  window.hostCalls.push({ func: msg.func, args: msg.args });
  switch (msg.func) {
    case 'initialize': return reply(event.source, msg, [opts.frameContext, 'desktop', runtime, '2.58.0']);
    case 'getContext': return reply(event.source, msg, [context]);
    case 'authentication.getAuthToken': return reply(event.source, msg, [true, opts.token]);
    case 'meeting.getAppContentStageSharingCapabilities': return reply(event.source, msg, [null, { doesAppHaveSharePermission: true }]);
    case 'meeting.shareAppContentToStage': stageSharing = true; return reply(event.source, msg, [null, true]);
    case 'meeting.getAppContentStageSharingState': return reply(event.source, msg, [null, { isAppSharing: stageSharing }]);
    case 'meeting.stopSharingAppContentToStage': stageSharing = false; return reply(event.source, msg, [null, true]);
    case 'meeting.getMeetingDetails':
      return reply(event.source, msg, opts.scheduledEnd ? [null, { details: { scheduledEndTime: opts.scheduledEnd, type: 'Scheduled' } }] : [{ errorCode: 1000, message: 'Permission denied' }, null]);
    case 'settings.setSettings': return reply(event.source, msg, [true]);
    case 'getIncomingClientAudioState':
      return reply(event.source, msg, opts.incomingAudio === 'refused' ? refused : [null, incomingAudioMuted]);
    case 'toggleIncomingClientAudio':
      if (opts.incomingAudio === 'refused') return reply(event.source, msg, refused);
      incomingAudioMuted = !incomingAudioMuted;
      return reply(event.source, msg, [null, incomingAudioMuted]);
    default: return reply(event.source, msg, [true]);
  }
});
/** Teams' Save button on the configuration dialog. */
window.pressSave = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, tabOrigin);
/** The user switching Teams' theme. */
window.switchTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, tabOrigin);
/** App caching: Teams hides the tab (it should answer readyToUnload), then shows it again for some tab. */
window.sendBeforeUnload = () => frame.contentWindow.postMessage({ func: 'beforeUnload', args: [] }, tabOrigin);
window.sendLoad = (load) => frame.contentWindow.postMessage({ func: 'load', args: [load] }, tabOrigin);
/** The meeting's incoming audio as Teams holds it (true: muted). */
window.incomingAudioMuted = () => incomingAudioMuted;
</script></body></html>`;

export interface FakeTeamsHost {
  origin: string;
  /** The address of a host page that frames the tab with these options. */
  urlFor(options: FakeHostOptions): string;
  close(): Promise<void>;
}

/** Listens on `port` (chosen beforehand, because the server must list this origin at start-up). */
export async function startFakeTeamsHost(port: number): Promise<FakeTeamsHost> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    urlFor: (options) => `${origin}/#${encodeURIComponent(JSON.stringify(options))}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
