/**
 * Command-line options of `milieu-server`, with environment fallbacks.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@milieu/core';
import type { DatabaseTarget } from '../db/connect.js';

/** The process environment (only the variables we read). */
export type Env = Readonly<Record<string, string | undefined>>;

/** The usage text. */
export const USAGE = `Usage:
  milieu-server serve [--db FILE | --database-url URL] [--port N] [--host ADDR] [--seed FILE]
                      [--cors-origin ORIGIN]... [--rate-limit N] [--static DIR] [--log-level LEVEL]
                      [--token-cache-ms MS] [--cache-budget MIB]
                      [--anonymous-as ROLE[:ID]]   (local demos only: loopback, no proxy)
  milieu-server token create --role admin|staff|participant|kiosk [--program ID]...
                      [--participant ID] [--staff ID] [--label TEXT] [--db FILE | --database-url URL]
  milieu-server token list   [--db FILE | --database-url URL]
  milieu-server token revoke TOKEN_ID [--db FILE | --database-url URL]
  milieu-server programs     [--db FILE | --database-url URL]
  milieu-server migrate      [--db FILE | --database-url URL]

Programs: a database holds many programs (one per document, by program.id); their routes are
/api/v1/programs/ID/…, and /api/v1/… serves the database's only program. --program ID (repeat it
for several; a participant token takes exactly one) gives the token its role in those programs
only. Without --program an admin token is global (every program) and any other token gets the
database's only program (refused when there are several).

Database: --db FILE (or MILIEU_DB; default ./milieu.db) for SQLite, or --database-url
postgres://… (or DATABASE_URL) for PostgreSQL. Other environment variables: MILIEU_PORT,
MILIEU_HOST, MILIEU_CORS_ORIGIN (comma-separated), MILIEU_RATE_LIMIT, MILIEU_LOG_LEVEL,
MILIEU_TOKEN_CACHE_MS (how long a token lookup is trusted: a revoked token stops working on
every instance within it; default 5000), MILIEU_CACHE_BUDGET (MiB of in-memory caches;
default 64).
`;

/** Thrown for a command line that cannot run; the message is shown with the usage. */
export class UsageError extends Error {
  /** @param message - what is wrong */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const OPTIONS = {
  db: { type: 'string' },
  'database-url': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  'cors-origin': { type: 'string', multiple: true },
  'rate-limit': { type: 'string' },
  'cache-budget': { type: 'string' },
  static: { type: 'string' },
  'log-level': { type: 'string' },
  'token-cache-ms': { type: 'string' },
  role: { type: 'string' },
  participant: { type: 'string' },
  staff: { type: 'string' },
  label: { type: 'string' },
  program: { type: 'string', multiple: true },
  'anonymous-as': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Parsed command line. */
export interface ParsedArgs {
  positionals: string[];
  values: {
    db?: string;
    'database-url'?: string;
    port?: string;
    host?: string;
    seed?: string;
    'cors-origin'?: string[];
    'rate-limit'?: string;
    'cache-budget'?: string;
    static?: string;
    'log-level'?: string;
    'token-cache-ms'?: string;
    role?: string;
    participant?: string;
    staff?: string;
    label?: string;
    program?: string[];
    'anonymous-as'?: string;
    help?: boolean;
    version?: boolean;
  };
}

/**
 * Parses the arguments (after the program name).
 *
 * @param argv - the arguments
 * @throws UsageError on unknown options or missing values
 */
export function parse(argv: readonly string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The database to use: flags first, then `DATABASE_URL` / `MILIEU_DB`, then `./milieu.db`.
 *
 * @param args - parsed arguments
 * @param env - the environment
 */
export function databaseTarget(args: ParsedArgs, env: Env): DatabaseTarget {
  const { db, 'database-url': url } = args.values;
  if (db !== undefined && url !== undefined)
    throw new UsageError('give --db or --database-url, not both');
  if (url !== undefined) return postgres(url);
  if (db !== undefined) return { kind: 'sqlite', file: db };
  if (env['DATABASE_URL']) return postgres(env['DATABASE_URL']);
  return { kind: 'sqlite', file: env['MILIEU_DB'] || './milieu.db' };
}

function postgres(url: string): DatabaseTarget {
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new UsageError('--database-url must start with postgres://');
  return { kind: 'postgres', url };
}

/**
 * A whole number option within bounds.
 *
 * @param name - the option, for messages
 * @param value - its text
 * @param min - smallest allowed
 * @param max - largest allowed
 */
export function intOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/**
 * The role option.
 *
 * @param value - its text
 */
export function roleOption(value: string | undefined): Role {
  if (value === undefined) throw new UsageError('--role is required');
  if (!(ROLES as readonly string[]).includes(value))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return value as Role;
}

/**
 * Whether `--host` is a loopback address: `localhost`, `127.0.0.0/8`, `::1` (also written
 * `[::1]` or `::ffff:127.x.x.x`). `0.0.0.0` and `::` (every interface) are not.
 *
 * @param host - the address the server binds
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  const parts = v4.split('.');
  return (
    parts.length === 4 &&
    parts[0] === '127' &&
    parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
  );
}

/**
 * The `--anonymous-as ROLE[:ID]` option (`participant:p-01`, `staff:st-1`, `kiosk`).
 *
 * @param value - its text
 * @param host - the address the server binds
 */
export function anonymousOption(
  value: string,
  host: string,
): { role: Role; participantId?: string; staffId?: string } {
  if (!isLoopbackHost(host))
    throw new UsageError(
      `--anonymous-as is for local demos: bind to a loopback address (127.0.0.1, ::1, localhost), not ${host}`,
    );
  const [roleText, id] = value.split(':', 2);
  const role = roleOption(roleText);
  if (role === 'participant') {
    if (!id) throw new UsageError('--anonymous-as participant needs an id: participant:p-01');
    return { role, participantId: id };
  }
  if (id && role === 'kiosk') throw new UsageError('--anonymous-as kiosk takes no id');
  return id ? { role, staffId: id } : { role };
}
