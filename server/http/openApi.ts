import { z } from 'zod';
import { Command, INTERNAL_COMMANDS } from '../domain/commands.js';
import { completeOperations, pathParameter, queryParameters } from './openApiOperations.js';
import { ProblemSchema } from './problem.js';
import { CommandEnvelope } from './wireSchemas.js';
import * as wire from './wireSchemas.js';

// The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with (docs/api.md: it
// becomes the reference). Every schema is converted on its own and placed under components.schemas.

type JsonSchema = Record<string, unknown>;

/** A zod schema as a JSON Schema 2020-12 object, ready for components.schemas (extensions use it too). */
export const toSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema => {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  void $schema;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      { description: PROBLEM_TEXT[s] ?? 'Problem', content: { 'application/problem+json': { schema: ref('Problem') } } },
    ]),
  );

const PROBLEM_TEXT: Record<number, string> = {
  400: 'INVALID_INPUT: `issues` name each field and the reason',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'VERSION_CONFLICT or RULE_VIOLATION (with `rule`)',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'IDEMPOTENCY_KEY_REUSED',
  429: 'RATE_LIMITED, with Retry-After: failed sign-ins, or a participant sending commands too quickly (LIMIT-1, 6)',
  503: 'SSO_UNAVAILABLE, STORAGE_UNAVAILABLE or (streams) SERVER_BUSY with Retry-After (LIMIT-5)',
};

const idParam = pathParameter('id');
const open = [] as const;
const secured = [{ bearer: [] }];

/** Every command a client may send: the domain's command plus `commandId` / `expectedVersion`. */
function commandRequestSchema(): JsonSchema {
  const variants = Command.options
    .filter((option) => !(INTERNAL_COMMANDS as readonly string[]).includes(option.shape.type.value))
    .map((option) => option.extend(CommandEnvelope.shape));
  return toSchema(z.discriminatedUnion('type', variants as unknown as [z.ZodObject, ...z.ZodObject[]]));
}

/** The components every operation below refers to (route files add theirs through `additions`). */
function coreSchemas(): Record<string, JsonSchema> {
  return {
    Problem: toSchema(ProblemSchema, 'output'),
    DevSignInBody: toSchema(wire.DevSignInBody),
    InvitationRedeemBody: toSchema(wire.InvitationRedeemBody),
    Session: toSchema(wire.SessionResponse, 'output'),
    Me: toSchema(wire.MeResponse, 'output'),
    Health: toSchema(wire.HealthResponse, 'output'),
    Ready: toSchema(wire.ReadyResponse, 'output'),
    ClientConfig: toSchema(wire.ClientConfigResponse, 'output'),
    CreateEngagementBody: toSchema(wire.CreateEngagementBody),
    EngagementList: toSchema(wire.EngagementListResponse, 'output'),
    EngagementView: toSchema(wire.EngagementViewResponse, 'output'),
    CreateInvitationBody: toSchema(wire.CreateInvitationBody),
    InvitationCreated: toSchema(wire.InvitationCreatedResponse, 'output'),
    CommandRequest: commandRequestSchema(),
    CommandResult: toSchema(wire.CommandResultResponse, 'output'),
    StoredEvent: toSchema(wire.StoredEventBody, 'output'),
    ReplanPreview: toSchema(wire.ReplanPreviewResponse, 'output'),
  };
}

/** Health, configuration, sign-in and who I am: what a client calls before it opens an engagement. */
function sessionPaths(devSignIn: boolean): Record<string, JsonSchema> {
  return {
    '/api/health': {
      get: {
        summary: 'Liveness and what is configured',
        security: open,
        responses: { 200: { description: 'OK', content: json('Health') } },
      },
    },
    '/api/ready': {
      get: {
        summary: 'Readiness: the store answers a query (503 when it does not)',
        security: open,
        responses: { 200: { description: 'Ready', content: json('Ready') }, ...problems(503) },
      },
    },
    '/api/config': {
      get: {
        summary: 'What the tab needs before it signs in',
        security: open,
        responses: { 200: { description: 'OK', content: json('ClientConfig') } },
      },
    },
    '/api/openapi.json': {
      get: {
        summary: 'This document',
        security: open,
        responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    '/api/auth/dev': {
      post: {
        summary: devSignIn ? 'Development sign-in by display name' : 'Development sign-in (404 on this production server)',
        security: open,
        requestBody: { required: true, content: json('DevSignInBody') },
        responses: { 200: { description: 'A session', content: json('Session') }, ...problems(400, 404, 415, 429) },
      },
    },
    '/api/auth/invitation': {
      post: {
        summary: 'Redeem an invitation code (single use) for a session bound to one engagement and role',
        security: open,
        requestBody: { required: true, content: json('InvitationRedeemBody') },
        responses: { 200: { description: 'A session', content: json('Session') }, ...problems(400, 401, 415, 429) },
      },
    },
    '/api/me': {
      get: {
        summary: 'Who I am',
        security: secured,
        responses: { 200: { description: 'OK', content: json('Me') }, ...problems(401, 503) },
      },
    },
  };
}

/** The engagement's own operations: list, create, read, invite, command, re-plan preview, stream. */
function engagementPaths(): Record<string, JsonSchema> {
  return {
    '/api/engagements': {
      get: {
        summary: 'The engagements I belong to',
        security: secured,
        responses: { 200: { description: 'OK', content: json('EngagementList') }, ...problems(401) },
      },
      post: {
        summary: 'Create an engagement; the caller becomes its chair',
        security: secured,
        requestBody: { required: true, content: json('CreateEngagementBody') },
        responses: { 201: { description: 'Created', content: json('EngagementView') }, ...problems(400, 401, 403, 413, 415) },
      },
    },
    '/api/engagements/{id}': {
      get: {
        summary: 'The engagement as my role may see it, with `version` and `serverNow`',
        security: secured,
        parameters: [idParam],
        responses: { 200: { description: 'OK', content: json('EngagementView') }, ...problems(401, 403, 404) },
      },
    },
    '/api/engagements/{id}/invitations': {
      post: {
        summary: 'Invite someone (chair, secretariat); the link carries the code in its fragment',
        security: secured,
        parameters: [idParam],
        requestBody: { required: true, content: json('CreateInvitationBody') },
        responses: { 201: { description: 'Created', content: json('InvitationCreated') }, ...problems(400, 401, 403, 404, 409) },
      },
    },
    '/api/engagements/{id}/commands': {
      post: {
        summary: 'Every change: `{ type, ...fields, commandId?, expectedVersion? }`',
        security: secured,
        parameters: [idParam],
        requestBody: { required: true, content: json('CommandRequest') },
        responses: {
          200: { description: 'Committed', content: json('CommandResult') },
          ...problems(400, 401, 403, 404, 409, 413, 415, 422, 429, 503),
        },
      },
    },
    '/api/engagements/{id}/replan': {
      get: {
        summary: 'Preview a re-plan against the hard stop (nothing changes)',
        security: secured,
        parameters: [idParam, ...queryParameters(wire.ReplanQuery)],
        responses: { 200: { description: 'OK', content: json('ReplanPreview') }, ...problems(400, 401, 403, 404, 409) },
      },
    },
    '/api/engagements/{id}/stream': {
      get: {
        summary: 'The live stream (SSE): `snapshot`, then one `change` per event, `id:` = version; resumable with Last-Event-ID',
        security: secured,
        parameters: [idParam, { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } }],
        responses: {
          200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          ...problems(401, 403, 404, 503),
        },
      },
    },
  };
}

export function buildOpenApiDocument(options: {
  version: string;
  publicUrl: string;
  devSignIn: boolean;
  additions?: { paths?: Record<string, JsonSchema>; schemas?: Record<string, JsonSchema> }[];
}): JsonSchema {
  const schemas = coreSchemas();
  const paths: Record<string, JsonSchema> = { ...sessionPaths(options.devSignIn), ...engagementPaths() };
  for (const addition of options.additions ?? []) {
    Object.assign(schemas, addition.schemas ?? {});
    for (const [path, item] of Object.entries(addition.paths ?? {})) paths[path] = { ...(paths[path] ?? {}), ...item };
  }
  completeOperations(paths as Record<string, Record<string, unknown>>);

  return {
    openapi: '3.1.0',
    info: {
      title: 'Convene API',
      version: options.version,
      description: 'Every error is application/problem+json. Auth: `Authorization: Bearer <token>`, never a cookie.',
    },
    servers: [{ url: options.publicUrl }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A Teams SSO token or a Convene session token.' } },
    },
  };
}
