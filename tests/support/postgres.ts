import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const ROOT = path.resolve(__dirname, "../..");

/** The server tests create their databases on: TEST_DATABASE_URL, else the machine's PostgreSQL. */
export const DEFAULT_ADMIN_URL = "postgresql://root@127.0.0.1:5432/test";

export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A database migrated with `prisma migrate deploy`, named after the migrations' content, to copy for each test file. */
export async function ensureTemplate(adminUrl: string): Promise<string> {
  const hash = crypto.createHash("sha1");
  const dir = path.join(ROOT, "prisma/migrations");
  for (const m of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, m, "migration.sql");
    if (fs.existsSync(file)) hash.update(m).update(fs.readFileSync(file));
  }
  const name = `relay_template_${hash.digest("hex").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Serialise template creation across concurrent test runs on one server.
    await admin.query("SELECT pg_advisory_lock(727274)");
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${name}_build`);
      execFileSync("npx", ["prisma", "migrate", "deploy"], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: withDatabase(adminUrl, `${name}_build`) },
        stdio: "pipe",
      });
      await admin.query(`ALTER DATABASE ${name}_build RENAME TO ${name}`);
    }
    await admin.query("SELECT pg_advisory_unlock(727274)");
  } finally {
    await admin.end();
  }
  return name;
}

export async function createDatabaseFrom(adminUrl: string, template: string): Promise<string> {
  const name = `relay_t_${Date.now().toString(36)}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
