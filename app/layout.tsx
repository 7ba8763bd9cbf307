import { connection } from "next/server";
import "./globals.css";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Render per request: the CSP nonce (proxy.ts) can only be applied to dynamically rendered pages.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
