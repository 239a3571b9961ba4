/** How to install PostgreSQL, for error messages. */
export declare const INSTALL_HINT: string;
/** A running throwaway cluster. */
export interface PostgresCluster {
  /** Connection URL of its `postgres` database. */
  url: string;
  port?: number;
  /** Whether it is an external server (MILIEU_TEST_DATABASE_URL), left running. */
  external: boolean;
  stop(): Promise<void>;
}
/** Starts a throwaway cluster; throws with {@link INSTALL_HINT} when PostgreSQL cannot start. */
export declare function startPostgres(options?: { durable?: boolean }): Promise<PostgresCluster>;
