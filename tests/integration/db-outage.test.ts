import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inject } from "vitest";
import { type TestServer, startServer } from "../support/server";

// The database goes away under load: the server answers 503 with a reason while it is gone (no
// 500s, no hangs), recovers by itself, and every event acknowledged with 200 is stored.
let server: TestServer;
let admin: pg.Client;
let dbName: string;

beforeAll(async () => {
  // Runs whose attempt could not be written during the outage resume when their lease lapses.
  server = await startServer(3603, { DATABASE_POOL_SIZE: "5", WORKER_LEASE_MS: "2000" });
  dbName = new URL(server.databaseUrl).pathname.slice(1);
  admin = new pg.Client({ connectionString: inject("adminUrl") });
  await admin.connect();
}, 180_000);
afterAll(async () => {
  await admin?.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`).catch(() => {});
  await admin?.end();
  await server?.stop();
});

async function cutConnections(refuseNew: boolean) {
  if (refuseNew) await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName]);
}

it("answers 503 while the database is away, recovers by itself, and loses no acknowledged event", async () => {
  const acknowledged: string[] = [];
  const statuses = new Map<number, number>();
  const problems: string[] = [];
  let sending = true;
  let n = 0;

  async function sender() {
    while (sending) {
      const tag = `outage-${n++}`;
      try {
        const res = await fetch(`${server.url}/api/events`, {
          method: "POST",
          body: JSON.stringify({ name: "job/foobar", data: { tag } }),
          signal: AbortSignal.timeout(15_000),
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const body = await res.json();
        if (res.status === 200) acknowledged.push(tag);
        else if (res.status !== 503) problems.push(`${res.status}: ${JSON.stringify(body)}`);
        else if (!/database is unavailable/.test(body.error)) problems.push(`503 without the reason: ${JSON.stringify(body)}`);
      } catch (err) {
        problems.push(`request failed: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  const senders = Array.from({ length: 4 }, sender);

  await new Promise((r) => setTimeout(r, 800));
  for (let i = 0; i < 3; i++) {
    await cutConnections(false); // backends killed: pools must replace dead connections
    await new Promise((r) => setTimeout(r, 400));
  }
  await cutConnections(true); // and now the database refuses connections for 3 s
  await new Promise((r) => setTimeout(r, 3_000));
  await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
  await new Promise((r) => setTimeout(r, 2_000));
  sending = false;
  await Promise.all(senders);

  console.log(`db outage: ${n} events sent, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  expect(problems.slice(0, 10)).toEqual([]);
  expect(statuses.get(503) ?? 0).toBeGreaterThan(0); // the outage was noticed
  expect(statuses.get(200) ?? 0).toBeGreaterThan(0);

  // After the outage: the API answers again without a restart, every acknowledged event is
  // stored, and the worker (reconnected) finishes their runs.
  const after = await fetch(`${server.url}/api/events`, { method: "POST", body: JSON.stringify({ name: "job/foobar", data: { tag: "after" } }) });
  expect(after.status).toBe(200);
  acknowledged.push("after");
  const db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT data->>'tag' AS tag FROM events WHERE data->>'tag' = ANY($1)`, [acknowledged]);
    expect(new Set(rows.map((r) => r.tag))).toEqual(new Set(acknowledged));
    const deadline = Date.now() + 30_000;
    let open = -1;
    while (Date.now() < deadline) {
      const { rows: q } = await db.query(`SELECT count(*)::int AS n FROM runs WHERE status IN ('QUEUED', 'RUNNING')`);
      open = q[0].n;
      if (open === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(open).toBe(0);
  } finally {
    await db.end();
  }
}, 120_000);
