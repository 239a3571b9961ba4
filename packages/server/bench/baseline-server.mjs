// The baseline of the benchmark: a bare Hono app on @hono/node-server with a hello-world route
// and a route that reads one SQLite row (better-sqlite3, prepared once) — the ceiling our
// endpoints are compared against. Prints "listening <port>" on stdout.
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';

const file = process.argv[2];
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.exec('create table if not exists kv (id integer primary key, value text not null)');
db.prepare('insert or replace into kv (id, value) values (1, ?)').run(
  JSON.stringify({ hello: 'world' }),
);
const row = db.prepare('select value from kv where id = ?');

const app = new Hono();
app.get('/hello', (c) => c.json({ hello: 'world' }));
app.get('/row', (c) => c.json(JSON.parse(row.get(1).value)));

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening ${info.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
