import { freshDatabase, startServer } from "../support";

export interface IngestResult {
  singleRequestsPerSecond: number;
  batchEventsPerSecond: number;
  peakRssMb: number;
}

async function hammer(url: string, body: string, clients: number, seconds: number): Promise<number> {
  let done = 0;
  const until = performance.now() + seconds * 1_000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const res = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json" } });
        if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
        done++;
      }
    }),
  );
  return done / seconds;
}

/**
 * Events into the running Next.js server over HTTP (its worker off, so this is ingest alone):
 * single-event requests from 32 concurrent clients, and 100-event batches from 8.
 */
export async function relayIngestHttp(seconds: number, port: number): Promise<IngestResult> {
  const db = await freshDatabase();
  const server = await startServer(db.url, port, { WORKER_CONCURRENCY: "0" });
  try {
    const url = `${server.url}/api/events`;
    await hammer(url, JSON.stringify({ name: "bench/ingest", data: { warm: true } }), 8, 1);
    const single = await hammer(url, JSON.stringify({ name: "bench/ingest", data: { user: 42, plan: "pro" } }), 32, seconds);
    const batch = JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ name: "bench/ingest", data: { i, user: 42 } })));
    const batches = await hammer(url, batch, 8, seconds);
    return { singleRequestsPerSecond: single, batchEventsPerSecond: batches * 100, peakRssMb: server.peakRssMb() };
  } finally {
    await server.stop();
    await db.drop();
  }
}
