import { z } from 'zod';
import { AttachmentIdParam, EngagementIdParam, PaperIdParam, PaperVersionParam, ProcessIdParam, RoomIdParam } from './wireSchemas.js';

// Completes every operation of the OpenAPI document the same way, whoever wrote it (the core routes or an
// extension): each `{name}` of the path is a declared path parameter (from the zod schema the route
// validates it with), every operation is secured by the bearer scheme unless it says `security: []`, every
// error response is application/problem+json, and every operation has an operationId.

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown> & { parameters?: JsonSchema[]; responses?: Record<string, JsonSchema>; security?: unknown[] };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** The schema each route validates its path parameter with. */
const PATH_PARAMETERS: Record<string, z.ZodType> = {
  id: EngagementIdParam,
  attachmentId: AttachmentIdParam,
  roomId: RoomIdParam,
  processId: ProcessIdParam,
  paperId: PaperIdParam,
  version: PaperVersionParam,
};

const toJson = (schema: z.ZodType): JsonSchema => {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  void $schema;
  return rest;
};

export function pathParameter(name: string): JsonSchema {
  const schema = PATH_PARAMETERS[name];
  if (!schema) throw new Error(`The path parameter {${name}} has no schema in openApiOperations.ts PATH_PARAMETERS.`);
  return { name, in: 'path', required: true, schema: toJson(schema) };
}

/** The query parameters of a zod object the route validates `req.query` with. */
export function queryParameters(schema: z.ZodObject): JsonSchema[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const type = field as z.ZodType;
    const description = type.description;
    return {
      name,
      in: 'query',
      required: !type.safeParse(undefined).success,
      schema: toJson(type),
      ...(description ? { description } : {}),
    };
  });
}

const PROBLEM_CONTENT = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[/.{}-]+/)
    .filter(Boolean);
  return [method, ...words].map((word, i) => (i === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('');
}

export function completeOperations(paths: Record<string, Record<string, unknown>>): void {
  for (const [path, item] of Object.entries(paths)) {
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const declared = new Set((operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name));
      const missing = names.filter((name) => !declared.has(name)).map(pathParameter);
      if (missing.length > 0) operation.parameters = [...missing, ...(operation.parameters ?? [])];
      operation.security ??= [{ bearer: [] }];
      operation.operationId ??= operationIdOf(method, path);
      const responses = (operation.responses ??= {});
      if (operation.security.length > 0 && !responses['401']) responses['401'] = { description: 'UNAUTHENTICATED' };
      for (const [status, response] of Object.entries(responses)) {
        if (/^[45]\d\d$/.test(status) && !response.content) response.content = PROBLEM_CONTENT;
      }
    }
  }
}
