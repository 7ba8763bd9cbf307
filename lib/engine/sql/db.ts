import type pg from "pg";

/** A pool or a checked-out client: anything that can run a query. */
export type Db = Pick<pg.Pool | pg.PoolClient, "query">;

/** Postgres' channel that wakes idle workers when runs are queued. */
export const QUEUE_CHANNEL = "relay_queue";
