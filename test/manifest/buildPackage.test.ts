import JSZip from 'jszip';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPackage, LANGUAGE_FILES, PACKAGE_FILES } from '../../manifest/package.js';
import { CLEAN_VALUES, solidPng, sources, templateWith, withPixel } from './support.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('building the Teams app package', () => {
  it('given the committed template and icons and clean values, when built, then it validates offline with no problem and zips', async () => {
    // Offline means the bundled schema is used: the package's network-capable loader must never run.
    const fetchSchema = vi.spyOn(AppManifestUtils, 'fetchSchema');

    const result = await buildPackage(CLEAN_VALUES, sources());

    expect(result.problems).toEqual([]);
    expect(result.zip).toBeInstanceOf(Buffer);
    expect(fetchSchema).not.toHaveBeenCalled();
    expect(JSON.stringify(result.manifest)).not.toContain('${{');
    expect(result.manifest).toMatchObject({
      manifestVersion: '1.30',
      id: CLEAN_VALUES.APP_ID,
      version: CLEAN_VALUES.APP_VERSION,
      validDomains: ['convene.example.org'],
      webApplicationInfo: {
        id: CLEAN_VALUES.ENTRA_CLIENT_ID,
        resource: `api://convene.example.org/${CLEAN_VALUES.ENTRA_CLIENT_ID}`,
      },
      configurableTabs: [{ configurationUrl: 'https://convene.example.org/config?inTeams=1' }],
      meetingExtensionDefinition: { supportsAnonymousGuestUsers: true },
    });
  });

  it("given a 40-character short name, when built, then it fails with the schema validator's own message and no zip", async () => {
    const longName = 'Convene for Informal Virtual Engagements';
    expect(longName).toHaveLength(40);

    const result = await buildPackage(
      CLEAN_VALUES,
      sources({ templateText: templateWith('"short": "Convene"', `"short": "${longName}"`) }),
    );

    expect(result.problems).toContain('schema: /name/short must NOT have more than 30 characters. Details: {"limit":30}');
    expect(result.zip).toBeUndefined();
  });

  it('given a URL whose host is not in validDomains, when built, then that URL and host are named and nothing is zipped', async () => {
    const templateText = templateWith('"websiteUrl": "https://${{HOST_NAME}}/"', '"websiteUrl": "https://elsewhere.example.com/about"');

    const result = await buildPackage(CLEAN_VALUES, sources({ templateText }));

    expect(result.problems).toEqual([
      '/developer/websiteUrl: host "elsewhere.example.com" of "https://elsewhere.example.com/about" is not in validDomains [convene.example.org]',
    ]);
    expect(result.zip).toBeUndefined();
  });

  it('given a plain-http configuration URL, when built, then it is refused as not HTTPS', async () => {
    const templateText = templateWith(
      '"configurationUrl": "https://${{HOST_NAME}}/config?inTeams=1"',
      '"configurationUrl": "http://${{HOST_NAME}}/config?inTeams=1"',
    );

    const result = await buildPackage(CLEAN_VALUES, sources({ templateText }));

    expect(result.problems).toEqual([
      '/configurableTabs/0/configurationUrl: "http://convene.example.org/config?inTeams=1" must use https (Teams loads only HTTPS pages)',
    ]);
  });

  it('given an SSO resource that does not name the client id, when built, then the expected Application ID URI is given', async () => {
    const templateText = templateWith('"resource": "api://${{HOST_NAME}}/${{ENTRA_CLIENT_ID}}"', '"resource": "api://${{HOST_NAME}}"');

    const result = await buildPackage(CLEAN_VALUES, sources({ templateText }));

    expect(result.problems).toEqual([
      `/webApplicationInfo/resource: "api://convene.example.org" must be "api://convene.example.org/${CLEAN_VALUES.ENTRA_CLIENT_ID}" (api://<host>/<webApplicationInfo.id>)`,
    ]);
  });

  it('given a colour icon of the wrong size, when built, then the expected and found sizes are named', async () => {
    const result = await buildPackage(CLEAN_VALUES, sources({ colorPng: solidPng(96, [14, 110, 107, 255]) }));

    expect(result.problems).toEqual(['color.png: must be 192×192 pixels, found 96×96']);
    expect(result.zip).toBeUndefined();
  });

  it('given an outline icon of the wrong size, when built, then it is refused', async () => {
    const result = await buildPackage(CLEAN_VALUES, sources({ outlinePng: solidPng(48, [255, 255, 255, 0]) }));

    expect(result.problems).toContain('outline.png: must be 32×32 pixels, found 48×48');
  });

  it('given an outline icon with one coloured pixel, when built, then that pixel is named', async () => {
    const { outlinePng } = sources();
    const tainted = withPixel(outlinePng, 0, 0, [255, 0, 0, 255]);

    const result = await buildPackage(CLEAN_VALUES, sources({ outlinePng: tainted }));

    expect(result.problems).toEqual([
      'outline.png: the outline icon must be only white and transparent; 1 pixel(s) are coloured: (0,0) rgba(255,0,0,255)',
    ]);
    expect(result.zip).toBeUndefined();
  });

  it('given a value left out, when built, then every place the placeholder stays is listed', async () => {
    const { ENTRA_CLIENT_ID: _left, ...values } = CLEAN_VALUES;

    const result = await buildPackage(values, sources());

    expect(result.problems).toEqual(
      expect.arrayContaining([
        '/webApplicationInfo/id: placeholder ${{ENTRA_CLIENT_ID}} has no value',
        '/webApplicationInfo/resource: placeholder ${{ENTRA_CLIENT_ID}} has no value',
      ]),
    );
    expect(result.zip).toBeUndefined();
  });

  it('given a misspelled RSC permission, when built, then it is caught although the schema accepts any name', async () => {
    const templateText = templateWith('"MeetingStage.Write.Chat"', '"MeetingStage.ReadWrite.Chat"');

    const result = await buildPackage(CLEAN_VALUES, sources({ templateText }));

    expect(result.problems).toEqual([
      '/authorization/permissions/resourceSpecific/0: "MeetingStage.ReadWrite.Chat" is not a known meeting RSC permission; check its spelling in the Teams RSC catalog',
    ]);
  });

  it('given the committed template, when built, then localizationInfo declares the six UN languages and each language file validates', async () => {
    const result = await buildPackage(CLEAN_VALUES, sources());

    expect(result.problems).toEqual([]);
    expect(result.manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      defaultLanguageFile: 'en.json',
      additionalLanguages: [
        { languageTag: 'ar', file: 'ar.json' },
        { languageTag: 'zh-cn', file: 'zh-Hans.json' },
        { languageTag: 'fr', file: 'fr.json' },
        { languageTag: 'ru', file: 'ru.json' },
        { languageTag: 'es', file: 'es.json' },
      ],
    });
    const names = Object.fromEntries(
      Object.entries(sources().languageFiles).map(([f, text]) => [f, (JSON.parse(text) as Record<string, string>)['name.full']]),
    );
    expect(names['ar.json']).toMatch(/\p{Script=Arabic}/u);
    expect(names['zh-Hans.json']).toMatch(/\p{Script=Han}/u);
    expect(names['ru.json']).toMatch(/\p{Script=Cyrillic}/u);
  });

  it('given a language file missing and one too long, when built, then each is named and nothing is zipped', async () => {
    const { languageFiles } = sources();
    const fr = JSON.parse(languageFiles['fr.json']) as Record<string, string>;
    const broken = { ...languageFiles, 'fr.json': JSON.stringify({ ...fr, 'name.short': 'Convene, consultations informelles' }) };
    delete (broken as Record<string, string>)['ru.json'];

    const result = await buildPackage(CLEAN_VALUES, sources({ languageFiles: broken }));

    expect(result.zip).toBeUndefined();
    expect(result.problems).toContain('/localizationInfo: "ru.json" is named but no such language file was given');
    expect(result.problems.some((p) => p.startsWith('fr.json: schema:') && p.includes('name.short'))).toBe(true);
  });

  it('given a clean build, when the zip is opened, then it holds exactly the three files, the six language files and the filled manifest', async () => {
    const { colorPng, outlinePng } = sources();
    const result = await buildPackage(CLEAN_VALUES, sources());

    const zip = await JSZip.loadAsync(result.zip as Buffer);
    const names = Object.values(zip.files).map((entry) => entry.name);
    expect(names.sort()).toEqual([...PACKAGE_FILES, ...LANGUAGE_FILES].sort());
    expect(Object.values(zip.files).some((entry) => entry.dir)).toBe(false);
    const manifestInZip = JSON.parse(await zip.file('manifest.json')!.async('string')) as unknown;
    expect(manifestInZip).toEqual(result.manifest);
    expect(Buffer.from(await zip.file('color.png')!.async('uint8array')).equals(colorPng)).toBe(true);
    expect(Buffer.from(await zip.file('outline.png')!.async('uint8array')).equals(outlinePng)).toBe(true);
  });

  it('given the same inputs twice, when built, then the zips are byte-identical', async () => {
    const first = await buildPackage(CLEAN_VALUES, sources());
    const second = await buildPackage(CLEAN_VALUES, sources());

    expect((first.zip as Buffer).equals(second.zip as Buffer)).toBe(true);
  });
});
