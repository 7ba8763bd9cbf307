import { getPool } from "@/lib/db/pool";
import { json, route } from "@/lib/server/http";

/** 200 when the server can reach its database, 503 otherwise. */
export const GET = route(async () => {
  await getPool().query("SELECT 1");
  return json({ ok: true });
});
