/**
 * Rules Teams enforces at upload or at run time that the JSON schema does not express:
 * - every URL Teams opens (configuration page, developer pages, anything we add later) must be HTTPS and
 *   its host must be listed in `validDomains`, or Teams refuses to load it (and `shareAppContentToStage`
 *   fails with 501 for a URL outside `validDomains`);
 * - SSO's `webApplicationInfo.resource` must be `api://<a valid domain>/<webApplicationInfo.id>`, the
 *   Application ID URI the Entra app exposes, or `getAuthToken` fails.
 */

interface FoundUrl {
  readonly path: string;
  readonly url: URL;
}

// `$schema` points at Microsoft's schema host: Teams never loads it, so it needs no valid domain.
const NOT_LOADED_BY_TEAMS = new Set(['/$schema']);

export function checkDomains(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const domains = Array.isArray(manifest.validDomains)
    ? manifest.validDomains.filter((domain): domain is string => typeof domain === 'string')
    : [];
  if (domains.length === 0) problems.push('validDomains: the list is empty; it must hold the host that serves the tab');

  for (const { path, url } of findUrls(manifest, '', problems)) {
    if (url.protocol === 'api:') continue;
    if (url.protocol !== 'https:') {
      problems.push(`${path}: "${url.href}" must use https (Teams loads only HTTPS pages)`);
    }
    if (!domains.some((domain) => hostMatches(url, domain))) {
      problems.push(`${path}: host "${url.host}" of "${url.href}" is not in validDomains [${domains.join(', ')}]`);
    }
  }
  problems.push(...checkSsoResource(manifest, domains));
  return problems;
}

function checkSsoResource(manifest: Record<string, unknown>, domains: readonly string[]): string[] {
  const info = manifest.webApplicationInfo as { id?: unknown; resource?: unknown } | undefined;
  if (info === undefined || typeof info.resource !== 'string') return [];
  let resource: URL;
  try {
    resource = new URL(info.resource);
  } catch {
    return [`/webApplicationInfo/resource: "${info.resource}" is not a URL`];
  }
  const problems: string[] = [];
  const expected = `api://${resource.host}/${String(info.id)}`;
  if (resource.protocol !== 'api:' || info.resource !== expected) {
    problems.push(`/webApplicationInfo/resource: "${info.resource}" must be "${expected}" (api://<host>/<webApplicationInfo.id>)`);
  }
  if (!domains.some((domain) => hostMatches(resource, domain))) {
    problems.push(`/webApplicationInfo/resource: host "${resource.host}" is not in validDomains [${domains.join(', ')}]`);
  }
  return problems;
}

function findUrls(value: unknown, path: string, problems: string[]): FoundUrl[] {
  if (NOT_LOADED_BY_TEAMS.has(path)) return [];
  if (typeof value === 'string') {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return [];
    try {
      return [{ path, url: new URL(value) }];
    } catch {
      problems.push(`${path}: "${value}" looks like a URL but does not parse`);
      return [];
    }
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => findUrls(item, `${path}/${index}`, problems));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findUrls(item, `${path}/${key}`, problems));
  }
  return [];
}

/**
 * `validDomains` entries are host names, optionally with a port (`localhost:3978`) or a leading
 * wildcard label (`*.example.org`, which matches any sub-domain, on any port, but not example.org itself).
 */
export function hostMatches(url: URL, domain: string): boolean {
  const entry = domain.toLowerCase();
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  if (entry.startsWith('*.')) return hostname.endsWith(entry.slice(1));
  return entry.includes(':') ? host === entry : hostname === entry && url.port === '';
}
