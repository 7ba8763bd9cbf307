import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Summary } from "./support";

export interface Row {
  workload: string;
  relay: string;
  graphile?: string;
  pgboss?: string;
  target: string;
  met?: boolean;
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const range = (s: Summary, digits = 0, unit = "") => `${fmt(s.median, digits)}${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
export const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;

export function printTable(rows: Row[]): string {
  const header = ["workload", "Relay", "graphile-worker", "pg-boss", "target", "met"];
  const body = rows.map((r) => [r.workload, r.relay, r.graphile ?? "—", r.pgboss ?? "—", r.target, r.met === undefined ? "" : r.met ? "yes" : "NO"]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

export function machine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function writeResults(results: unknown): string {
  const dir = path.join(__dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  return file;
}
