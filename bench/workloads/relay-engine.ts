import { ingestEvents } from "../../lib/engine/ingest";
import { FunctionRegistry } from "../../lib/engine/registry";
import type { DurableFunction } from "../../lib/engine/sdk";
import { syncFunctions } from "../../lib/engine/sql/sync-functions";
import type { NewEvent } from "../../lib/engine/validate-events";
import { Worker } from "../../lib/engine/worker";
import type { BenchDb } from "../support";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** Relay's engine in this process, as the web server runs it. */
export async function relayEngine(db: BenchDb, functions: DurableFunction[], concurrency: number) {
  const registry = new FunctionRegistry(functions);
  await syncFunctions(db.pool, registry.all());
  const worker = new Worker({ pool: db.pool, connectionString: db.url, registry, concurrency, leaseMs: 30_000, pollMs: 1_000, backoff: () => 0, log: quiet });
  return {
    registry,
    worker,
    ingest: (events: NewEvent[]) => ingestEvents(db.pool, registry, events),
  };
}

export function events(name: string, count: number): NewEvent[] {
  const ts = Date.now();
  return Array.from({ length: count }, (_, i) => ({ name, data: { i }, user: {}, externalId: null, ts, v: null }));
}
