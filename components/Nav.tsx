"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

const LINKS = [
  { href: "/", label: "Runs" },
  { href: "/events", label: "Events" },
  { href: "/functions", label: "Functions" },
];

export function Nav() {
  const path = usePathname();
  const [me, setMe] = useState<{ user: string; loginsEnabled: boolean } | null>(null);
  useEffect(() => {
    fetch("/api/auth/me").then((r) => (r.ok ? r.json() : null)).then(setMe).catch(() => {});
  }, []);
  const active = (href: string) => (href === "/" ? path === "/" || path.startsWith("/runs") : path.startsWith(href));
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <nav className="mx-auto flex h-12 max-w-7xl items-center gap-6 px-4" aria-label="Main">
        <Link href="/" className="font-semibold tracking-tight">Relay</Link>
        {LINKS.map((l) => (
          <Link key={l.href} href={l.href} aria-current={active(l.href) ? "page" : undefined}
            className={`text-sm ${active(l.href) ? "font-semibold text-zinc-900 dark:text-white" : "text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"}`}>
            {l.label}
          </Link>
        ))}
        {me?.loginsEnabled && (
          <span className="ml-auto flex items-center gap-3 text-sm text-zinc-500">
            {me.user}
            <button type="button" className="underline" onClick={async () => {
              await fetch("/api/auth/logout", { method: "POST" });
              window.location.assign("/login");
            }}>Sign out</button>
          </span>
        )}
      </nav>
    </header>
  );
}
