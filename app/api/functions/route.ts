import { listFunctions } from "@/lib/queries/functions";
import { json, route } from "@/lib/server/http";

export const GET = route(async () => json(await listFunctions()));
