/**
 * Structured logs: one JSON object per line, without bodies, query strings, tokens or names —
 * the route pattern (`/api/v1/feedback/:id/review`), never the concrete path.
 *
 * @module
 */

/** Fields of a log line (values are never request bodies or personal data). */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** Where log lines go. */
export interface Logger {
  /** `false` when `info` drops everything (callers may then skip building its fields). */
  readonly infoEnabled?: boolean;
  info(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  infoEnabled: false,
  info: () => undefined,
  error: () => undefined,
};

/**
 * A logger writing JSON lines to a stream.
 *
 * @param stream - e.g. `process.stderr`
 * @param level - `info` logs requests too; `error` only failures
 */
export function jsonLogger(
  stream: { write(line: string): unknown },
  level: 'info' | 'error' = 'info',
): Logger {
  const write = (lvl: string, message: string, fields: LogFields = {}) =>
    stream.write(
      JSON.stringify({ time: new Date().toISOString(), level: lvl, msg: message, ...fields }) +
        '\n',
    );
  return {
    infoEnabled: level === 'info',
    info: (message, fields) => {
      if (level === 'info') write('info', message, fields);
    },
    error: (message, fields) => write('error', message, fields),
  };
}
