import { createFunction } from "../../lib/engine/sdk";
import { graphileLatency } from "../peers/graphile-worker";
import { pgBossLatency } from "../peers/pg-boss";
import { freshDatabase, percentile, sleep } from "../support";
import { events, relayEngine } from "./relay-engine";

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
}

export function latencyOf(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
}

/**
 * With idle workers, events sent one at a time 5 ms apart: function start minus the moment the
 * event was handed to the ingest call (which commits it before returning).
 */
export async function relayLatency(samples: number): Promise<Latency> {
  const db = await freshDatabase();
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const probe = createFunction({ id: "probe" }, { event: "bench/probe" }, async ({ event }) => {
    latencies.push(performance.now() - sentAt.get(event.data.i as number)!);
  });
  try {
    const engine = await relayEngine(db, [probe], 10);
    await engine.worker.start();
    await sleep(300);
    for (let i = 0; i < samples; i++) {
      const [e] = events("bench/probe", 1);
      e.data = { i };
      sentAt.set(i, performance.now());
      await engine.ingest([e]);
      await sleep(5);
    }
    while (latencies.length < samples) await sleep(20);
    await engine.worker.stop(1_000);
    return latencyOf(latencies);
  } finally {
    await db.drop();
  }
}

export async function peerLatency(peer: "graphile-worker" | "pg-boss", samples: number): Promise<Latency> {
  const db = await freshDatabase();
  try {
    return latencyOf(peer === "graphile-worker" ? await graphileLatency(db.url, samples) : await pgBossLatency(db.url, samples));
  } finally {
    await db.drop();
  }
}
