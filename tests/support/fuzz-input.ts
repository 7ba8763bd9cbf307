/** A small seeded PRNG (mulberry32): the same seed gives the same requests, so a failure reproduces. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  return { next, int, pick };
}

export type Rand = ReturnType<typeof prng>;

const NASTY_STRINGS = [
  "", " ", "\u0000", "a\u0000b", "\uD800", "\uDFFF tail", "😀", "中文", "\u202Eevil", "<script>alert(1)</script>", "' OR 1=1 --",
  "'; DROP TABLE runs; --", "%00", "../../etc/passwd", "null", "undefined", "NaN", "-1", "1e309", "{}", "[]", "\\", "\"", "inngest/x",
  "INNGEST/function.failed", "01M88JTF6DZFX0SG8R4WMPSPA1", "01m88jtf6dzfx0sg8r4wmpspa1", "ZZZZZZZZZZZZZZZZZZZZZZZZZZ", "00000000000000000000000000",
];

export function randomString(r: Rand): string {
  switch (r.int(6)) {
    case 0: return r.pick(NASTY_STRINGS);
    case 1: return "x".repeat(r.pick([255, 256, 257, 300, 5_000, 70_000]));
    case 2: return Array.from({ length: r.int(20) }, () => String.fromCharCode(r.int(0x10000))).join("");
    case 3: return `job/${r.int(1000)}`;
    default: return Math.random.toString().slice(0, r.int(10)) + r.pick(NASTY_STRINGS);
  }
}

export function randomJson(r: Rand, depth = 0): unknown {
  const kind = r.int(depth > 4 ? 5 : 8);
  switch (kind) {
    case 0: return null;
    case 1: return r.next() < 0.5;
    case 2: return r.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 1701318974082]);
    case 3: case 4: return randomString(r);
    case 5: return Array.from({ length: r.int(4) }, () => randomJson(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = r.int(4); i > 0; i--) o[randomString(r).slice(0, 30)] = randomJson(r, depth + 1);
      return o;
    }
  }
}

export function deeplyNested(levels: number): string {
  return "[".repeat(levels) + "]".repeat(levels);
}

/** An event-ish object, usually almost valid, with one field off. */
export function randomEvent(r: Rand): unknown {
  const e: Record<string, unknown> = { name: r.pick(["job/foobar", "test/non-retriable", "fuzz/x", randomString(r)]) };
  if (r.next() < 0.6) e.data = r.next() < 0.7 ? { k: randomJson(r) } : randomJson(r);
  if (r.next() < 0.2) e.user = randomJson(r);
  if (r.next() < 0.2) e.id = r.next() < 0.5 ? randomString(r) : r.int(100);
  if (r.next() < 0.2) e.ts = r.pick([0, -5, 1.5, 1701318974082, 4102444800001, "now", null]);
  if (r.next() < 0.1) e.v = randomJson(r);
  return e;
}
