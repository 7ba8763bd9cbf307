import { createFunction } from "../../lib/engine/sdk";
import { freshDatabase, waitUntil } from "../support";
import { events, relayEngine } from "./relay-engine";

const handled = new Set<string>();
const alwaysFails = createFunction(
  { id: "always-fails", retries: 2, onFailure: async ({ event }) => void handled.add(event.data.run_id) },
  { event: "bench/fail" },
  async () => {
    throw new Error("always");
  },
);

/** `count` runs that fail on every attempt (2 retries, no backoff): seconds until every failure handler completed. */
export async function relayFailurePath(count: number): Promise<number> {
  const db = await freshDatabase();
  try {
    const engine = await relayEngine(db, [alwaysFails], 50);
    for (let i = 0; i < count; i += 1_000) await engine.ingest(events("bench/fail", Math.min(1_000, count - i)));
    const started = performance.now();
    await engine.worker.start();
    await waitUntil(
      async () => (await db.pool.query(`SELECT count(*)::int AS n FROM runs WHERE function_id = 'always-fails-failure' AND status = 'COMPLETED'`)).rows[0].n === count,
      600_000,
      50,
    );
    const seconds = (performance.now() - started) / 1_000;
    await engine.worker.stop(1_000);
    return seconds;
  } finally {
    await db.drop();
  }
}
