import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

/**
 * Schema validation with the JSON schemas bundled in `@microsoft/app-manifest`, strictly offline.
 *
 * `AppManifestUtils.validateAgainstSchema(manifest)` maps a developer.microsoft.com `$schema` URL to its
 * bundled copy but silently falls back to the network for anything else. We resolve the bundled file
 * ourselves and pass the schema in, so a build never depends on (or waits for) developer.microsoft.com,
 * and a `$schema` the package does not bundle is reported instead of fetched.
 */

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v1\.\d+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i;

const require = createRequire(import.meta.url);
const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));

/** The bundled schema file for a Teams manifest `$schema` URL, or `undefined` if it is not bundled. */
export function bundledSchemaPath(schemaUrl: string): string | undefined {
  const match = SCHEMA_URL.exec(schemaUrl);
  if (!match) return undefined;
  const file = path.join(packageRoot, 'build', 'json-schemas', 'teams', match[1], 'MicrosoftTeams.schema.json');
  return existsSync(file) ? file : undefined;
}

/**
 * Returns the validator's own messages (for example `/name/short must NOT have more than 30 characters.
 * Details: {"limit":30}`), each prefixed with `schema:`; an empty list means the manifest is valid.
 */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const schemaUrl = manifest.$schema;
  if (typeof schemaUrl !== 'string') return ['schema: the manifest has no "$schema" URL'];
  const file = bundledSchemaPath(schemaUrl);
  if (!file) {
    return [`schema: "${schemaUrl}" is not a Teams schema bundled with @microsoft/app-manifest (offline validation only)`];
  }
  const problems: string[] = [];
  const version = /\/(v[^/]+)\//.exec(schemaUrl)?.[1];
  if (version !== undefined && `v${String(manifest.manifestVersion)}` !== version && version !== 'vDevPreview') {
    problems.push(`schema: manifestVersion "${String(manifest.manifestVersion)}" does not match $schema ${version}`);
  }
  // Same cleaning as the package's own fetchSchema: some bundled schemas contain \a and \v escapes.
  const raw = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(raw) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
  return [...problems, ...errors.map((error) => `schema: ${error}`)];
}
