import { createFunction } from "../../lib/engine/sdk";
import { graphileThroughput } from "../peers/graphile-worker";
import { pgBossThroughput } from "../peers/pg-boss";
import { freshDatabase, waitUntil } from "../support";
import { events, relayEngine } from "./relay-engine";

const noop = createFunction({ id: "noop" }, { event: "bench/noop" }, async ({ step }) => step.run("noop", () => null));

/**
 * Runs completed per second: `count` events, each starting a one-step function that does
 * nothing, enqueued up front; timed from starting the worker until the queue is empty (every
 * run, step and attempt stored).
 */
export async function relayThroughput(count: number, concurrency: number): Promise<number> {
  const db = await freshDatabase(Math.max(10, Math.min(concurrency, 20)));
  try {
    const engine = await relayEngine(db, [noop], concurrency);
    for (let i = 0; i < count; i += 1_000) await engine.ingest(events("bench/noop", Math.min(1_000, count - i)));
    const started = performance.now();
    await engine.worker.start();
    await waitUntil(async () => (await db.pool.query(`SELECT EXISTS (SELECT 1 FROM queue) AS busy`)).rows[0].busy === false, 600_000, 25);
    const seconds = (performance.now() - started) / 1_000;
    await engine.worker.stop(1_000);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM runs WHERE status = 'COMPLETED'`);
    if (rows[0].n !== count) throw new Error(`only ${rows[0].n} of ${count} runs completed`);
    return count / seconds;
  } finally {
    await db.drop();
  }
}

export async function peerThroughput(peer: "graphile-worker" | "pg-boss", count: number, concurrency: number): Promise<number> {
  const db = await freshDatabase();
  try {
    return peer === "graphile-worker" ? await graphileThroughput(db.url, count, concurrency) : await pgBossThroughput(db.url, count, concurrency);
  } finally {
    await db.drop();
  }
}
