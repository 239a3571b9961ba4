import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

describe('/openapi.json', () => {
  it('is an OpenAPI 3.1 document that documents every route the app serves', async () => {
    const h = await harness();
    const res = await h.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.openapi).toBe('3.1.0');
    const served = h.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThanOrEqual(11);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
    await h.close();
  });

  it('resolves every $ref and documents errors, bodies and parameters', async () => {
    const h = await harness();
    const doc = (await h.request('GET', '/openapi.json')).json;
    const text = JSON.stringify(doc);
    for (const [, name] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(doc.components.schemas, name).toHaveProperty(name as string);
    }
    const create = doc.paths['/api/v1/feedback'].post;
    expect(create.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/FeedbackEntry',
    });
    expect(Object.keys(create.responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
      '422',
      '429',
      '500',
    ]);
    expect(create.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
    );
    const occ = doc.paths['/api/v1/occurrences'].get;
    expect(occ.parameters.map((p: { name: string }) => p.name)).toEqual([
      'from',
      'to',
      'participant',
      'includeCancelled',
    ]);
    expect(occ.parameters[0].required).toBe(true);
    expect(doc.paths['/healthz'].get.security).toEqual([]);
    // Programs as tenants: the list, and every route again under /api/v1/programs/{programId}.
    expect(doc.paths['/api/v1/programs'].get.responses['200'].content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/ProgramListResponse' } },
    });
    const scoped = doc.paths['/api/v1/programs/{programId}/feedback/{id}/review'].put;
    expect(scoped.parameters.slice(0, 2).map((p: { name: string; in: string }) => p.name)).toEqual([
      'programId',
      'id',
    ]);
    expect(scoped.responses['404'].description).toContain('no grant');
    expect(doc.components.schemas.ProgramSummary.properties.role).toBeDefined();
    expect(doc.components.schemas.FeedbackEntry.properties.strengths).toBeDefined();
    await h.close();
  });
});
