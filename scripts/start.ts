// `npm start`: on a fresh machine, starts an embedded PostgreSQL (when DATABASE_URL is unset),
// applies migrations, builds the app if its sources changed, and serves it with a worker inside.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { buildIfStale } from "./build-if-stale";

const ROOT = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

function log(message: string) {
  console.log(`[relay] ${message}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[relay] ${command} ${args.join(" ")} failed`);
    process.exit(result.status ?? 1);
  }
}

async function main() {
  const host = process.env.HOST ?? "127.0.0.1";
  const port = process.env.PORT ?? "3000";
  if (!LOOPBACK.has(host) && !process.env.DASHBOARD_PASSWORD) {
    console.error(
      `[relay] refusing to listen on ${host} without a login: anyone who can reach it could read, retry and cancel runs.\n` +
        `        Set DASHBOARD_PASSWORD, or keep HOST=127.0.0.1.`,
    );
    process.exit(1);
  }

  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dir = process.env.EMBEDDED_PG_DIR ?? path.join(ROOT, ".data/postgres");
    const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    log(`DATABASE_URL is not set: starting an embedded PostgreSQL in ${path.relative(ROOT, dir)} on port ${pgPort}`);
    embedded = await startEmbeddedPostgres(dir, pgPort);
    databaseUrl = embedded.url;
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    // Failed runs' stacks point at the functions' TypeScript sources instead of bundled chunks.
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --enable-source-maps`.trim(),
  };

  log("applying migrations");
  run("npx", ["prisma", "migrate", "deploy"], env);

  if (!dev) buildIfStale(env);

  if (LOOPBACK.has(host) && !process.env.DASHBOARD_PASSWORD) {
    log(`no DASHBOARD_PASSWORD: listening on ${host} only, so only this machine can reach the dashboard`);
  }
  log(`serving http://${host}:${port}`);
  // Next's own binary, not npx: a signal sent to npx does not reach the server it started.
  const server = spawn(path.join(ROOT, "node_modules/.bin/next"), [dev ? "dev" : "start", "-p", port, "-H", host], { cwd: ROOT, env, stdio: "inherit" });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  server.on("exit", async (code) => {
    await embedded?.stop().catch(() => {});
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error("[relay] could not start:", err);
  process.exit(1);
});
