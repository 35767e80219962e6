import JSZip from 'jszip';

/**
 * The Teams app package: a flat zip with `manifest.json`, the two icons and the language files of
 * `localizationInfo` at its root, nothing else (Teams rejects packages whose files sit in a folder). Entries carry a fixed date so that the same
 * inputs give the same bytes, whenever the package is built.
 */

export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

/** The store listing's name and descriptions in the six UN languages (manifest/locales/; English is the default). */
export const LANGUAGE_FILES = ['ar.json', 'zh-Hans.json', 'en.json', 'fr.json', 'ru.json', 'es.json'] as const;

export interface PackageContents {
  readonly manifest: Record<string, unknown>;
  readonly colorPng: Buffer;
  readonly outlinePng: Buffer;
  /** File name → text, each zipped at the root as it is. */
  readonly languageFiles?: Readonly<Record<string, string>>;
}

const FIXED_DATE = new Date(2020, 0, 1, 0, 0, 0);

export async function zipPackage({ manifest, colorPng, outlinePng, languageFiles = {} }: PackageContents): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: FIXED_DATE });
  zip.file('color.png', colorPng, { date: FIXED_DATE });
  zip.file('outline.png', outlinePng, { date: FIXED_DATE });
  for (const name of Object.keys(languageFiles).sort()) zip.file(name, languageFiles[name], { date: FIXED_DATE });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
