import { checkDomains } from './checkDomains.js';
import { checkColorIcon, checkOutlineIcon } from './checkIcons.js';
import { checkPermissions } from './checkPermissions.js';
import { fillTemplate, type TemplateValues } from './fillTemplate.js';
import { validateLanguageFiles } from './validateLanguageFiles.js';
import { validateManifest } from './validateManifest.js';
import { PACKAGE_FILES, zipPackage } from './zipPackage.js';

/**
 * Fill → validate → check → zip, collecting every problem instead of stopping at the first, so one run
 * tells the operator everything that is wrong. The zip is produced only when there is no problem.
 */

export interface PackageSources {
  readonly templateText: string;
  readonly colorPng: Buffer;
  readonly outlinePng: Buffer;
  /** The language files `localizationInfo` names: file name → text. */
  readonly languageFiles: Readonly<Record<string, string>>;
}

export interface PackageResult {
  readonly manifest: Record<string, unknown>;
  readonly problems: readonly string[];
  /** Present only when `problems` is empty. */
  readonly zip?: Buffer;
}

export async function buildPackage(values: TemplateValues, sources: PackageSources): Promise<PackageResult> {
  const filled = fillTemplate(sources.templateText, values);
  const manifest = filled.manifest;
  const problems = [
    ...filled.problems,
    ...(await validateManifest(manifest)),
    ...checkDomains(manifest),
    ...checkPermissions(manifest),
    ...checkIconPaths(manifest),
    ...checkColorIcon('color.png', sources.colorPng),
    ...checkOutlineIcon('outline.png', sources.outlinePng),
    ...(await validateLanguageFiles(manifest, sources.languageFiles)),
  ];
  if (problems.length > 0) return { manifest, problems };
  const zip = await zipPackage({
    manifest,
    colorPng: sources.colorPng,
    outlinePng: sources.outlinePng,
    languageFiles: sources.languageFiles,
  });
  return { manifest, problems, zip };
}

/** The zip holds the icons under fixed names at its root, so the manifest must point at exactly those. */
function checkIconPaths(manifest: Record<string, unknown>): string[] {
  const icons = (manifest.icons ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  for (const [key, file] of [
    ['color', PACKAGE_FILES[1]],
    ['outline', PACKAGE_FILES[2]],
  ] as const) {
    if (icons[key] !== file)
      problems.push(`/icons/${key}: must be "${file}" (the file packaged at the zip root), found "${String(icons[key])}"`);
  }
  return problems;
}
