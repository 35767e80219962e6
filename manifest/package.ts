import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPackage, type PackageSources } from './buildPackage.js';
import type { TemplateValues } from './fillTemplate.js';
import { LANGUAGE_FILES } from './zipPackage.js';

/**
 * `npm run package:manifest [-- --allow-http-localhost]`: builds manifest/build/convene-<version>.zip,
 * the Teams app package, from manifest.template.json, the two icons and the environment.
 *
 * This is a build script, not the server: it reads the environment itself, in `readEnvironment` only.
 */

const MANIFEST_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(MANIFEST_DIR, '..');

export interface RawInputs {
  readonly teamsAppId?: string;
  readonly publicUrl?: string;
  readonly entraClientId?: string;
  readonly version?: string;
  readonly allowHttpLocalhost: boolean;
}

function readEnvironment(): RawInputs {
  const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  return {
    teamsAppId: process.env.TEAMS_APP_ID,
    publicUrl: process.env.PUBLIC_URL,
    entraClientId: process.env.ENTRA_CLIENT_ID,
    version: packageJson.version,
    allowHttpLocalhost: process.argv.includes('--allow-http-localhost'),
  };
}

export { buildPackage } from './buildPackage.js';
export { fillTemplate } from './fillTemplate.js';
export { validateManifest } from './validateManifest.js';
export { checkDomains } from './checkDomains.js';
export { checkColorIcon, checkOutlineIcon } from './checkIcons.js';
export { checkPermissions } from './checkPermissions.js';
export { zipPackage, LANGUAGE_FILES, PACKAGE_FILES } from './zipPackage.js';

/** A fixed id for development packages only: every real tenant install needs its own registered id. */
export const DEV_TEAMS_APP_ID = 'c764117d-8bd0-473a-ba19-b93fbea9b327';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface ResolvedValues {
  readonly values: TemplateValues;
  readonly warnings: readonly string[];
  readonly problems: readonly string[];
}

/** Turns the raw inputs into the template's placeholder values, listing every problem found. */
export function resolveValues(raw: RawInputs): ResolvedValues {
  const warnings: string[] = [];
  const problems: string[] = [];
  const values: Record<string, string> = {};

  if (raw.teamsAppId === undefined || raw.teamsAppId === '') {
    values.APP_ID = DEV_TEAMS_APP_ID;
    warnings.push(
      `TEAMS_APP_ID is not set: using the fixed development id ${DEV_TEAMS_APP_ID}. ` +
        'Set it to your own GUID (the id your tenant knows the app by) for any package you share.',
    );
  } else if (!GUID.test(raw.teamsAppId)) {
    problems.push(`TEAMS_APP_ID: "${raw.teamsAppId}" is not a GUID (e.g. ${DEV_TEAMS_APP_ID})`);
  } else {
    values.APP_ID = raw.teamsAppId.toLowerCase();
  }

  const host = resolveHost(raw, warnings, problems);
  if (host !== undefined) values.HOST_NAME = host;

  if (raw.entraClientId === undefined || raw.entraClientId === '') {
    problems.push('ENTRA_CLIENT_ID is not set: set it to the Application (client) ID of the Entra app registration used for Teams SSO');
  } else if (!GUID.test(raw.entraClientId)) {
    problems.push(`ENTRA_CLIENT_ID: "${raw.entraClientId}" is not a GUID (the Entra Application (client) ID)`);
  } else {
    values.ENTRA_CLIENT_ID = raw.entraClientId.toLowerCase();
  }

  if (raw.version === undefined || !SEMVER.test(raw.version)) {
    problems.push(`package.json version "${String(raw.version)}" must be MAJOR.MINOR.PATCH (Teams compares app versions)`);
  } else {
    values.APP_VERSION = raw.version;
  }
  return { values, warnings, problems };
}

function resolveHost(raw: RawInputs, warnings: string[], problems: string[]): string | undefined {
  if (raw.publicUrl === undefined || raw.publicUrl === '') {
    problems.push('PUBLIC_URL is not set: set it to the public HTTPS origin Teams reaches, e.g. https://convene.example.org');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw.publicUrl);
  } catch {
    problems.push(`PUBLIC_URL: "${raw.publicUrl}" is not a URL; expected an origin such as https://convene.example.org`);
    return undefined;
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    problems.push(`PUBLIC_URL: "${raw.publicUrl}" must be an origin only (scheme, host, optional port), without path or query`);
    return undefined;
  }
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) {
    if (!raw.allowHttpLocalhost) {
      problems.push(
        `PUBLIC_URL: "${raw.publicUrl}" is not HTTPS. Teams loads only HTTPS tabs; for a local trial pass ` +
          '--allow-http-localhost (npm run package:manifest -- --allow-http-localhost)',
      );
      return undefined;
    }
    warnings.push(
      `PUBLIC_URL is ${url.origin}: the package points at https://${url.host}, which Teams can load only if ` +
        'something serves HTTPS there (a dev certificate or a reverse proxy). Do not distribute this package.',
    );
  } else if (url.protocol !== 'https:') {
    problems.push(`PUBLIC_URL: "${raw.publicUrl}" must use https (http is allowed only for localhost, with --allow-http-localhost)`);
    return undefined;
  }
  return url.host.toLowerCase();
}

export function readPackageSources(dir: string = MANIFEST_DIR): PackageSources {
  return {
    templateText: readFileSync(path.join(dir, 'manifest.template.json'), 'utf8'),
    colorPng: readFileSync(path.join(dir, 'color.png')),
    outlinePng: readFileSync(path.join(dir, 'outline.png')),
    languageFiles: Object.fromEntries(LANGUAGE_FILES.map((name) => [name, readFileSync(path.join(dir, 'locales', name), 'utf8')])),
  };
}

async function main(): Promise<number> {
  const resolved = resolveValues(readEnvironment());
  const result = await buildPackage(resolved.values, readPackageSources());
  for (const warning of resolved.warnings) console.warn(`warning: ${warning}`);
  const problems = [...resolved.problems, ...result.problems];
  if (problems.length > 0 || result.zip === undefined) {
    console.error(`The Teams app package was not built: ${problems.length} problem(s).`);
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  const outDir = path.join(MANIFEST_DIR, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `convene-${resolved.values.APP_VERSION}.zip`);
  writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(result.manifest, null, 2)}\n`);
  writeFileSync(zipPath, result.zip);
  const sha256 = createHash('sha256').update(result.zip).digest('hex');
  console.log(`Built ${path.relative(ROOT, zipPath)} (${result.zip.length} bytes, sha256 ${sha256})`);
  console.log(`  app id ${resolved.values.APP_ID}, host ${resolved.values.HOST_NAME}, version ${resolved.values.APP_VERSION}`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error('The Teams app package was not built:', error);
      process.exitCode = 1;
    },
  );
}
