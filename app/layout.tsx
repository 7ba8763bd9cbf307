import type { Metadata } from "next";
import { connection } from "next/server";
import { Nav } from "@/components/Nav";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = { title: "Relay", description: "Durable functions: runs and failures" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Render per request: the CSP nonce (proxy.ts) can only be applied to dynamically rendered pages.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <Providers>
          <Nav />
          <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
