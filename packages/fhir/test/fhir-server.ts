/**
 * A real FHIR REST implementation for the client tests: `@medplum/fhir-router`'s `FhirRouter`
 * with its in-memory repository, behind a small `node:http` server on port 0.
 *
 * The adapter adds only what Medplum's own server adds around the router: `Bundle.link`
 * (self, next) on search results from `_count`/`_offset`, `Location` on 201, and `410 Gone`
 * for resources this server deleted (the in-memory repository forgets them and would say 404).
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { medplum } from './medplum.js';

const { FhirRouter, MemoryRepository } = await import('@medplum/fhir-router');

/** A running test server. */
export interface TestFhirServer {
  /** `http://127.0.0.1:<port>/fhir` */
  baseUrl: string;
  repo: InstanceType<typeof MemoryRepository>;
  /** Every request the server received (method and URL), for assertions on paging. */
  requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  /** Makes the next request to a path matching `pattern` fail with this status and OperationOutcome. */
  failNext(pattern: RegExp, status: number, diagnostics: string): void;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

/** Starts a server on port 0. */
export async function startFhirServer(): Promise<TestFhirServer> {
  const router = new FhirRouter();
  const repo = new MemoryRepository();
  const deleted = new Set<string>();
  const requests: TestFhirServer['requests'] = [];
  const failures: { pattern: RegExp; status: number; diagnostics: string }[] = [];
  let base = '';

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      requests.push({ method: req.method ?? 'GET', url: url.toString(), headers: req.headers });
      const send = (status: number, resource: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'Content-Type': 'application/fhir+json', ...headers });
        res.end(JSON.stringify(resource));
      };
      const path = url.pathname.replace(/^\/fhir\/?/, '');
      const failure = failures.findIndex((f) => f.pattern.test(path + url.search));
      if (failure >= 0) {
        const [f] = failures.splice(failure, 1);
        send(f!.status, {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'processing', diagnostics: f!.diagnostics }],
        });
        return;
      }
      const [type, id] = path.split('/');
      if (req.method === 'GET' && id && deleted.has(`${type}/${id}`)) {
        send(410, {
          resourceType: 'OperationOutcome',
          issue: [
            { severity: 'error', code: 'deleted', details: { text: `${type}/${id} was deleted` } },
          ],
        });
        return;
      }
      const [outcome, resource] = await router.handleRequest(
        {
          method: (req.method ?? 'GET') as 'GET',
          url: path + url.search,
          pathname: '',
          body: await body(req),
          params: {},
          query: {},
          headers: req.headers,
        },
        repo,
      );
      const status = medplum.getStatus(outcome);
      if (req.method === 'DELETE' && status < 300 && type && id) deleted.add(`${type}/${id}`);
      if (resource && resource.resourceType === 'Bundle' && resource.type === 'searchset') {
        const count = Number(url.searchParams.get('_count') ?? '20');
        const offset = Number(url.searchParams.get('_offset') ?? '0');
        const link = [{ relation: 'self', url: url.toString() }];
        if (offset + count < (resource.total ?? 0)) {
          const next = new URL(url);
          next.searchParams.set('_offset', String(offset + count));
          link.push({ relation: 'next', url: next.toString() });
        }
        send(status, { ...resource, link });
        return;
      }
      const headers: Record<string, string> = {};
      if (status === 201 && resource?.id)
        headers.Location = `${base}/${resource.resourceType}/${resource.id}`;
      send(status, resource ?? outcome, headers);
    })().catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/fhir+json' });
      res.end(JSON.stringify(medplum.normalizeOperationOutcome(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}/fhir`;
  return {
    baseUrl: base,
    repo,
    requests,
    failNext: (pattern, status, diagnostics) => failures.push({ pattern, status, diagnostics }),
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
