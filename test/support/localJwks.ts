import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type CryptoKey, type JWK } from 'jose';

// A stand-in for Entra ID's key endpoint: RSA keys generated with jose, a JWKS served on
// 127.0.0.1:0, and Entra-like v1/v2 access tokens minted with any claim bent for the SSO matrix.

export interface MintOptions {
  version?: 1 | 2;
  tid?: string;
  oid?: string;
  name?: string;
  /** Default: v1 → api://<host>/<clientId>, v2 → clientId. */
  aud?: string;
  /** Default: the exact issuer for `tid` and `version`. */
  iss?: string;
  /** Default 'access_as_user'; null omits the claim. */
  scp?: string | null;
  roles?: string[];
  /** Seconds relative to `now` (default +3600). */
  expiresIn?: number;
  /** Seconds relative to `now` (default −60). */
  notBeforeIn?: number;
  /** Default: the current date of the test's clock. */
  now?: Date;
  /** Sign with a key the JWKS does not publish (same kid). */
  foreignKey?: boolean;
  kid?: string;
  omit?: string[];
}

export interface LocalJwks {
  url: string;
  tenantId: string;
  clientId: string;
  /** The key's public half as PEM: what a key-confusion attacker would use as an HS256 secret. */
  publicPem: string;
  mint(options?: MintOptions): Promise<string>;
  /** An unsigned token (`alg: none`). */
  mintNone(options?: MintOptions): string;
  /** HS256 signed with the public key as the secret (key confusion). */
  mintKeyConfusion(options?: MintOptions): Promise<string>;
  /** `up` serves the keys, `error` answers 500, `garbage` answers non-JSON. */
  setMode(mode: 'up' | 'error' | 'garbage'): void;
  requests(): number;
  close(): Promise<void>;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startLocalJwks(options: { publicHost: string; clientId?: string; tenantId?: string }): Promise<LocalJwks> {
  const clientId = options.clientId ?? randomUUID();
  const tenantId = options.tenantId ?? randomUUID();
  const kid = 'test-key-1';
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const publicPem = await exportSPKI(publicKey);
  let mode: 'up' | 'error' | 'garbage' = 'up';
  let count = 0;

  const server: Server = createServer((_req, res) => {
    count++;
    if (mode === 'error') {
      res.writeHead(500).end('down');
      return;
    }
    if (mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('<html>not keys</html>');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discovery/v2.0/keys`;

  const claimsOf = (o: MintOptions): Record<string, unknown> => {
    const version = o.version ?? 2;
    const tid = o.tid ?? tenantId;
    const now = Math.floor((o.now ?? new Date()).getTime() / 1000);
    const claims: Record<string, unknown> = {
      aud: o.aud ?? (version === 1 ? `api://${options.publicHost}/${clientId}` : clientId),
      iss: o.iss ?? (version === 1 ? `https://sts.windows.net/${tid}/` : `https://login.microsoftonline.com/${tid}/v2.0`),
      iat: now - 60,
      nbf: now + (o.notBeforeIn ?? -60),
      exp: now + (o.expiresIn ?? 3600),
      tid,
      oid: o.oid ?? randomUUID(),
      name: o.name ?? 'Teams User',
      ver: version === 1 ? '1.0' : '2.0',
      [version === 1 ? 'appid' : 'azp']: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    };
    if (o.scp !== null) claims.scp = o.scp ?? 'access_as_user';
    if (o.roles) claims.roles = o.roles;
    for (const name of o.omit ?? []) delete claims[name];
    return claims;
  };

  return {
    url,
    tenantId,
    clientId,
    publicPem,
    async mint(o = {}) {
      return new SignJWT(claimsOf(o))
        .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? kid, typ: 'JWT' })
        .sign(o.foreignKey ? foreign.privateKey : (privateKey as CryptoKey));
    },
    mintNone(o = {}) {
      return `${b64url({ alg: 'none', typ: 'JWT', kid })}.${b64url(claimsOf(o))}.`;
    },
    async mintKeyConfusion(o = {}) {
      return new SignJWT(claimsOf(o)).setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' }).sign(new TextEncoder().encode(publicPem));
    },
    setMode(next) {
      mode = next;
    },
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
