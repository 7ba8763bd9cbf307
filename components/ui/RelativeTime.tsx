"use client";

import { useEffect, useState } from "react";
import { formatAbsolute, formatRelative } from "@/lib/format";

/** "5 min ago", with the exact time on hover; re-renders every 15 s so it stays true. */
export function RelativeTime({ iso }: { iso: string | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);
  if (!iso) return <span className="text-zinc-400">—</span>;
  return (
    <time dateTime={iso} title={formatAbsolute(iso)} suppressHydrationWarning>
      {formatRelative(iso, now)}
    </time>
  );
}
