import pg from "pg";

// JSON columns come back parsed; bigint counts come back as numbers (they stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number(v));

declare global {
  // eslint-disable-next-line no-var
  var __relayPool: pg.Pool | undefined;
}

/** The engine's connection pool: one per process, kept across hot reloads in development. */
export function getPool(): pg.Pool {
  if (!globalThis.__relayPool) {
    globalThis.__relayPool = createPool(databaseUrl());
  }
  return globalThis.__relayPool;
}

export function createPool(connectionString: string, max = Number(process.env.DATABASE_POOL_SIZE ?? 10)): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000 });
  // A pooled connection that dies with the server must not crash the process; the next query
  // gets a fresh connection.
  pool.on("error", (err) => console.error("[db] idle connection lost:", err.message));
  return pool;
}

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it, starting an embedded PostgreSQL if needed)");
  return url;
}
