import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { Config } from '../config.js';

// Headers for a tab framed by Teams, Outlook and Microsoft 365. helmet's defaults would
// break the tab: `X-Frame-Options: SAMEORIGIN` and `frame-ancestors 'self'`. The Microsoft hosts are
// allowed to frame us instead; the same policy is sent on `/`, because new Outlook checks the site root.

export const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office365.com',
  'https://outlook.live.com',
];

/** teams-js fetches its list of valid host origins from this CDN (and falls back to a bundled list). */
const TEAMS_JS_CDN = 'https://res.cdn.office.net';

export function liveKitConnectSources(url: string | undefined): string[] {
  if (!url) return [];
  const parsed = new URL(url);
  const secure = parsed.protocol === 'wss:' || parsed.protocol === 'https:';
  return [`${secure ? 'wss' : 'ws'}://${parsed.host}`, `${secure ? 'https' : 'http'}://${parsed.host}`];
}

export function securityHeaders(config: Config): RequestHandler {
  const frameAncestors = [...TEAMS_FRAME_ANCESTORS, ...config.teamsExtraHostOrigins];
  const httpsOnly = config.publicUrl.startsWith('https://');
  return precomputed(
    helmet({
      xFrameOptions: false,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'base-uri': ["'none'"],
          'object-src': ["'none'"],
          'script-src': ["'self'"],
          // Fluent UI (Griffel) inserts style rules at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'media-src': ["'self'", 'blob:'],
          'worker-src': ["'self'", 'blob:'],
          'connect-src': ["'self'", TEAMS_JS_CDN, ...liveKitConnectSources(config.livekit?.url)],
          'frame-ancestors': frameAncestors,
          'form-action': ["'self'"],
          ...(httpsOnly ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: httpsOnly ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    }),
  );
}

/**
 * helmet's headers, worked out once: they depend on the configuration alone (no nonce, nothing per request),
 * but helmet runs a dozen small middlewares per request to set them, a fixed cost of every command under a
 * floor storm. The handler is run once against a recording response; each request then gets the recorded
 * headers. Should helmet ever not answer synchronously, it is used as it is.
 */
function precomputed(handler: RequestHandler): RequestHandler {
  const set: [string, string | number | readonly string[]][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void set.push([name, value]),
    removeHeader: (name: string) => void removed.push(name),
  };
  let synchronous = false;
  handler({ headers: {} } as never, recorder as never, () => (synchronous = true));
  if (!synchronous) return handler;
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}
