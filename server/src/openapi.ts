import { z } from 'zod';
import { errorEnvelopeSchema } from '@bullseye/shared';

/** One HTTP operation, described with the same zod schemas the route validates with. */
export interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI path under /api, with `{param}` placeholders. */
  path: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * The success answer. `content` lists its media types when it is not (only) JSON, e.g. a
   * download offered as Markdown or JSON; otherwise `schema` is the JSON body.
   */
  response: { status: number; schema: z.ZodType; content?: Record<string, z.ZodType> };
  errors: readonly number[];
}

/**
 * A test for whether a request under /api is one of these operations: its method, and its path
 * with any one segment where the operation has a `{param}` (as express matches, case-sensitively).
 */
export function operationMatcher(
  ...ops: readonly Operation[]
): (req: { method: string; path: string }) => boolean {
  const patterns = ops.map((op) => ({
    method: op.method.toUpperCase(),
    path: new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  return (req) => patterns.some((p) => p.method === req.method && p.path.test(req.path));
}

const errorText: Record<number, string> = {
  400: 'Invalid input; `error.field` names the offending field',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Unknown id',
  409: 'Conflict',
  413: 'Request body too large',
  429: 'Too many requests; `Retry-After` says when to try again',
  503: 'Busy; `Retry-After` says when to try again',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

/** Builds the OpenAPI 3.1 document from the operation tables. */
export function buildOpenApi(operations: Record<string, Operation>, version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, op] of Object.entries(operations)) {
    const responses: Record<string, unknown> = {
      [op.response.status]:
        op.response.status === 204
          ? { description: 'Done; no body' }
          : {
              description: 'Success',
              content: Object.fromEntries(
                Object.entries(op.response.content ?? { 'application/json': op.response.schema }).map(
                  ([mediaType, schema]) => [mediaType, { schema: jsonSchema(schema, 'output') }],
                ),
              ),
            },
    };
    for (const status of op.errors) {
      responses[status] = {
        description: errorText[status] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[`/api${op.path}`] ??= {};
    paths[`/api${op.path}`]![op.method] = {
      operationId,
      summary: op.summary,
      parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query')],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bullseye API',
      version,
      description:
        'HTTP API of Bullseye. Errors use one envelope: { "error": { "code", "message", "field"? } }. ' +
        'Document content is edited over the y-websocket protocol at /collab/{icpId}.',
    },
    paths,
    components: { schemas: { Error: jsonSchema(errorEnvelopeSchema, 'output') } },
  };
}
