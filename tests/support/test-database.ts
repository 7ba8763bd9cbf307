import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createDatabaseFrom, dropDatabase } from "./postgres";

export interface TestDatabase {
  url: string;
  pool: pg.Pool;
}

/** A fresh, migrated database for the calling test file, dropped after it. */
export function useTestDatabase(): TestDatabase {
  const db = {} as TestDatabase;
  beforeAll(async () => {
    db.url = await createDatabaseFrom(inject("adminUrl"), inject("template"));
    db.pool = new pg.Pool({ connectionString: db.url, max: 10 });
    // An idle connection ended by the database's drop (or a fault test) must not crash the runner.
    db.pool.on("error", () => {});
  });
  afterAll(async () => {
    await db.pool?.end();
    if (db.url) await dropDatabase(inject("adminUrl"), db.url);
  });
  return db;
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}
