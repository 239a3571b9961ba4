/**
 * `milieu-server`: serve the API, manage tokens, run migrations.
 *
 * @module
 */
import { IdSchema } from '@milieu/core';
import {
  USAGE,
  UsageError,
  anonymousOption,
  databaseTarget,
  intOption,
  parse,
  roleOption,
  type Env,
  type ParsedArgs,
} from './cli/args.js';
import { jsonLogger } from './http/logger.js';
import { startServer } from './serve.js';
import { openStore } from './store/store.js';
import type { TokenInfo } from './store/tokens.js';

/** What {@link main} reads and writes. */
export interface MainIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env?: Env;
  /** Resolves when `serve` should stop; default: on SIGINT or SIGTERM. */
  shutdown?: Promise<unknown>;
}

/** The package version (kept in step with package.json by the release). */
export const VERSION = '0.0.0';

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function serveCommand(args: ParsedArgs, io: MainIo, env: Env): Promise<number> {
  const v = args.values;
  const level = v['log-level'] ?? env['MILIEU_LOG_LEVEL'] ?? 'info';
  if (!['info', 'error', 'silent'].includes(level))
    throw new UsageError('--log-level must be info, error or silent');
  const logger = level === 'silent' ? undefined : jsonLogger(io.stderr, level as 'info' | 'error');
  const corsOrigins = (
    v['cors-origin'] ?? (env['MILIEU_CORS_ORIGIN'] ? [env['MILIEU_CORS_ORIGIN']] : [])
  )
    .flatMap((o) => o.split(','))
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const rate = v['rate-limit'] ?? env['MILIEU_RATE_LIMIT'];
  const tokenCache = v['token-cache-ms'] ?? env['MILIEU_TOKEN_CACHE_MS'];
  const cacheMib = v['cache-budget'] ?? env['MILIEU_CACHE_BUDGET'];
  const host = v.host ?? env['MILIEU_HOST'] ?? '127.0.0.1';
  const anonymous =
    v['anonymous-as'] === undefined ? undefined : anonymousOption(v['anonymous-as'], host);
  if (anonymous)
    io.stderr.write(`warning: requests without a token act as ${v['anonymous-as']} (demo mode)\n`);
  const server = await startServer({
    database: databaseTarget(args, env),
    port: intOption('--port', v.port ?? env['MILIEU_PORT'] ?? '8787', 0, 65535),
    host,
    ...(anonymous === undefined ? {} : { anonymous }),
    ...(v.seed === undefined ? {} : { seed: v.seed }),
    ...(v.static === undefined ? {} : { staticDir: v.static }),
    ...(rate === undefined
      ? {}
      : { rateLimitPerMinute: intOption('--rate-limit', rate, 0, 10_000_000) }),
    ...(tokenCache === undefined
      ? {}
      : { tokenCacheMs: intOption('--token-cache-ms', tokenCache, 0, 3_600_000) }),
    ...(cacheMib === undefined
      ? {}
      : { cacheBudget: intOption('--cache-budget', cacheMib, 0, 1_048_576) * 1024 * 1024 }),
    ...(logger === undefined ? {} : { logger }),
    corsOrigins,
    version: VERSION,
  });
  io.stdout.write(`milieu-server listening on ${server.url} (${server.store.kind})\n`);
  await (io.shutdown ?? untilSignal());
  await server.close();
  return 0;
}

/** The programs column of `token list`: `global`, `only program`, or `id:role,…`. */
function programsOf(t: TokenInfo): string {
  if (t.grants && t.grants.length > 0)
    return t.grants.map((g) => `${g.programId}:${g.role}`).join(',');
  return t.role === 'admin' ? 'global' : 'only program';
}

async function tokenCommand(args: ParsedArgs, io: MainIo, env: Env): Promise<number> {
  const action = args.positionals[1];
  const v = args.values;
  const store = await openStore(databaseTarget(args, env));
  try {
    if (action === 'create') {
      const role = roleOption(v.role);
      if (role === 'participant' && v.participant === undefined)
        throw new UsageError('a participant token needs --participant ID');
      if (role !== 'participant' && v.participant !== undefined)
        throw new UsageError('--participant is for participant tokens only');
      if (v.staff !== undefined && role !== 'staff' && role !== 'admin')
        throw new UsageError('--staff is for staff and admin tokens only');
      const programs = v.program;
      for (const id of [v.participant, v.staff, ...(programs ?? [])]) {
        if (id !== undefined && !IdSchema.safeParse(id).success)
          throw new UsageError(`"${id}" is not a valid id`);
      }
      if (role === 'participant' && programs !== undefined && new Set(programs).size !== 1)
        throw new UsageError('a participant token takes exactly one --program');
      const existing = await store.programIds();
      if (programs === undefined && role !== 'admin' && existing.length > 1)
        throw new UsageError(
          `the database holds several programs (${existing.join(', ')}): name them with --program`,
        );
      for (const p of programs ?? []) {
        if (!existing.includes(p))
          io.stderr.write(`warning: no program "${p}" yet (the token will work once it exists)\n`);
      }
      const target = programs?.[0] ?? (existing.length === 1 ? existing[0] : undefined);
      const known =
        target === undefined ? undefined : (await store.forProgram(target).body())?.body;
      if (
        known &&
        v.participant !== undefined &&
        !known.people.participants.some((p) => p.id === v.participant)
      ) {
        io.stderr.write(`warning: no participant "${v.participant}" in program "${target}"\n`);
      }
      const { id, token } = await store.createToken({
        role,
        participantId: v.participant,
        staffId: v.staff,
        label: v.label,
        programs,
      });
      io.stderr.write(
        `created ${role} token ${id}; it is shown once — store it now (only its SHA-256 hash is kept)\n`,
      );
      io.stdout.write(token + '\n');
      return 0;
    }
    if (action === 'list') {
      for (const t of await store.listTokens()) {
        const whom = t.participantId ?? t.staffId ?? '';
        io.stdout.write(
          [
            t.tokenId,
            t.role,
            whom,
            t.label ?? '',
            t.createdAt,
            t.revokedAt ? `revoked ${t.revokedAt}` : 'active',
            programsOf(t),
          ].join('\t') + '\n',
        );
      }
      return 0;
    }
    if (action === 'revoke') {
      const id = args.positionals[2];
      if (id === undefined)
        throw new UsageError('token revoke needs the token id (see token list)');
      if (!(await store.revokeToken(id))) {
        io.stderr.write(`no active token ${id}\n`);
        return 1;
      }
      io.stderr.write(
        `revoked ${id} (running servers stop accepting it within their --token-cache-ms, 5 seconds by default)\n`,
      );
      return 0;
    }
    throw new UsageError('token needs create, list or revoke');
  } finally {
    await store.close();
  }
}

/**
 * Runs the command line.
 *
 * @param argv - the arguments after the program name
 * @param io - streams, environment and (for `serve`) when to stop
 * @returns the exit code: 0 success, 1 failure, 2 usage error
 */
export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  const env = io.env ?? process.env;
  try {
    const args = parse(argv);
    if (args.values.version) {
      io.stdout.write(VERSION + '\n');
      return 0;
    }
    // `milieu-server --db FILE --seed FILE --port N` (options, no command) means `serve`.
    const command = args.positionals[0] ?? (argv.length > 0 ? 'serve' : undefined);
    if (args.values.help || command === undefined || command === 'help') {
      io.stdout.write(USAGE);
      return command === undefined && !args.values.help ? 2 : 0;
    }
    switch (command) {
      case 'serve':
        return await serveCommand(args, io, env);
      case 'token':
        return await tokenCommand(args, io, env);
      case 'programs': {
        const store = await openStore(databaseTarget(args, env));
        try {
          for (const p of await store.programs()) io.stdout.write(`${p.id}\t${p.name}\n`);
        } finally {
          await store.close();
        }
        return 0;
      }
      case 'migrate': {
        const store = await openStore(databaseTarget(args, env));
        io.stderr.write(
          store.migrationsApplied.length > 0
            ? `applied ${store.migrationsApplied.join(', ')}\n`
            : 'up to date\n',
        );
        await store.close();
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`milieu-server: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`milieu-server: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
