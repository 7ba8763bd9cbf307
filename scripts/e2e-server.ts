// The server Playwright tests run against: a fresh database (so no test sees another run's
// data), no retry backoff (failing functions fail within a second), on port 3100.
import { spawn } from "node:child_process";
import path from "node:path";
import { DEFAULT_ADMIN_URL, canConnect, createDatabaseFrom, ensureTemplate } from "../tests/support/postgres";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";

async function main() {
  let adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  if (!(await canConnect(adminUrl))) {
    adminUrl = (await startEmbeddedPostgres(path.resolve(__dirname, "../.data/test-postgres"), 54332)).url;
  }
  const template = await ensureTemplate(adminUrl);
  const databaseUrl = await createDatabaseFrom(adminUrl, template);
  const server = spawn("npx", ["tsx", path.join(__dirname, "start.ts")], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: process.env.E2E_PORT ?? "3100",
      HOST: "127.0.0.1",
      RETRY_BACKOFF_MS: "0",
      WORKER_POLL_MS: "200",
    },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

void main();
