import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, ENV_VARIABLES, parseConfig } from '../../../server/config.js';

// The environment is parsed once, with defaults from docs/api.md "Running", and a bad one names every problem.

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    parseConfig(env, '/srv/convene');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('parseConfig', () => {
  it('given an empty environment, then the defaults of docs/api.md', () => {
    const config = parseConfig({}, '/srv/convene');
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      dataDir: '/srv/convene/data',
      publicUrl: 'http://localhost:3978',
      nodeEnv: 'development',
      isProduction: false,
      sso: null,
      livekit: null,
      databaseUrl: null,
      teamsExtraHostOrigins: [],
      sessionSecret: null,
      attachmentMaxBytes: 10 * 1024 * 1024,
    });
  });

  it('given blank values (as an .env file copied from .env.example has), then they count as unset', () => {
    expect(parseConfig({ PORT: '', PUBLIC_URL: '', ENTRA_CLIENT_ID: '', LIVEKIT_URL: '' }, '/x').port).toBe(3978);
  });

  it('given SSO settings, then the client id, the tenants and a tenant JWKS by default', () => {
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const config = parseConfig(
      { ENTRA_CLIENT_ID: '11111111-2222-3333-4444-555555555555', ENTRA_TENANTS: ` ${tenant.toUpperCase()} ` },
      '/x',
    );
    expect(config.sso).toEqual({
      clientId: '11111111-2222-3333-4444-555555555555',
      tenants: [tenant],
      jwksUrl: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
    });
  });

  it('given several mistakes, then every one is listed at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      NODE_ENV: 'staging',
      ENTRA_CLIENT_ID: 'my-app',
      ENTRA_TENANTS: 'contoso',
      LIVEKIT_API_KEY: 'key',
      TEAMS_EXTRA_HOST_ORIGINS: 'https://host.test/path',
      SESSION_SECRET: 'short',
    });
    const names = problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'PORT',
        'NODE_ENV',
        'ENTRA_CLIENT_ID',
        'ENTRA_TENANTS.0',
        'LIVEKIT_URL',
        'TEAMS_EXTRA_HOST_ORIGINS.0',
        'SESSION_SECRET',
      ]),
    );
  });

  it('given production with an http PUBLIC_URL, then it is refused; with https, TEAMS_EXTRA_HOST_ORIGINS is ignored', () => {
    expect(problemsOf({ NODE_ENV: 'production', PUBLIC_URL: 'http://convene.example' })).toEqual([
      expect.stringMatching(/^PUBLIC_URL: must be an https/),
    ]);
    const config = parseConfig(
      { NODE_ENV: 'production', PUBLIC_URL: 'https://convene.example/', TEAMS_EXTRA_HOST_ORIGINS: 'https://host.test' },
      '/x',
    );
    expect(config.publicUrl).toBe('https://convene.example');
    expect(config.teamsExtraHostOrigins).toEqual([]);
  });

  it('given DATABASE_URL with SESSION_SECRET, then PostgreSQL is selected; without SESSION_SECRET, or not a postgres:// URL, then a clear problem', () => {
    const secret = 's'.repeat(40);
    expect(parseConfig({ DATABASE_URL: 'postgres://db/convene', SESSION_SECRET: secret }, '/x').databaseUrl).toBe('postgres://db/convene');
    expect(parseConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/c', SESSION_SECRET: secret }, '/x').databaseUrl).toBe(
      'postgresql://u:p@db:5432/c',
    );
    expect(parseConfig({ DATABASE_URL: ' ' }, '/x').databaseUrl).toBeNull();
    expect(problemsOf({ DATABASE_URL: 'postgres://db/convene' })).toEqual([
      expect.stringMatching(/^SESSION_SECRET: required with DATABASE_URL: every instance/),
    ]);
    expect(problemsOf({ DATABASE_URL: 'mysql://db/convene', SESSION_SECRET: secret })).toEqual([
      expect.stringMatching(/^DATABASE_URL: must be a PostgreSQL URL/),
    ]);
  });

  it('given .env.example, then it lists every variable the server reads, each with a comment above it', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    expect(ENV_VARIABLES.length).toBeGreaterThanOrEqual(17);
    for (const name of ENV_VARIABLES) {
      const lines = example.split('\n');
      const at = lines.findIndex((line) => line.startsWith(`${name}=`));
      expect(at, name).toBeGreaterThan(0);
      expect(lines.slice(0, at).some((line) => line.startsWith('#'))).toBe(true);
    }
  });
});
