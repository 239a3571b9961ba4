// The PostgreSQL write path without HTTP: 50 concurrent createFeedback calls on the store (fsync
// on), for each number of write queues and batch size, with the check that the revision counts
// every committed write. For choosing the write path's defaults (`writeQueues`, `maxBatch`).
//   node bench/write-path.bench.mjs   WP_QUEUES=1,4 WP_BATCH=256 WP_CONCURRENCY=50 WP_SECONDS=4
//                                     WP_INSTANCES=1 (stores on one database) WP_DURABLE=1
// Needs `npm run build` first.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgres } from '../scripts/pg-cluster.mjs';
import { peerFeedback } from './support.mjs';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const dist = join(pkg, 'dist', 'index.js');
if (!existsSync(dist)) throw new Error('build first (npm run build)');
const { openStore } = await import(dist);
const SEED = fileURLToPath(new URL('../../../examples/inpatient-unit.json', import.meta.url));
const queuesList = (process.env.WP_QUEUES ?? '1,4').split(',').map(Number);
const batches = (process.env.WP_BATCH ?? '256').split(',').map(Number);
const concurrency = Number(process.env.WP_CONCURRENCY ?? 50);
const seconds = Number(process.env.WP_SECONDS ?? 4);
const instances = Number(process.env.WP_INSTANCES ?? 1);
const cluster = await startPostgres({ durable: process.env.WP_DURABLE !== '0' });
let n = 0;
try {
  for (const queues of queuesList) {
    for (const maxBatch of batches) {
      const name = `wp_${++n}`;
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = cluster.url.replace(/\/postgres$/, `/${name}`);
      const target = { kind: 'postgres', url, poolSize: Math.max(10, queues + 2) };
      const stores = [];
      for (let i = 0; i < instances; i++)
        stores.push(await openStore(target, { writeQueues: queues, maxBatch }));
      await stores[0].seed(JSON.parse(readFileSync(SEED, 'utf8')));
      const latencies = [];
      let done = 0;
      const end = Date.now() + seconds * 1000;
      const worker = async (w) => {
        const store = stores[w % stores.length];
        while (Date.now() < end) {
          const id = `wp-${randomUUID()}`;
          const t = performance.now();
          const out = await store.createFeedback(
            { principal: 'tok', key: id, requestHash: 'h' },
            peerFeedback(id, { authorId: 'p-06', anonymous: false }),
          );
          if (out.kind !== 'created') throw new Error(out.kind);
          latencies.push(performance.now() - t);
          done++;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
      latencies.sort((a, b) => a - b);
      const head = await stores[0].head();
      console.log(
        `queues ${queues} maxBatch ${maxBatch} instances ${instances}: ${Math.round(done / seconds)} writes/s, p50 ${latencies[Math.floor(latencies.length / 2)].toFixed(1)} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)].toFixed(1)} ms, revision ${head.revision - 1 === done ? 'ok' : `WRONG ${head.revision} vs ${done}`}`,
      );
      for (const s of stores) await s.close();
    }
  }
} finally {
  await cluster.stop();
}
