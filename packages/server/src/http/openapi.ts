/**
 * The OpenAPI 3.1 document, generated from the route list and the core contract's zod schemas
 * (`contractJsonSchemas`), served at `/openapi.json`.
 *
 * @module
 */
import { contractJsonSchemas, type ContractSchemaName } from '@milieu/core';
import type { RouteDef } from './route.js';

const ref = (name: ContractSchemaName) => ({ $ref: `#/components/schemas/${name}` });
const errorContent = { 'application/json': { schema: ref('ErrorBody') } };

const COMMON_ERRORS: Record<number, string> = {
  400: 'The request is not valid: `issues` locate each problem by JSON pointer.',
  401: 'No token, or an unknown or revoked one.',
  403: "The token's role may not do this.",
  413: 'The body is larger than the limit.',
  415: 'The body is not JSON.',
  429: 'Too many requests for this token: wait `Retry-After` seconds.',
  500: 'Something failed on the server; the write, if any, was not applied.',
};

function operation(
  route: RouteDef,
  schemas: Record<string, Record<string, unknown>>,
): Record<string, unknown> {
  const parameters: Record<string, unknown>[] = [];
  for (const p of route.pathParams ?? []) {
    parameters.push({
      name: p.name,
      in: 'path',
      required: true,
      description: p.description,
      schema: { type: 'string' },
    });
  }
  if (route.query) {
    const query = schemas[route.query] ?? {};
    const properties = (query['properties'] ?? {}) as Record<string, unknown>;
    const required = (query['required'] ?? []) as string[];
    for (const [name, schema] of Object.entries(properties)) {
      parameters.push({ name, in: 'query', required: required.includes(name), schema });
    }
  }
  for (const h of route.headers ?? []) {
    const schema: Record<string, unknown> = { type: 'string' };
    if (h.pattern) schema['pattern'] = h.pattern;
    parameters.push({
      name: h.name,
      in: 'header',
      required: h.required,
      description: h.description,
      schema,
    });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    const response: Record<string, unknown> = { description: spec.description };
    if (spec.schema) response['content'] = { 'application/json': { schema: ref(spec.schema) } };
    if (spec.headers) {
      response['headers'] = Object.fromEntries(
        Object.entries(spec.headers).map(([name, description]) => [
          name,
          { description, schema: { type: 'string' } },
        ]),
      );
    }
    responses[status] = response;
  }
  const common = [500];
  if (route.query || route.body || route.pathParams || route.headers?.some((h) => h.required))
    common.push(400);
  if (route.roles) common.push(401, 403, 429);
  if (route.body) common.push(413, 415);
  for (const status of common) {
    responses[String(status)] ??= { description: COMMON_ERRORS[status], content: errorContent };
  }
  const op: Record<string, unknown> = {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    tags: route.tags,
    security: route.roles ? [{ bearer: [] }] : [],
    'x-milieu-roles': route.roles ?? [],
    responses,
  };
  if (parameters.length > 0) op['parameters'] = parameters;
  if (route.body) {
    op['requestBody'] = {
      required: true,
      content: { 'application/json': { schema: ref(route.body.schema) } },
    };
  }
  return op;
}

/**
 * Builds the OpenAPI 3.1 document of the given routes.
 *
 * @param routes - every route of the app
 * @param version - the API implementation's version
 */
export function buildOpenApi(
  routes: readonly RouteDef[],
  version: string,
): Record<string, unknown> {
  const schemas = contractJsonSchemas();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route, schemas);
  }
  paths['/openapi.json'] = {
    get: {
      operationId: 'getOpenApi',
      summary: 'This document',
      tags: ['meta'],
      security: [],
      responses: {
        200: {
          description: 'The OpenAPI 3.1 document.',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Milieu API',
      version,
      description:
        'The reference API behind the Milieu widgets. Every error body is `ErrorBody`; request and response schemas are generated from `@milieu/core`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A token from `milieu-server token create`.',
        },
      },
    },
  };
}
