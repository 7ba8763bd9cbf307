"use client";

import { useSearchParams } from "next/navigation";
import { Suspense, useState } from "react";

function LoginForm() {
  const next = useSearchParams().get("next") ?? "/";
  const [user, setUser] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await fetch("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: user || undefined, password }),
    });
    setBusy(false);
    if (res.ok) {
      // Only same-site paths: an open redirect would let a link send people elsewhere after login.
      window.location.assign(next.startsWith("/") && !next.startsWith("//") ? next : "/");
    } else {
      const body = await res.json().catch(() => ({}));
      setError(body.error ?? `sign-in failed (${res.status})`);
    }
  }

  return (
    <form onSubmit={submit} className="mx-auto mt-24 w-full max-w-sm space-y-4 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-lg font-semibold">Sign in to Relay</h1>
      <label className="block text-sm">
        <span className="text-zinc-600 dark:text-zinc-400">User (leave empty for admin)</span>
        <input name="user" value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username"
          className="mt-1 w-full rounded border border-zinc-300 bg-transparent px-3 py-2 dark:border-zinc-700" />
      </label>
      <label className="block text-sm">
        <span className="text-zinc-600 dark:text-zinc-400">Password</span>
        <input name="password" type="password" required value={password} onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password" autoFocus
          className="mt-1 w-full rounded border border-zinc-300 bg-transparent px-3 py-2 dark:border-zinc-700" />
      </label>
      {error && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</p>}
      <button type="submit" disabled={busy}
        className="w-full rounded bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900">
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

export default function LoginPage() {
  return (
    <Suspense>
      <LoginForm />
    </Suspense>
  );
}
