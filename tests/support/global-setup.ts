import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded-postgres";
import { DEFAULT_ADMIN_URL, canConnect, ensureTemplate } from "./postgres";

let embedded: EmbeddedDatabase | null = null;

/**
 * Finds a PostgreSQL for the tests (TEST_DATABASE_URL, the machine's, or an embedded one) and
 * prepares the migrated template every test file copies.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  if (!(await canConnect(adminUrl))) {
    embedded = await startEmbeddedPostgres(path.resolve(__dirname, "../../.data/test-postgres"), 54331);
    adminUrl = embedded.url;
  }
  const template = await ensureTemplate(adminUrl);
  project.provide("adminUrl", adminUrl);
  project.provide("template", template);
  return async () => {
    await embedded?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    template: string;
  }
}
