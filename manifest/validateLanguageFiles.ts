import { readFileSync } from 'node:fs';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { bundledSchemaPath } from './validateManifest.js';

/**
 * The language files of `localizationInfo` (the app's name and descriptions in each language): every file
 * the manifest names is there and every file given is named; each parses, validates offline against the
 * localization schema bundled with @microsoft/app-manifest, and declares that schema.
 */

const LOCALIZATION_SCHEMA =
  /^(https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\/)MicrosoftTeams\.Localization\.schema\.json$/;

interface LocalizationInfo {
  defaultLanguageFile?: string;
  additionalLanguages?: { languageTag: string; file: string }[];
}

export async function validateLanguageFiles(manifest: Record<string, unknown>, files: Readonly<Record<string, string>>): Promise<string[]> {
  const info = (manifest.localizationInfo ?? {}) as LocalizationInfo;
  const named = [...(info.defaultLanguageFile ? [info.defaultLanguageFile] : []), ...(info.additionalLanguages ?? []).map((l) => l.file)];
  const problems: string[] = [];
  for (const file of named)
    if (!(file in files)) problems.push(`/localizationInfo: "${file}" is named but no such language file was given`);
  for (const file of Object.keys(files))
    if (!named.includes(file)) problems.push(`${file}: a language file that /localizationInfo does not name`);
  for (const file of named.filter((f) => f in files)) {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(files[file]) as Record<string, unknown>;
    } catch (error) {
      problems.push(`${file}: not JSON (${(error as Error).message})`);
      continue;
    }
    const match = typeof parsed.$schema === 'string' ? LOCALIZATION_SCHEMA.exec(parsed.$schema) : null;
    const manifestSchema = match ? bundledSchemaPath(`${match[1]}MicrosoftTeams.schema.json`) : undefined;
    if (!match || !manifestSchema) {
      problems.push(`${file}: "$schema" must be a bundled Teams localization schema, found "${String(parsed.$schema)}"`);
      continue;
    }
    const schema = withValidPatterns(
      JSON.parse(readFileSync(manifestSchema.replace('MicrosoftTeams.schema.json', 'MicrosoftTeams.Localization.schema.json'), 'utf8')),
    );
    const errors = await AppManifestUtils.validateAgainstSchema(parsed as never, schema as never);
    problems.push(...errors.map((e) => `${file}: schema: ${e}`));
  }
  return problems;
}

/**
 * The bundled localization schema has a few keys patterns (for bot and activity strings this app has none)
 * that are not valid Unicode regular expressions, which the validator compiles with the `u` flag; they are
 * left out rather than failing every build.
 */
function withValidPatterns(schema: Record<string, unknown>): Record<string, unknown> {
  const patterns = schema.patternProperties as Record<string, unknown> | undefined;
  if (!patterns) return schema;
  const valid = Object.fromEntries(
    Object.entries(patterns).filter(([pattern]) => {
      try {
        new RegExp(pattern, 'u');
        return true;
      } catch {
        return false;
      }
    }),
  );
  return { ...schema, patternProperties: valid };
}
