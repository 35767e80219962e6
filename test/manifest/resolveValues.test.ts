import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEV_TEAMS_APP_ID, resolveValues, type RawInputs } from '../../manifest/package.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const real: RawInputs = {
  teamsAppId: '2F0C5A8E-4B7D-4E21-9A63-1D5E8C0B7F42',
  publicUrl: 'https://convene.example.org',
  entraClientId: '8d3b6f1a-0c2e-4a57-b9d4-6e1f2a3c4b5d',
  version: '0.1.0',
  allowHttpLocalhost: false,
};

describe('turning the environment into template values', () => {
  it('given a real deployment, when resolved, then the host comes from PUBLIC_URL and ids are lower-cased', () => {
    expect(resolveValues(real)).toEqual({
      values: {
        APP_ID: '2f0c5a8e-4b7d-4e21-9a63-1d5e8c0b7f42',
        HOST_NAME: 'convene.example.org',
        ENTRA_CLIENT_ID: '8d3b6f1a-0c2e-4a57-b9d4-6e1f2a3c4b5d',
        APP_VERSION: '0.1.0',
      },
      warnings: [],
      problems: [],
    });
  });

  it('given PUBLIC_URL with a non-default port, when resolved, then the port is part of the host', () => {
    expect(resolveValues({ ...real, publicUrl: 'https://convene.example.org:8443/' }).values.HOST_NAME).toBe('convene.example.org:8443');
  });

  it('given no TEAMS_APP_ID, when resolved, then the fixed development id is used with a warning', () => {
    const resolved = resolveValues({ ...real, teamsAppId: undefined });

    expect(resolved.values.APP_ID).toBe(DEV_TEAMS_APP_ID);
    expect(resolved.warnings).toEqual([expect.stringContaining('TEAMS_APP_ID is not set')]);
    expect(resolved.problems).toEqual([]);
  });

  it('given plain http on a public host, when resolved, then it is refused even with the localhost flag', () => {
    const resolved = resolveValues({ ...real, publicUrl: 'http://convene.example.org', allowHttpLocalhost: true });

    expect(resolved.problems).toEqual([
      'PUBLIC_URL: "http://convene.example.org" must use https (http is allowed only for localhost, with --allow-http-localhost)',
    ]);
  });

  it('given http://localhost without the flag, when resolved, then it is refused and the flag is named', () => {
    const resolved = resolveValues({ ...real, publicUrl: 'http://localhost:3978' });

    expect(resolved.problems).toEqual([expect.stringContaining('--allow-http-localhost')]);
    expect(resolved.values.HOST_NAME).toBeUndefined();
  });

  it('given http://localhost with the flag, when resolved, then it is accepted with a warning', () => {
    const resolved = resolveValues({ ...real, publicUrl: 'http://localhost:3978', allowHttpLocalhost: true });

    expect(resolved.problems).toEqual([]);
    expect(resolved.values.HOST_NAME).toBe('localhost:3978');
    expect(resolved.warnings).toEqual([expect.stringContaining('Do not distribute this package')]);
  });

  it('given PUBLIC_URL with a path, when resolved, then it is refused: the manifest builds URLs from the origin', () => {
    expect(resolveValues({ ...real, publicUrl: 'https://example.org/convene' }).problems).toEqual([
      'PUBLIC_URL: "https://example.org/convene" must be an origin only (scheme, host, optional port), without path or query',
    ]);
  });

  it('given several bad inputs, when resolved, then every one is listed', () => {
    const resolved = resolveValues({
      teamsAppId: 'not-a-guid',
      publicUrl: undefined,
      entraClientId: undefined,
      version: '1.0',
      allowHttpLocalhost: false,
    });

    expect(resolved.problems).toEqual([
      'TEAMS_APP_ID: "not-a-guid" is not a GUID (e.g. c764117d-8bd0-473a-ba19-b93fbea9b327)',
      'PUBLIC_URL is not set: set it to the public HTTPS origin Teams reaches, e.g. https://convene.example.org',
      'ENTRA_CLIENT_ID is not set: set it to the Application (client) ID of the Entra app registration used for Teams SSO',
      'package.json version "1.0" must be MAJOR.MINOR.PATCH (Teams compares app versions)',
    ]);
  });

  it('given the script run without PUBLIC_URL, when it exits, then the code is 1 and the problem is printed', () => {
    const env = { ...process.env, PUBLIC_URL: '', ENTRA_CLIENT_ID: real.entraClientId, TEAMS_APP_ID: '' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'manifest/package.ts'], { cwd: ROOT, env, encoding: 'utf8' });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The Teams app package was not built');
    expect(run.stderr).toContain('- PUBLIC_URL is not set');
    expect(run.stdout).not.toContain('Built ');
  });
});
